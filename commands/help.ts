import type { Command, CommandContext, SlashCommandData } from "../src/discord/command";
import type { Reply } from "../src/discord/payload";
import { renderHelp } from "../src/discord/render";
import type { Engine } from "../src/types";

export const data = {
  name: "help",
  description: "What Tijarat knows, and example questions.",
} as const satisfies SlashCommandData;

const HOME = "Pakistan";
const EXAMPLES = 6;

/**
 * Example questions built from what the corpus holds: a figure's measure and partner, an
 * official's quotes or role. Built from the engine's data, so they change with the articles.
 */
export function exampleQuestions(engine: Engine): string[] {
  const examples: string[] = [];
  for (const figure of engine.figures()) {
    if (!figure.measure) continue;
    const partner = figure.partners.find((name) => name !== HOME);
    examples.push(
      partner
        ? `What was the ${figure.measure} between ${HOME} and ${partner}?`
        : `What was the ${figure.measure}${figure.period ? ` in ${figure.period}` : ""}?`,
    );
  }
  const officials = engine.officials();
  const quoted = officials.find((official) => official.quotes.length > 0);
  if (quoted) examples.push(`What did ${quoted.name} say?`);
  const titled = officials.find((official) => official.title && official !== quoted);
  if (titled) examples.push(`Who is ${titled.name}?`);
  const unique = [...new Set(examples)];
  // Keep the officials' examples even when figures are many.
  const people = unique.filter((q) => q.startsWith("What did") || q.startsWith("Who is"));
  const figures = unique.filter((q) => !people.includes(q));
  return [...figures.slice(0, EXAMPLES - people.length), ...people];
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
