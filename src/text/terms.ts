import { stemmer as porter } from "stemmer";

/**
 * Words → search terms, shared by the index, the fact index and question analysis so that a word
 * in a question and the same word in an article always meet as the same term.
 */

/** Function words and question words: they carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with about as into onto over under " +
    "between among through during before after above below up down out off than then too very " +
    "is are was were be been being am do does did doing done have has had having will would shall " +
    "should can could may might must it its it's this that these those there here their they them " +
    "he him his she her hers we us our you your i me my mine who whom whose which what when where " +
    "why how whether if also just only not no yes all any both each either neither some such own " +
    "same other another more most much many few one s t re ve ll d tell me please give show list " +
    "according said says say told per via really actually exactly mainly mostly still even ever " +
    "already thanks due because owing"
  ).split(/\s+/),
);

/**
 * Words that occur in nearly every article of a Pakistan-trade corpus: as query terms they match
 * everything and rank nothing, so the search leaves them out (facts still match them).
 */
export const CORPUS_COMMON: ReadonlySet<string> = new Set(["pakistan", "pakistani", "pakistan's"]);

const WORD = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu;

/**
 * Folds what writers vary and readers do not notice: curly apostrophes, accents (`Chargé` and
 * `Charge`). Keeps the length of the text, so offsets still point into the original.
 */
export function foldForMatching(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (ch) => {
    if (ch === "’" || ch === "‘") return "'";
    const base = ch.normalize("NFD").replace(/\p{M}+/gu, "");
    return base.length === 1 ? base : ch;
  });
}

/** Lower-cased words with their offsets; possessive `'s` dropped; dotted abbreviations undotted. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const folded = foldForMatching(text);
  // exec on WORD itself: matchAll would copy the regular expression on every call.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) {
    // The regular expressions only where they can match: this is the hot loop of reading text.
    const last = m[0].charCodeAt(m[0].length - 1);
    const raw = last === 115 || last === 83 ? m[0].replace(/['’]s$/i, "") : m[0];
    let w = raw.toLowerCase();
    if (w.includes(".") && /^(?:\p{L}\.)+\p{L}$/u.test(w)) w = w.replace(/\./g, "");
    // An acronym spelled like a function word (`IT`, `US`, `U.S.`) is a topic, not `it` or `us`.
    if (STOP_WORDS.has(w) && /^(?:\p{Lu}\.?){2,}$/u.test(raw)) w = `${w}_`;
    const start = m.index ?? 0;
    out.push({ word: w, start, end: start + m[0].length });
  }
  return out;
}

/**
 * Porter's stemmer, then a five-letter prefix, so `chairs` and `Chairman`, `Japan` and `Japanese`,
 * `automakers` and `automotive`, `trade` and `trading` meet. Coarse on purpose: it only has to make
 * related words collide more often than unrelated ones, and ranking sorts out the rest.
 */
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s !== undefined) return s;
  const w = word.toLowerCase();
  s = /[\d_]/.test(w) ? w : porter(w).slice(0, 5);
  if (STEMS.size > 200_000) STEMS.clear();
  STEMS.set(word, s);
  return s;
}

/**
 * Stemming is the hot loop of ingest and of sentence scoring; a news vocabulary is small. Keyed by
 * the word as asked (nearly always lower-case already), so a word seen before costs one lookup.
 */
const STEMS = new Map<string, string>();

/** Topic terms of a text: words minus stop words, stemmed. */
export function contentTerms(text: string): string[] {
  return contentTermsOfWords(words(text));
}

/** `contentTerms` of a text already split by `words`. */
export function contentTermsOfWords(textWords: readonly { word: string }[]): string[] {
  const out: string[] = [];
  for (const { word } of textWords) {
    if (STOP_WORDS.has(word)) continue;
    for (const part of word.includes("-") || word.includes("–") ? word.split(/[-–]/) : [word]) {
      if (part.length === 0 || STOP_WORDS.has(part)) continue;
      out.push(stem(part));
    }
  }
  return out;
}
