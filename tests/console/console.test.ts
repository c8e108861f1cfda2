import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index";
import { CONSOLE_BANNER, runConsole } from "../../src/console/console";
import { parseConsoleLine } from "../../src/console/parse";
import { replyToText } from "../../src/console/render-text";
import { renderAnswer } from "../../src/discord/render";
import { createLogger } from "../../src/log";
import { commandContext } from "../support/command-context";
import { answered, fakeEngine, TRADE_SENTENCE } from "../support/fake-engine";

async function drive(lines: string[]) {
  const engine = fakeEngine();
  const { ctx, feedback } = commandContext(engine);
  const { userId: _user, ...context } = ctx;
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const done = runConsole(
    { commands, context },
    { input, output, prompt: false, log: createLogger({ write: () => {} }) },
  );
  input.end(`${lines.join("\n")}\n`);
  await done;
  return { text, engine, feedback };
}

describe("parseConsoleLine", () => {
  it("reads options typed as in Discord", () => {
    expect(parseConsoleLine("/ask question: What was trade with Japan?", commands)).toEqual({
      type: "command",
      name: "ask",
      options: { question: "What was trade with Japan?" },
    });
    expect(parseConsoleLine("/figures partner: United States period: 2023", commands)).toEqual({
      type: "command",
      name: "figures",
      options: { partner: "United States", period: "2023" },
    });
  });

  it("turns a boolean option into a boolean", () => {
    expect(parseConsoleLine("/ask question: Trade? private: True", commands)).toEqual({
      type: "command",
      name: "ask",
      options: { question: "Trade?", private: true },
    });
  });

  it("gives text without an option name to the first text option, and a bare line to /ask", () => {
    expect(parseConsoleLine("/official Haroon", commands)).toEqual({
      type: "command",
      name: "official",
      options: { name: "Haroon" },
    });
    expect(parseConsoleLine("What was trade with Japan?", commands)).toEqual({
      type: "command",
      name: "ask",
      options: { question: "What was trade with Japan?" },
    });
  });

  it("knows /press, /quit, blank lines and unknown commands", () => {
    expect(parseConsoleLine("/press 2", commands)).toEqual({ type: "press", button: 2 });
    expect(parseConsoleLine("/quit", commands)).toEqual({ type: "quit" });
    expect(parseConsoleLine("   ", commands)).toEqual({ type: "empty" });
    expect(parseConsoleLine("/nope", commands)).toEqual({
      type: "error",
      message:
        "Unknown command /nope. Commands: /ask, /figures, /compare, /chart, /official, /sources, /insights, /help, /article, /press N, /quit.",
    });
  });
});

describe("replyToText", () => {
  it("prints an answer's title, text, citations, footer and numbered buttons without markdown escapes", () => {
    const text = replyToText(
      renderAnswer({ ...answered, question: "**Trade** with Japan?" }, { questionKey: "K" }),
    );
    expect(text).toBe(
      [
        "## **Trade** with Japan?",
        "The trade volume between Pakistan and Japan stood at **$1.26 billion** in the fiscal year 2022-23.",
        "",
        "[1] Pakistan and Japan Commit to Strengthen Trade Ties",
        "  Daily Example <https://example.com/pakistan-japan> · 2024-05-02",
        `  > ${TRADE_SENTENCE}`,
        "",
        "— Tijarat · Quoted verbatim from 1 article",
        "",
        "Buttons: [1] Show passage [1]  [2] 👍 Helpful  [3] 👎 Not helpful  (type /press N)",
      ].join("\n"),
    );
  });
});

describe("runConsole", () => {
  it("prints the banner, answers each line through the commands and presses buttons", async () => {
    const { text, engine, feedback } = await drive([
      "/ask question: What was trade with Japan?",
      "/press 1",
      "/press 2",
      "",
      "/official name: Matsuo",
      "/sources",
    ]);
    expect(text.startsWith(`${CONSOLE_BANNER}\n## What was trade with Japan?\n`)).toBe(true);
    expect(text).toContain(
      `(only you can see this)\n\n## Pakistan and Japan Commit to Strengthen Trade Ties <https://example.com/pakistan-japan>\n${TRADE_SENTENCE} Both sides want more.`,
    );
    expect(text).toContain("Thanks — your 👍 is recorded.");
    expect(text).toContain("## Matsuo Takehiko");
    expect(text).toContain("## Sources — 1 article");
    expect(engine.calls.ask).toEqual(["What was trade with Japan?"]);
    expect(feedback.map((f) => [f.question, f.vote, f.userId, f.guildId])).toEqual([
      ["What was trade with Japan?", "up", "console", null],
    ]);
  });

  it("explains a bad line and goes on", async () => {
    const { text } = await drive([
      "/press 9",
      "/nope",
      `/ask question: ${"x".repeat(600)}`,
      "/help",
    ]);
    expect(text).toContain("There is no button 9 on the last reply with buttons.");
    expect(text).toContain("Unknown command /nope.");
    expect(text).toContain(
      "(only you can see this)\n`question` is 600 characters long; the limit is 500.",
    );
    expect(text).toContain("## Tijarat — Pakistan's trade partnerships, from the news");
  });

  it("reads each question of a session against the last answer, and a new session afresh", async () => {
    const { text } = await drive([
      "/ask question: What was the trade volume between Pakistan and Japan?",
      "and exports?",
    ]);
    expect(text).toContain(
      "## and exports?\n**Pakistan–Japan exports, fiscal year 2022-23:** The articles do not say.",
    );
    const fresh = await drive(["and exports?"]);
    expect(fresh.text).toContain("## and exports?\nThe articles do not say.");
  });

  it("stops at /quit", async () => {
    const { engine } = await drive(["/quit", "/ask question: Japan?"]);
    expect(engine.calls.ask).toEqual([]);
  });
});
