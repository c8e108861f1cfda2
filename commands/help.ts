import type { Command, CommandContext, SlashCommandData } from "../src/discord/command";
import type { Reply } from "../src/discord/payload";
import { renderHelp } from "../src/discord/render";
import { findPeriods } from "../src/facts/language/periods";
import type { Engine } from "../src/types";

export const data = {
  name: "help",
  description: "What Tijarat knows, and example questions.",
} as const satisfies SlashCommandData;

const HOME = "Pakistan";
const EXAMPLES = 6;

/** Candidate questions tried on the engine at most, so /help stays quick on a large corpus. */
const TRIED = 16;

/** A figure's question in the words people use: exports go to a partner, imports come from one. */
function figureQuestion(measure: string, country: string | undefined, period: string | null) {
  const when = period ? ` in ${period}` : "";
  const plural = /s$/i.test(measure);
  // "the United States", "the European Union", "the Netherlands".
  const partner =
    country && /^(?:United|European|Netherlands|Philippines|Czech|Maldives)\b/.test(country)
      ? `the ${country}`
      : country;
  if (!partner) return `What ${plural ? "were" : "was"} the ${measure}${when}?`;
  if (/\bexports?\b/i.test(measure)) return `What were ${HOME}'s ${measure} to ${partner}${when}?`;
  if (/\bimports?\b/i.test(measure))
    return `What were ${HOME}'s ${measure} from ${partner}${when}?`;
  return `What was the ${measure} between ${HOME} and ${partner}${when}?`;
}

/**
 * Example questions built from what the corpus holds — money and percentages with what they
 * measure, an official's quotes or role — and kept only when the engine answers them, so every
 * example works. Built from the engine's data, so they change with the articles.
 */
export function exampleQuestions(engine: Engine): string[] {
  // One question per partner first, so the examples show the breadth of the corpus.
  const byPartner = new Map<string, string[]>();
  for (const figure of engine.figures()) {
    if (!figure.measure || (figure.kind !== "money" && figure.kind !== "percent")) continue;
    // A period it says in years ("next three years" is a goal's horizon, not a question's).
    if (figure.period && !findPeriods(figure.period).some((p) => p.years.length > 0)) continue;
    const partner = figure.partners.find((name) => name !== HOME);
    const list = byPartner.get(partner ?? "") ?? [];
    list.push(figureQuestion(figure.measure, partner, figure.period));
    byPartner.set(partner ?? "", list);
  }
  // Figures about a partner before those about Pakistan alone.
  const lists = [...byPartner.entries()]
    .sort(([a], [b]) => Number(a === "") - Number(b === ""))
    .map(([, list]) => list);
  const figures = lists.flatMap((_, round) => lists.flatMap((list) => list[round] ?? []));
  const people: string[] = [];
  const officials = engine.officials();
  const quoted = officials.find((official) => official.quotes.length > 0);
  if (quoted) people.push(`What did ${quoted.name} say?`);
  const titled = officials.find((official) => official.title && official !== quoted);
  if (titled) people.push(`Who is ${titled.name}?`);
  const answered = (questions: string[], wanted: number) =>
    [...new Set(questions)]
      .slice(0, TRIED)
      .filter((q) => engine.ask(q).answered)
      .slice(0, wanted);
  const asked = answered(people, EXAMPLES);
  return [...answered(figures, EXAMPLES - asked.length), ...asked];
}

export function execute(_options: unknown, ctx: CommandContext): Reply {
  const { engine } = ctx;
  return renderHelp({
    articles: engine.sources().length,
    figures: engine.figures().length,
    officials: engine.officials().length,
    partners: engine.partners(),
    examples: exampleQuestions(engine),
  });
}

export const command: Command = { data, execute };
