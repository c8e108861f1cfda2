/**
 * What the insights keep of an engine Answer: the partners and measures it concerned, what it
 * said was missing and which articles it cited. Read from the Answer only; the engine is not asked
 * anything more.
 */
import type { Answer } from "../types";

const HOME = "Pakistan";

/** "no article about Brazil", "no figure about Brazil": the partner the corpus lacks. */
const MISSING_PARTNER = /^no (?:article|figure) about (.+)$/i;

const unique = (values: Iterable<string>): string[] => [
  ...new Set([...values].map((v) => v.trim()).filter((v) => v.length > 0)),
];

export interface AnswerFacets {
  missing: string[];
  citedArticleIds: string[];
  partners: string[];
  measures: string[];
}

export function answerFacets(answer: Answer): AnswerFacets {
  const partners = [
    ...answer.figures.flatMap((figure) => figure.partners),
    ...answer.officials.flatMap((official) => (official.country ? [official.country] : [])),
    ...answer.missing.flatMap((text) => {
      const partner = MISSING_PARTNER.exec(text)?.[1];
      return partner ? [partner] : [];
    }),
  ].filter((partner) => partner !== HOME);
  return {
    missing: unique(answer.missing),
    citedArticleIds: unique(answer.citations.map((citation) => citation.articleId)),
    partners: unique(partners),
    measures: unique(answer.figures.flatMap((figure) => (figure.measure ? [figure.measure] : []))),
  };
}
