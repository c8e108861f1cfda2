import { boundedMemo } from "../../text/bounded-memo";
import { wordHoldsTerm } from "../../text/synonyms";
import { contentTerms, STOP_WORDS, words } from "../../text/terms";
import { type Knowledge, termWeight } from "../knowledge";

/**
 * How much of a question's topic stands close to one spot of a sentence — a figure's value —
 * weighted by rarity and by nearness: "imports from China stood at $8.5 billion, while exports
 * were $1.3 billion" holds both "imports" and "exports", but only "exports" is next to $1.3
 * billion. Words across a clause break (a comma, "while", "against") count half.
 */

interface Word {
  term: string;
  /** Position in words, counting clause breaks as extra distance. */
  at: number;
  clause: number;
  start: number;
}

const CLAUSE_PUNCTUATION = /[,;:(]/;
const CLAUSE_WORDS = new Set(["while", "whereas", "against", "compared", "but", "versus", "vs"]);

/** `contentTerms` of one word, worked out once per word rather than per occurrence. */
const wordTerms = boundedMemo(50_000, contentTerms);

/** A sentence's content words with positions and clause numbers, cached by sentence text. */
const tokens = boundedMemo(20_000, (sentence: string): Word[] => {
  const out: Word[] = [];
  let clause = 0;
  let previousEnd = 0;
  let position = 0;
  for (const w of words(sentence)) {
    if (CLAUSE_PUNCTUATION.test(sentence.slice(previousEnd, w.start)) || CLAUSE_WORDS.has(w.word)) {
      clause++;
    }
    previousEnd = w.end;
    position++;
    if (STOP_WORDS.has(w.word)) continue;
    for (const term of wordTerms(w.word)) out.push({ term, at: position, clause, start: w.start });
  }
  return out;
});

/** Nearness of a word `distance` words away, halved across a clause break. */
function nearness(distance: number, sameClause: boolean): number {
  const base = Math.exp(-Math.max(0, distance - 1) / 5);
  return sameClause ? base : base / 2;
}

/**
 * Rarity-weighted share of `topic` found near offset `at` of `sentence` (0–1). A topic term is
 * found by itself or by one of its synonyms.
 */
export function localCoverage(
  k: Knowledge,
  topic: readonly string[],
  sentence: string,
  at: number,
): number {
  if (topic.length === 0) return 1;
  const ws = tokens(sentence);
  // Where the spot is, in word positions: the first word starting at or after it.
  let pivot = ws.length > 0 ? (ws[ws.length - 1]?.at ?? 0) + 1 : 0;
  let pivotClause = ws.length > 0 ? (ws[ws.length - 1]?.clause ?? 0) : 0;
  for (const w of ws) {
    if (w.start >= at) {
      pivot = w.at;
      pivotClause = w.clause;
      break;
    }
  }
  let total = 0;
  let hit = 0;
  for (const t of topic) {
    const weight = termWeight(k, t);
    total += weight;
    let best = 0;
    for (const w of ws) {
      if (!wordHoldsTerm(w.term, t)) continue;
      const n = nearness(Math.abs(w.at - pivot), w.clause === pivotClause);
      if (n > best) best = n;
    }
    hit += weight * best;
  }
  return total === 0 ? 0 : hit / total;
}
