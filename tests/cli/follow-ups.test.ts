import { rmSync } from "node:fs";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { conversationCorpusDir } from "../support/conversation-corpus";

/** `ask --jsonl --follow-ups` (CONTRACT.md): each line the next turn, a blank line a new conversation. */
const corpus = conversationCorpusDir();
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

async function cli(args: string[], input = "") {
  let stdout = "";
  let stderr = "";
  const code = await main([...args, "--corpus", corpus], {
    stdin: Readable.from([input]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  const lines = stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
  return { code, lines, stderr };
}

describe("ask --jsonl --follow-ups", () => {
  it("reads each line as the next turn, a blank line starting a new conversation that writes nothing", async () => {
    const run = await cli(
      ["ask", "--jsonl", "--follow-ups"],
      [
        "What was the trade volume between Pakistan and Japan?",
        "and exports?",
        "what about 2021?",
        "who said that?",
        "",
        "and exports?",
        "What was Pakistan's trade with China in FY2023-24?",
        "and Turkey?",
        "what about calendar year 2023?",
      ].join("\n"),
    );
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => l.question)).toEqual([
      "What was the trade volume between Pakistan and Japan?",
      "and exports?",
      "what about 2021?",
      "who said that?",
      "and exports?",
      "What was Pakistan's trade with China in FY2023-24?",
      "and Turkey?",
      "what about calendar year 2023?",
    ]);
    const [japan, exports, year, who, fresh, china, turkey, turkey2023] = run.lines;
    for (const turn of [japan, exports, year, who, china, turkey2023]) {
      expect(turn.answered, turn.question).toBe(true);
      expect(turn.citations.length, turn.question).toBeGreaterThan(0);
    }
    expect(japan.assumed).toBeUndefined();
    expect(exports.assumed).toBe("Pakistan–Japan exports, fiscal year 2022-23");
    expect(exports.text).toMatch(/^Pakistan–Japan exports, fiscal year 2022-23: .*\$190 million/);
    expect(year.text).toMatch(/^Pakistan–Japan exports, 2021: .*\$228 million/);
    expect(who.text).toContain("Kamran Ahmed Siddiqui");
    // After the blank line nothing is assumed.
    expect(fresh.assumed).toBeUndefined();
    expect(fresh.text).not.toContain("Japan");
    // Türkiye's trade is given for calendar 2023 only: not found for FY2023-24, and said so.
    expect(turkey.answered).toBe(false);
    expect(turkey.text).toMatch(
      /^Pakistan–Turkey trade, FY2023-24: .*The articles give \$1\.4 billion for calendar year 2023, not for FY2023-24 \[1\]\.$/,
    );
    expect(turkey2023.text).toMatch(/^Pakistan–Turkey trade, calendar year 2023: .*\$1\.4 billion/);
    for (const turn of run.lines) {
      for (const citation of turn.citations) expect(typeof citation.excerpt).toBe("string");
    }
  });

  it("answers each line on its own without --follow-ups", async () => {
    const run = await cli(
      ["ask", "--jsonl"],
      "What was the trade volume between Pakistan and Japan?\nand exports?\n",
    );
    expect(run.lines[1]?.assumed).toBeUndefined();
  });

  it("refuses --follow-ups without --jsonl, naming what goes with what", async () => {
    const run = await cli(["ask", "--follow-ups", "and exports?"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("tijarat: --follow-ups goes with ask --jsonl");
  });
});
