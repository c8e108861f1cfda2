import { contentTerms } from "../../text/terms";
import type { Knowledge } from "../knowledge";
import { confidence, scoreAll, THRESHOLD } from "../model";
import { planQuestion, type QuestionPlan } from "../question";
import type { QuoteCandidate } from "./candidate";
import type { PersonMatch } from "./officials";
import { quotesOfPerson } from "./quotes";
import { roleCandidates } from "./roles";

/**
 * The speaker a quote question names by office rather than by name: "what did the vice premier
 * say about CPEC", "…, according to the Japanese consul general". The office is read as "who is
 * the vice premier?" would be, and taken only when that question would be answered — an office
 * the corpus does not hold surely names nobody, and then no one's words are given.
 */

const SAID_BY =
  /\bwhat\s+(?:did|does|do|has|have|had|will|would)\s+(?:the\s+|a\s+|an\s+)?(.+?)\s+(?:say|said|tell|told|think|expect|stress|note|remark|state|add|mention|want|hope|predict|announce|promise|pledge|warn|argue|claim|believe|focus)\b/i;
const ACCORDING_TO = /\b(?:according\s+to|as\s+per)\s+(?:the\s+|a\s+|an\s+)?([^,?.;!]+)/i;

/** A question that asks for someone's account: "…, according to the vice premier?". */
export const ATTRIBUTED = /\b(?:according\s+to|as\s+per)\b/i;

/** The words naming the speaker: `vice premier`, `japanese consul general`. */
export function speakerPhrase(question: string): string | null {
  const phrase = (ACCORDING_TO.exec(question) ?? SAID_BY.exec(question))?.[1]?.trim();
  if (!phrase || phrase.split(/\s+/).length > 8) return null;
  return phrase;
}

export function speakerByRole(k: Knowledge, plan: QuestionPlan): PersonMatch | null {
  const phrase = speakerPhrase(plan.text);
  if (!phrase) return null;
  const candidates = roleCandidates(k, planQuestion(`who is the ${phrase}?`));
  if (candidates.length === 0) return null;
  scoreAll(candidates);
  candidates.sort((a, b) => b.p - a.p);
  const best = candidates.find((c) => c.conflict === null);
  if (!best || confidence(best, candidates) < THRESHOLD) return null;
  return { official: best.official, nameTerms: new Set(contentTerms(phrase)), share: 0 };
}

/**
 * The quotes of the official the question names by office, those that say something of what is
 * asked: an office is a less sure way to the speaker than a name, so words on another subject are
 * not offered in place of an answer.
 */
export function quotesOfRole(k: Knowledge, plan: QuestionPlan): QuoteCandidate[] {
  const speaker = speakerByRole(k, plan);
  if (!speaker) return [];
  return quotesOfPerson(k, plan, speaker).filter(
    (c) => c.features.own > 0 || c.features.sentence > 0,
  );
}
