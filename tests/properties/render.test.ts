import fc from "fast-check";
import { describe, it } from "vitest";
import { commands } from "../../commands";
import { renderAnswer, renderPassage } from "../../src/discord/render";
import { route } from "../../src/discord/router";
import type {
  Answer,
  Article,
  Citation,
  Engine,
  Figure,
  Official,
  Passage,
  SourceSummary,
} from "../../src/types";
import { commandContext } from "../support/command-context";
import { hostileQuestion } from "./hostile-text";
import { expectSafeReply, expectSafeResponse } from "./safe-reply";

/**
 * The renderer and every command, fed hostile text in every string the engine could hand them
 * (article titles, excerpts, figure values, officials' names and quotes) and every string a user
 * could type: each reply stays within Discord's limits and can never ping anyone.
 */

const text = hostileQuestion();
const maybeText = fc.option(text, { nil: null });
/** Names the engine extracts (officials, partner countries) always hold a visible character. */
const name = text.filter((value) => /\S/.test(value));
/** The loader only lets an ISO date or nothing through, so `published` is never free text. */
const isoDate = fc.option(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);
const url = fc.option(fc.oneof(fc.webUrl(), text, fc.constant("javascript:alert(1)")), {
  nil: null,
});

const citation: fc.Arbitrary<Citation> = fc.record({
  articleId: text,
  title: text,
  publisher: maybeText,
  url,
  published: isoDate,
  excerpt: text,
  start: fc.nat(),
  end: fc.nat(),
  passageId: text,
});

const figure: fc.Arbitrary<Figure> = fc.record({
  value: text,
  amount: fc.option(fc.double(), { nil: null }),
  amountHigh: fc.option(fc.double(), { nil: null }),
  unit: text,
  kind: fc.constantFrom("money", "percent", "count", "duration"),
  qualifier: maybeText,
  measure: maybeText,
  period: maybeText,
  partners: fc.array(name, { maxLength: 4 }),
  source: maybeText,
  articleId: text,
  passageId: text,
  sentence: text,
  sentenceStart: fc.nat(),
  sentenceEnd: fc.nat(),
  valueStart: fc.nat(),
  valueEnd: fc.nat(),
});

const located = {
  articleId: text,
  passageId: text,
  sentence: text,
  sentenceStart: fc.nat(),
  sentenceEnd: fc.nat(),
};

const official: fc.Arbitrary<Official> = fc.record({
  name,
  aliases: fc.array(name, { maxLength: 3 }),
  title: maybeText,
  organization: maybeText,
  country: maybeText,
  quotes: fc.array(fc.record({ text, ...located }), { maxLength: 10 }),
  articleIds: fc.array(text, { maxLength: 12 }),
  mentions: fc.array(fc.record({ ...located, nameAsWritten: text, title: maybeText }), {
    maxLength: 4,
  }),
  kind: fc.constantFrom("government", "diplomat", "business", "analyst", "other"),
  offices: fc.array(
    fc.record({
      rank: text,
      modifiers: fc.array(text, { maxLength: 2 }),
      portfolio: fc.array(text, { maxLength: 4 }),
      organization: maybeText,
      country: maybeText,
      postedTo: maybeText,
    }),
    { maxLength: 3 },
  ),
  associates: fc.array(
    fc.record({
      name,
      title: maybeText,
      articleId: text,
      passageId: text,
      sentenceStart: fc.nat(),
      sentenceEnd: fc.nat(),
    }),
    { maxLength: 30 },
  ),
});

const answer: fc.Arbitrary<Answer> = fc.record({
  question: text,
  answered: fc.boolean(),
  kind: fc.constantFrom("amount", "count", "share", "when", "who", "quote", "other"),
  text,
  figures: fc.array(figure, { maxLength: 12 }),
  officials: fc.array(official, { maxLength: 3 }),
  citations: fc.array(citation, { maxLength: 14 }),
  missing: fc.array(text, { maxLength: 3 }),
});

const article: fc.Arbitrary<Article> = fc.record({
  id: text,
  title: text,
  publisher: maybeText,
  url,
  published: isoDate,
  body: text,
  file: text,
});

