/**
 * Word-level tokens of a sentence, with offsets into the article body, for recognising people's
 * names and titles. Dotted abbreviations (`U.S.`) stay one token so a country abbreviation can be
 * recognised; a name's initial (`A.`) is a letter token followed by a `.` token.
 */

export interface WordToken {
  /** As written. */
  text: string;
  /** Lower-cased, accents removed, curly apostrophes and hyphens straightened: for word lists. */
  norm: string;
  /** Offsets into the article body. */
  start: number;
  end: number;
  /** A word (letters or digits), as opposed to a punctuation mark. */
  word: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Lower-case, accent-free, straight-apostrophe form of a word, for comparing with word lists. */
export function normWord(text: string): string {
  // Most words are plain ASCII: skip the Unicode work for them.
  if (isAscii(text)) return text.toLowerCase().replace(/`/g, "'");
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/‐/g, "-");
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 128) return false;
  return WORD_CHAR.test(text[i] ?? "");
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c >= 128 && LETTER.test(text[i] ?? "");
}

/** Joins the parts of a word: apostrophes (`Pakistan’s`, `d’Affaires`) and hyphens (`Al-Falih`). */
const JOINERS = new Set(["'", "’", "‐", "-"]);

/**
 * Tokens of `text`, whose first character stands at `base` in the body: words (letters, marks,
 * digits, joined by inner apostrophes and hyphens), dotted abbreviations (`U.S.`), and single
 * punctuation marks. A hand-written scanner: this runs over every sentence of the corpus.
 */
export function tokenize(text: string, base = 0): WordToken[] {
  const tokens: WordToken[] = [];
  const push = (from: number, to: number, word: boolean) => {
    const t = text.slice(from, to);
    tokens.push({
      text: t,
      norm: word ? normWord(t) : t,
      start: base + from,
      end: base + to,
      word,
    });
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (
      c === 32 ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      c === 160 ||
      (c > 127 && /\s/.test(text[i] ?? ""))
    ) {
      i++;
      continue;
    }
    if (!isWordChar(text, i)) {
      // One punctuation mark (a surrogate pair stays whole).
      const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      push(i, i + width, false);
      i += width;
      continue;
    }
    // Dotted abbreviation: two or more `letter.` pairs.
    let k = i;
    while (isLetter(text, k) && text[k + 1] === ".") k += 2;
    if (k - i >= 4) {
      push(i, k, true);
      i = k;
      continue;
    }
    let j = i;
    while (j < n) {
      if (isWordChar(text, j)) {
        j++;
      } else if (JOINERS.has(text[j] ?? "") && isWordChar(text, j + 1) && j > i) {
        j += 2;
      } else {
        break;
      }
    }
    push(i, j, true);
    i = j;
  }
  return tokens;
}

/** Whether the token is a word whose first letter is a capital. */
export function isCapitalised(t: WordToken | undefined): boolean {
  if (t === undefined || !t.word) return false;
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(t.text);
}

/** A word written wholly in capitals (`METI`, `MATSUO`), at least two letters. */
export function isAllCaps(t: WordToken | undefined): boolean {
  return (
    t?.word === true && /^[\p{Lu}\p{N}'’-]{2,}$/u.test(t.text) && /\p{Lu}.*\p{Lu}/u.test(t.text)
  );
}

/** Whether the word ends in a possessive `’s`. */
export function isPossessive(t: WordToken | undefined): boolean {
  return t?.word === true && /\p{L}['’]s$/u.test(t.text);
}
