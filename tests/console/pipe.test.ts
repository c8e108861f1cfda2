import { describe, expect, it } from "vitest";
import { CONSOLE_BANNER } from "../../src/console/console";
import { runConsoleProcess } from "../support/console-process";

const runConsole = (lines: string[]) => runConsoleProcess(lines);

describe("the local console through a pipe", () => {
  it("answers the dev questions from the corpus and exits 0 at end of input", async () => {
    const result = await runConsole([
      "/ask question: What was the trade volume between Pakistan and Japan?",
      "/official name: Haroon",
      "/figures partner: Japan",
      "/sources",
      "/help",
    ]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.split("\n")[0]).toBe(CONSOLE_BANNER);
    expect(out).not.toContain("tijarat>");
    expect(out).toContain("## What was the trade volume between Pakistan and Japan?");
    expect(out).toContain("**$1.26 billion**");
    expect(out).toContain("## Haroon Akhtar Khan");
    expect(out).toContain("## Figures — partner: Japan");
    expect(out).toContain("## Sources — 3 articles");
    expect(out).toContain("## Tijarat — Pakistan's trade partnerships, from the news");
  });
});
