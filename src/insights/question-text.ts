/**
 * A question's text as the store keeps it, and how two questions are told to ask the same thing:
 * first the same normalised text (grouped by the store), then similar content words (merged in
 * `report.ts`).
 */
import { contentTerms, words } from "../text/terms";

const MAX_LENGTH = 500;

/**
 * The question with what could name a person taken out: Discord mention syntax (`<@123>`,
 * `<@!123>`, `<@&456>`) and bare Discord ids (17–20 digits), which no trade question needs.
 */
export function scrubQuestion(question: string): string {
  return question
    .replace(/<@!?\d+>/g, "@user")
    .replace(/<@&\d+>/g, "@role")
    .replace(/<#\d+>/g, "#channel")
    .replace(/\b\d{17,20}\b/g, "[id]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_LENGTH);
}

/** Lower case, accents and punctuation folded, possessives dropped: "Pakistan's trade?" → "pakistan trade". */
export function normaliseQuestion(question: string): string {
  return words(question.normalize("NFKC").toLowerCase())
    .map((w) => w.word)
    .join(" ");
}

/** Edit distance of at most one (a typo: one letter added, dropped or changed). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    edits++;
    if (edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const hasDigit = (term: string) => /\d/.test(term);

/**
 * Two terms match when equal, or, for words of five letters or more, one typo apart ("brazl",
 * "brazil"). Short words and numbers must be equal: Iran is not Iraq, 2023 is not 2024.
 */
const termsMatch = (a: string, b: string): boolean =>
  a === b ||
  (a.length >= 5 && b.length >= 5 && !hasDigit(a) && !hasDigit(b) && withinOneEdit(a, b));

/** The content terms of a question as asked (its capitals tell `US` from `us`), each once. */
export const questionTerms = (question: string): string[] => [
  ...new Set(contentTerms(question.normalize("NFKC"))),
];

/** Share of terms the two questions have in common (Jaccard, with typos forgiven). */
export function termSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const unmatched = [...b];
  let matched = 0;
  for (const term of a) {
    const at = unmatched.findIndex((other) => termsMatch(term, other));
    if (at === -1) continue;
    unmatched.splice(at, 1);
    matched++;
  }
  return matched / (a.length + b.length - matched);
}

/** Questions at least this similar, with the same numbers, ask the same thing. */
export const SAME_QUESTION = 0.6;

/** Whether two questions' terms ask the same thing: the same numbers and similar words. */
export function askSameThing(a: readonly string[], b: readonly string[]): boolean {
  const numbers = (terms: readonly string[]) => terms.filter(hasDigit).sort().join(" ");
  if (numbers(a) !== numbers(b)) return false;
  return termSimilarity(a, b) >= SAME_QUESTION;
}
