import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_MODULE } from "../../bench/engine-module";
import { parseOptions, UsageError } from "../../bench/options";

describe("bench options", () => {
  it("measures 1,000 and 10,000 passages with 1,000 questions, three cold starts and 60 charts by default", () => {
    expect(parseOptions([])).toEqual({
      sizes: [1000, 10000],
      json: false,
      quick: false,
      questions: 1000,
      coldStartRuns: 3,
      charts: 60,
      bareQuestions: null,
      seed: undefined,
      enginePath: DEFAULT_ENGINE_MODULE,
      profileDir: undefined,
    });
  });

  it("times bare MiniSearch on all questions unless --bare-questions caps them", () => {
    expect(parseOptions(["--bare-questions", "20"]).bareQuestions).toBe(20);
    expect(parseOptions(["--bare-questions", "0"]).bareQuestions).toBe(0);
    expect(() => parseOptions(["--bare-questions", "-1"])).toThrow(/--bare-questions/);
  });

  it("reads --sizes as a comma-separated list, with or without an equals sign", () => {
    expect(parseOptions(["--sizes", "1000,10000,100000"]).sizes).toEqual([1000, 10000, 100000]);
    expect(parseOptions(["--sizes=500"]).sizes).toEqual([500]);
  });

  it("asks fewer questions, starts cold once and draws fewer charts under --quick", () => {
    const options = parseOptions(["--quick", "--json"]);
    expect(options.questions).toBe(200);
    expect(options.coldStartRuns).toBe(1);
    expect(options.charts).toBe(20);
    expect(parseOptions(["--charts", "5"]).charts).toBe(5);
    expect(options.json).toBe(true);
  });

  it("lets --questions override the --quick count", () => {
    expect(parseOptions(["--quick", "--questions", "50"]).questions).toBe(50);
  });

  it("rejects a size that is not a positive whole number", () => {
    expect(() => parseOptions(["--sizes", "1000,ten"])).toThrow(UsageError);
    expect(() => parseOptions(["--sizes", "0"])).toThrow(
      "--sizes needs a positive whole number, got 0",
    );
  });
});
