/**
 * Questions built to be answerable: each is made from one fact the engine extracted (a figure
 * with its measure, partner and period; an official's quote with its speaker), worded in ways a
 * person might ask for it. Grounding properties run on these so their checks are reached in most
 * runs, rather than on word soup that the engine, rightly, mostly declines to answer.
 */
import fc from "fast-check";
import type { Figure, Official, Quote } from "../../src/types";

const LEADS: Record<Figure["kind"], string[]> = {
  money: ["How much was", "What was", "What were", "How large was"],
  percent: ["What share was", "What percentage was", "What was"],
  count: ["How many"],
  quantity: ["How much", "What quantity of"],
  duration: ["How long was", "How long is"],
};

/** Figures a question can name: what they measure is known (or, for a count, what is counted). */
export function askableFigures(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => (f.kind === "count" ? f.unit || f.measure : f.measure));
}

const subjectOf = (f: Figure): string =>
  f.kind === "count" ? (f.unit ?? f.measure ?? "") : `the ${f.measure ?? ""}`;

/** A question asking for one figure: its measure, maybe its partner, maybe its period. */
export function figureQuestion(figures: readonly Figure[]): fc.Arbitrary<string> {
  return fc
    .constantFrom(...figures)
    .chain((f) =>
      fc.tuple(
        fc.constantFrom(...LEADS[f.kind]),
        fc.constant(subjectOf(f)),
        f.partners.length > 0
          ? fc.constantFrom(
              "",
              ` between Pakistan and ${f.partners[0]}`,
              ` with ${f.partners[0]}`,
              ` for Pakistan and ${f.partners.join(" and ")}`,
            )
          : fc.constant(""),
        f.period ? fc.constantFrom("", ` in ${f.period}`) : fc.constant(""),
        fc.constantFrom("?", ""),
      ),
    )
    .map(([lead, subject, partner, period, end]) => `${lead} ${subject}${partner}${period}${end}`);
}

const SHORT = new Set(
  "about after again their there these those which while would could should where being have with from that this were what when will into than them they been very much more most also only just over such".split(
    " ",
  ),
);

/** A quote with the official who said it. */
export interface SaidBy {
  official: Official;
  quote: Quote;
}

export function quotesOf(officials: readonly Official[]): SaidBy[] {
  return officials.flatMap((official) => official.quotes.map((quote) => ({ official, quote })));
}

/** Ways to name an official: their name, another full spelling, their surname. */
function namesOf(o: Official): string[] {
  const surname = o.name.split(/\s+/).at(-1) ?? o.name;
  return [o.name, ...o.aliases.filter((a) => a.includes(" ")), surname];
}

/** "What did Matsuo Takehiko say about Japanese automakers?", with words from the quote. */
export function quoteQuestion(said: readonly SaidBy[]): fc.Arbitrary<string> {
  return fc
    .constantFrom(...said)
    .chain(({ official, quote }) => {
      const words = quote.text
        .split(/[^\p{L}'’-]+/u)
        .filter((w) => w.length > 3 && !SHORT.has(w.toLowerCase()));
      return fc.tuple(
        fc.constantFrom(...namesOf(official)),
        fc.constantFrom(
          "What did NAME say about",
          "What has NAME said about",
          "What did NAME say on",
        ),
        words.length > 0
          ? fc.subarray(words, {
              minLength: Math.min(2, words.length),
              maxLength: Math.min(4, words.length),
            })
          : fc.constant([] as string[]),
      );
    })
    .map(([name, lead, words]) => `${lead.replace("NAME", name)} ${words.join(" ")}?`);
}
