import { describe, expect, it } from "vitest";
import { exampleQuestions, execute as help } from "../../commands/help";
import { commandNamed, commands } from "../../commands/index";
import { execute as sources } from "../../commands/sources";
import { commandContext } from "../support/command-context";
import { expectWithinDiscordLimits } from "../support/discord-limits";
import { answered, fakeEngine, makeFigure, unanswered } from "../support/fake-engine";

describe("/sources and /help", () => {
  it("lists the engine's sources", () => {
    const { ctx } = commandContext(fakeEngine());
    const reply = sources({}, ctx);
    expect(reply.embeds?.[0]?.title).toBe("Sources — 1 article");
    expect(reply.embeds?.[0]?.description).toBe(
      "**1.** [Pakistan and Japan Commit to Strengthen Trade Ties](https://example.com/pakistan-japan) — Daily Example · 2024-05-02\n1 figure, 1 official, 3 paragraphs",
    );
  });

  it("draws example questions from the corpus's figures and officials, and keeps those the engine answers", () => {
    const engine = fakeEngine({
      figures: [
        makeFigure({ measure: "exports", partners: ["China"], period: "FY2023-24" }),
        makeFigure(),
        makeFigure({ measure: "IT exports", partners: [], period: "2023" }),
        makeFigure({ measure: "imports", partners: ["United States"], period: "next three years" }),
      ],
      // Answers only what names Japan or China, as if the rest were not in the articles.
      answer: (question) =>
        /japan|china|matsuo/i.test(question) ? { ...answered, question } : unanswered(question),
    });
    expect(exampleQuestions(engine)).toEqual([
      "What were Pakistan's exports to China in FY2023-24?",
      "What was the trade volume between Pakistan and Japan in fiscal year 2022-23?",
      "What did Matsuo Takehiko say?",
    ]);
  });

  it("renders help within the limits", () => {
    const { ctx } = commandContext(fakeEngine());
    const reply = help({}, ctx);
    expectWithinDiscordLimits(reply);
    expect(reply.embeds?.[0]?.fields?.[2]).toEqual({
      name: "Partners in the figures",
      value: "Japan",
    });
  });

  it("registers the eight commands by name", () => {
    expect(commands.map((c) => c.data.name)).toEqual([
      "ask",
      "figures",
      "compare",
      "chart",
      "official",
      "sources",
      "insights",
      "help",
      "article",
    ]);
    expect(commandNamed("official")?.data.name).toBe("official");
    expect(commandNamed("nope")).toBeUndefined();
  });

  it("defines commands Discord accepts: lower-case names, descriptions of 1 to 100 characters", () => {
    for (const { data } of commands) {
      const options = data.options ?? [];
      const nested = options.flatMap((o) => ("options" in o ? (o.options ?? []) : []));
      for (const item of [data, ...options, ...nested]) {
        expect(item.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(item.description.length).toBeGreaterThan(0);
        expect(item.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
