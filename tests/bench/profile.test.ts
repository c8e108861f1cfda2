import { describe, expect, it } from "vitest";
import { type CpuProfile, hotFunctions, profiled } from "../../bench/profile";

const frame = (functionName: string, lineNumber = 0) => ({
  functionName,
  url: "file:///project/src/answer/ask.ts",
  lineNumber,
  columnNumber: 0,
});

// root → ask → (search, render); ask itself also has samples.
const profile: CpuProfile = {
  nodes: [
    {
      id: 1,
      callFrame: { functionName: "(root)", url: "", lineNumber: -1, columnNumber: -1 },
      children: [2],
    },
    { id: 2, callFrame: frame("ask", 9), children: [3, 4] },
    { id: 3, callFrame: frame("search", 19) },
    { id: 4, callFrame: frame("render", 29) },
  ],
  startTime: 0,
  endTime: 100,
  samples: [3, 3, 3, 3, 3, 3, 4, 4, 2, 2],
  timeDeltas: [0, 10, 10, 10, 10, 10, 10, 10, 10, 10],
};

describe("CPU profile summary", () => {
  it("ranks functions by self time and gives the time under each, relative to the project", () => {
    expect(hotFunctions(profile, "/project", 3)).toEqual([
      { name: "search (src/answer/ask.ts:20)", selfPercent: 60, totalPercent: 60 },
      { name: "render (src/answer/ask.ts:30)", selfPercent: 20, totalPercent: 20 },
      { name: "ask (src/answer/ask.ts:10)", selfPercent: 20, totalPercent: 100 },
    ]);
  });

  it("profiles a piece of work and returns its result with samples", async () => {
    const { result, profile: measured } = await profiled(() => {
      let sum = 0;
      for (let i = 0; i < 2_000_000; i++) sum += i % 7;
      return sum;
    });
    expect(result).toBe(5_999_995);
    expect(measured.nodes.length).toBeGreaterThan(1);
  });
});
