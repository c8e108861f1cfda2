import type { FigureFact, GeneratedCorpus, Measure } from "./generate";
import { createRandom, type Random } from "./random";
import {
  ABSENT_FISCAL_YEARS,
  ABSENT_PARTNERS,
  PARTNERS,
  PORTFOLIOS,
  QUOTE_TOPICS,
  SECTORS,
} from "./vocabulary";

/**
 * Questions for the benchmark, drawn from the facts the generator wrote, in the shapes people ask
 * a trade bot: figures, officials, quotes, open questions, and questions the corpus cannot answer.
 */

export type BenchQuestionKind = "figure" | "official" | "quote" | "open" | "no-answer";

export interface BenchQuestion {
  text: string;
  kind: BenchQuestionKind;
  /** Whether the corpus states the answer (open questions: unknown, so null). */
  answerable: boolean | null;
}

export interface QuestionOptions {
  count: number;
  seed?: number;
}

/** Share of each kind in the mix, in the order drawn. */
export const QUESTION_MIX: ReadonlyArray<readonly [BenchQuestionKind, number]> = [
  ["figure", 0.35],
  ["official", 0.2],
  ["quote", 0.2],
  ["open", 0.1],
  ["no-answer", 0.15],
];

const fiscalYearText = (start: number, random: Random): string => {
  const end = String((start + 1) % 100).padStart(2, "0");
  return random.pick([`FY${start}-${end}`, `fiscal year ${start}-${end}`, `${start}-${end}`]);
};

const adjectiveOf = (partner: string): string =>
  PARTNERS.find((p) => p.name === partner)?.adjective ?? partner;

function figureQuestion(
  measure: Measure,
  partner: string,
  year: number | null,
  random: Random,
): string {
  const Y = year === null ? "" : fiscalYearText(year, random);
  const templates: Record<Measure, string[]> = {
    trade: [
      `What was bilateral trade between Pakistan and ${partner} in ${Y}?`,
      `What was the trade volume between Pakistan and ${partner} in ${Y}?`,
    ],
    exports: [
      `How much did Pakistan export to ${partner} in ${Y}?`,
      `What were Pakistan's exports to ${partner} in ${Y}?`,
    ],
    imports: [`What were Pakistan's imports from ${partner} in ${Y}?`],
    investment: [
      `How much did ${adjectiveOf(partner)} companies invest in Pakistan in ${Y}?`,
      `What was foreign direct investment from ${partner} in ${Y}?`,
    ],
    remittances: [`How much were remittances from ${partner} in ${Y}?`],
    "export growth": [`By what percentage did exports to ${partner} grow in ${Y}?`],
    companies: [`How many ${adjectiveOf(partner)} companies operate in Pakistan?`],
  };
  return random.pick(templates[measure]);
}

function drawKind(random: Random): BenchQuestionKind {
  let r = random.next();
  for (const [kind, share] of QUESTION_MIX) {
    if (r < share) return kind;
    r -= share;
  }
  return "figure";
}

function question(corpus: GeneratedCorpus, kind: BenchQuestionKind, random: Random): BenchQuestion {
  switch (kind) {
    case "figure": {
      const fact: FigureFact | undefined = corpus.figures.length
        ? random.pick(corpus.figures)
        : undefined;
      if (!fact) return question(corpus, "open", random);
      return {
        text: figureQuestion(fact.measure, fact.partner, fact.fiscalYear, random),
        kind,
        answerable: true,
      };
    }
    case "official": {
      const official = corpus.officials.length ? random.pick(corpus.officials) : undefined;
      if (!official) return question(corpus, "open", random);
      const text = random.chance(0.7)
        ? `Who is the ${official.title}?`
        : `Who is ${official.name}?`;
      return { text, kind, answerable: true };
    }
    case "quote": {
      const quote = corpus.quotes.length ? random.pick(corpus.quotes) : undefined;
      if (!quote) return question(corpus, "open", random);
      const text = random.chance(0.7)
        ? `What did ${quote.speaker} say about ${quote.topic}?`
        : `What did the ${quote.title} say about ${quote.topic}?`;
      return { text, kind, answerable: true };
    }
    case "open": {
      const partner = random.pick(PARTNERS).name;
      const sector = random.pick(SECTORS);
      const text = random.pick([
        `Which sectors did Pakistan and ${partner} agree to cooperate in?`,
        `What is Pakistan doing to increase ${sector} exports to ${partner}?`,
        `Why are ${adjectiveOf(partner)} investors interested in Pakistan's ${sector} sector?`,
        `What challenges do Pakistani exporters face in ${partner}?`,
        `Tell me about trade relations between Pakistan and ${partner}`,
      ]);
      return { text, kind, answerable: null };
    }
    case "no-answer": {
      const r = random.next();
      const measures: Measure[] = ["trade", "exports", "imports", "investment"];
      if (r < 0.5) {
        const text = figureQuestion(
          random.pick(measures),
          random.pick(ABSENT_PARTNERS),
          random.pick([2019, 2020, 2021, 2022]),
          random,
        );
        return { text, kind, answerable: false };
      }
      if (r < 0.8) {
        const text = figureQuestion(
          random.pick(measures),
          random.pick(PARTNERS).name,
          random.pick(ABSENT_FISCAL_YEARS),
          random,
        );
        return { text, kind, answerable: false };
      }
      const text = random.pick([
        `Who is the Ambassador of ${random.pick(ABSENT_PARTNERS)} to Pakistan?`,
        `What did the ${random.pick(ABSENT_PARTNERS)} trade minister say about ${random.pick(QUOTE_TOPICS).topic}?`,
        `Who is the Provincial Minister for ${random.pick(PORTFOLIOS)} in Gilgit-Baltistan?`,
      ]);
      return { text, kind, answerable: false };
    }
  }
}

/** `count` questions in the QUESTION_MIX proportions; the same corpus and options give the same list. */
export function generateQuestions(
  corpus: GeneratedCorpus,
  options: QuestionOptions,
): BenchQuestion[] {
  const random = createRandom(options.seed ?? 7);
  const questions: BenchQuestion[] = [];
  for (let i = 0; i < options.count; i++)
    questions.push(question(corpus, drawKind(random), random));
  return questions;
}
