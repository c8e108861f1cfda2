import type { Random } from "./random";

/**
 * Invented words for the long tail of the vocabulary. Real news at a few million words has tens
 * of thousands of distinct terms (names of firms, places, products); an index's size and a fuzzy
 * search's cost grow with that tail, so a corpus built from a few hundred real words would make
 * every search look cheaper than it is.
 */

const ONSETS = [
  "b",
  "d",
  "f",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "sh",
  "kh",
  "br",
  "tr",
];
const VOWELS = ["a", "e", "i", "o", "u", "a", "i", "ai"];
const CODAS = ["", "", "", "n", "r", "l", "s", "m", "k", "t"];

function syllable(random: Random): string {
  return random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
}

/** `count` distinct lower-case invented words of 2–3 syllables, none of them in `exclude`. */
export function pseudoWords(random: Random, count: number, exclude: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  let attempts = 0;
  while (words.length < count) {
    if (++attempts > count * 50) throw new Error(`could not invent ${count} distinct words`);
    const parts = random.chance(0.75) ? 2 : 3;
    let word = "";
    for (let i = 0; i < parts; i++) word += syllable(random);
    if (word.length < 4 || seen.has(word) || exclude.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

export const capitalize = (word: string): string =>
  word.length === 0 ? word : (word[0] ?? "").toUpperCase() + word.slice(1);
