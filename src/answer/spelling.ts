import SearchableMap from "minisearch/SearchableMap";
import { findCountries } from "../facts/language/countries";
import { isEnglishWord } from "../text/english";
import { STOP_WORDS } from "../text/terms";
import type { Knowledge } from "./knowledge";

/**
 * Typos corrected against the corpus's own words: "pakistn" → "pakistan", "comerce" → "commerce".
 * A word is left alone when the corpus has it, when it is English (WordNet knows it) or when it
 * names a country: "iraq" is a country no article covers, not a misspelt "iran", and "stuff" is
 * not a misspelt "staff". A correction must be the one closest corpus word (ties go to the more
 * frequent), start with the same letter, and be within one edit (two for words of seven letters
 * or more).
 */

const VOCABULARIES = new WeakMap<Knowledge, SearchableMap<number>>();

function vocabulary(k: Knowledge): SearchableMap<number> {
  let map = VOCABULARIES.get(k);
  if (!map) {
    map = new SearchableMap<number>();
    for (const [word, count] of k.wordFrequency) map.set(word, count);
    VOCABULARIES.set(k, map);
  }
  return map;
}

const CANDIDATE = /\p{L}[\p{L}'-]*/gu;

export interface SpellingFix {
  from: string;
  to: string;
}

function isKnown(k: Knowledge, word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  if (STOP_WORDS.has(lower) || k.wordFrequency.has(lower)) return true;
  if (findCountries(word).length > 0) return true;
  return isEnglishWord(lower);
}

/** The closest corpus word to a misspelt one, or null when none is close enough or it is unclear. */
function correction(k: Knowledge, word: string): string | null {
  const lower = word.toLowerCase();
  const distance = lower.length >= 7 ? 2 : 1;
  const found = vocabulary(k).fuzzyGet(lower, distance);
  let best: { word: string; distance: number; count: number } | null = null;
  let tie = false;
  for (const [candidate, [count, d]] of found) {
    if (candidate[0] !== lower[0] || candidate.length < 3) continue;
    if (!best || d < best.distance || (d === best.distance && count > best.count)) {
      tie = best !== null && d === best.distance && count === best.count;
      best = { word: candidate, distance: d, count };
    } else if (d === best.distance && count === best.count) {
      tie = true;
    }
  }
  return best && !tie ? best.word : null;
}

/** The question with its misspelt words replaced, and what was replaced. */
export function correctSpelling(
  k: Knowledge,
  text: string,
): { text: string; fixes: SpellingFix[] } {
  const fixes: SpellingFix[] = [];
  const out = text.replace(CANDIDATE, (word) => {
    // Short words and acronyms are too easily "corrected" into something else.
    if (word.length < 4 || /^\p{Lu}{2,}$/u.test(word)) return word;
    if (isKnown(k, word)) return word;
    const fixed = correction(k, word);
    if (!fixed) return word;
    fixes.push({ from: word, to: fixed });
    return fixed;
  });
  return { text: out, fixes };
}
