import SearchableMap from "minisearch/SearchableMap";
import { COUNTRIES, findCountries } from "../facts/language/countries";
import { englishUse } from "../text/english";
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

/** Country names as one-word forms, so a misspelt country is corrected even where no article names it. */
const COUNTRY_WORDS = COUNTRIES.flatMap((c) => [...c.names, ...c.adjectives])
  .filter((n) => /^\p{L}+$/u.test(n))
  .map((n) => n.toLowerCase());

/** A word the corpus uses at least this often may replace a rare English look-alike ("minster"). */
const COMMON_IN_CORPUS = 3;

function vocabulary(k: Knowledge): SearchableMap<number> {
  let map = VOCABULARIES.get(k);
  if (!map) {
    map = new SearchableMap<number>();
    for (const [word, count] of k.wordFrequency) map.set(word, count);
    for (const word of COUNTRY_WORDS) map.set(word, Math.max(map.get(word) ?? 0, COMMON_IN_CORPUS));
    VOCABULARIES.set(k, map);
  }
  return map;
}

const CANDIDATE = /\p{L}[\p{L}'-]*/gu;

export interface SpellingFix {
  from: string;
  to: string;
}

/**
 * Whether a word is right as typed: the corpus has it, it names a country, or it is English —
 * unless it is an English word nobody uses one edit away from a word the corpus uses often
 * ("minster" for "minister").
 */
function isKnown(k: Knowledge, word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  if (STOP_WORDS.has(lower) || k.wordFrequency.has(lower)) return true;
  if (findCountries(word).length > 0) return true;
  const use = englishUse(lower);
  if (use < 0) return false;
  if (use > 0) return true;
  for (const [candidate, [count]] of vocabulary(k).fuzzyGet(lower, 2)) {
    if (count < COMMON_IN_CORPUS || candidate[0] !== lower[0]) continue;
    if (typingDistance(lower, candidate) <= 1) return false;
  }
  return true;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("chian" → "china"), the
 * commonest slip of typing that Levenshtein's distance counts as two.
 */
function typingDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] ?? Number.POSITIVE_INFINITY;
}

/** The closest corpus word to a misspelt one, or null when none is close enough or it is unclear. */
function correction(k: Knowledge, word: string): string | null {
  const lower = word.toLowerCase();
  const allowed = lower.length >= 7 ? 2 : 1;
  const found = vocabulary(k).fuzzyGet(lower, lower.length >= 5 ? 2 : 1);
  let best: { word: string; distance: number; count: number } | null = null;
  let tie = false;
  for (const [candidate, [count]] of found) {
    if (candidate[0] !== lower[0] || candidate.length < 3) continue;
    const d = typingDistance(lower, candidate);
    if (d > allowed) continue;
    if (!best || d < best.distance || (d === best.distance && count > best.count)) {
      tie = best !== null && d === best.distance && count === best.count;
      best = { word: candidate, distance: d, count };
    } else if (d === best.distance && count === best.count) {
      tie = true;
    }
  }
  return best && !tie ? best.word : null;
}

/**
 * The question with its misspelt words replaced, and names typed in lower case given the capital
 * the corpus writes them with ("world expo" → "world Expo", "azhar ali dahar" → "Azhar Ali
 * Dahar"), so that they read as names; and what was changed.
 */
export function correctSpelling(
  k: Knowledge,
  text: string,
): { text: string; fixes: SpellingFix[] } {
  const fixes: SpellingFix[] = [];
  const out = text.replace(CANDIDATE, (word) => {
    // Short words and acronyms are too easily "corrected" into something else.
    if (word.length < 4 || /^\p{Lu}{2,}$/u.test(word)) return capitalised(k, word);
    if (isKnown(k, word)) return capitalised(k, word);
    const fixed = correction(k, word);
    if (!fixed) return word;
    fixes.push({ from: word, to: fixed });
    return capitalised(k, fixed);
  });
  return { text: out, fixes };
}

/** A lower-case word the corpus writes as a name, capitalised. */
function capitalised(k: Knowledge, word: string): string {
  if (!/^\p{Ll}/u.test(word) || !k.properNouns.has(word)) return word;
  return word.charAt(0).toUpperCase() + word.slice(1);
}