const passage: fc.Arbitrary<Passage> = fc.record({
  id: text,
  articleId: text,
  index: fc.nat({ max: 10_000 }),
  text,
  start: fc.nat(),
  end: fc.nat(),
  sentences: fc.constant([]),
});

const source: fc.Arbitrary<SourceSummary> = fc.record({
  id: text,
  title: text,
  publisher: maybeText,
  published: isoDate,
  url,
  passages: fc.nat(),
  figures: fc.nat(),
  officials: fc.nat(),
});

/** An engine that answers everything with the generated (hostile) data. */
function hostileEngine(data: {
  answer: Answer;
  figures: Figure[];
  officials: Official[];
  sources: SourceSummary[];
  article: Article;
  passage: Passage;
}): Engine {
  return {
    issues: [],
    ask: (question) => ({ ...data.answer, question }),
    figures: () => data.figures,
    officials: () => data.officials,
    sources: () => data.sources,
    article: () => data.article,
    passage: () => data.passage,
    partners: () => [...new Set(data.figures.flatMap((f) => f.partners))],
  };
}

const engineData = fc.record({
  answer,
  figures: fc.array(figure, { maxLength: 14 }),
  officials: fc.array(official, { maxLength: 6 }),
  sources: fc.array(source, { maxLength: 40 }),
  article,
  passage,
});

/** Every kind of interaction a user can send, with what they typed. */
const request = fc.oneof(
  fc.record({
    type: fc.constant("command" as const),
    name: fc.constantFrom("ask", "figures", "official", "sources", "help", "nope"),
    options: fc.record(
      {
        question: text,
        private: fc.boolean(),
        partner: text,
        measure: text,
        period: text,
        name: text,
      },
      { requiredKeys: [] },
    ),
    userId: fc.constant("1"),
  }),
  fc.record({
    type: fc.constant("autocomplete" as const),
    name: fc.constantFrom("figures", "official", "ask"),
    focused: fc.record({ name: fc.constantFrom("partner", "name", "question"), value: text }),
    userId: fc.constant("1"),
  }),
  fc.record({
    type: fc.constant("button" as const),
    customId: fc.oneof(
      text,
      fc
        .tuple(fc.constantFrom("ask:passage:", "ask:cite:", "ask:vote:up:", "figures:page:"), text)
        .map(([prefix, rest]) => prefix + rest),
    ),
    userId: fc.constant("1"),
  }),
);

describe("rendering hostile data", () => {
  it("renders any answer within every Discord limit, with no mentions, public or private", () => {
    fc.assert(
      fc.property(answer, fc.boolean(), fc.string({ maxLength: 20 }), (a, ephemeral, key) => {
        expectSafeReply(renderAnswer(a, { questionKey: key, ephemeral }));
      }),
      { numRuns: 150 },
    );
  });

  it("renders any passage of its article, with or without a cited span, within every limit", () => {
    fc.assert(
      fc.property(passage, article, text, (p, a, cited) => {
        expectSafeReply(renderPassage(p, a, cited));
        expectSafeReply(renderPassage(p, a, p.text.slice(0, 50)));
      }),
      { numRuns: 100 },
    );
  });

  it("answers every command, autocomplete and button safely over an engine full of hostile text", async () => {
    await fc.assert(
      fc.asyncProperty(
        engineData,
        fc.array(request, { minLength: 1, maxLength: 4 }),
        async (data, requests) => {
          const { ctx } = commandContext(hostileEngine(data));
          const { userId: _ignored, ...context } = ctx;
          for (const req of requests) {
            expectSafeResponse(await route(req, { commands, context }));
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it("keeps the buttons of a hostile answer safe when pressed", async () => {
    await fc.assert(
      fc.asyncProperty(engineData, text, async (data, question) => {
        const { ctx } = commandContext(hostileEngine(data));
        const { userId: _ignored, ...context } = ctx;
        const first = await route(
          { type: "command", name: "ask", options: { question }, userId: "1" },
          { commands, context },
        );
        expectSafeResponse(first);
        if (first.type !== "reply" && first.type !== "update") return;
        const ids = (first.reply.components ?? []).flatMap((row) =>
          row.components.map((button) => button.custom_id),
        );
        for (const customId of ids) {
          expectSafeResponse(
            await route({ type: "button", customId, userId: "1" }, { commands, context }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
