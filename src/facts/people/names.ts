/**
 * People's names in news text: which words can be part of one, reading a name forwards or
 * backwards from a place in a sentence, and the keys that make two spellings one person
 * (`MATSUO Takehiko` = `Matsuo Takehiko` = `Takehiko Matsuo`, `Natalie Baker` = `Natalie A. Baker`).
 */

import { COUNTRIES } from "../language/countries";
import {
  isAllCaps,
  isCapitalised,
  isPossessive,
  normWord,
  type WordToken,
} from "../language/word-tokens";
import {
  isOrganisationWord,
  isPakistaniPlace,
  isTitleModifier,
  isTopicWord,
  titleHeadLength,
} from "./titles";

/** Courtesy words written before a name and not part of it. `Syed`, `Mian` are names, not these. */
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "engr", "prof", "h.e.", "madam"]);

/** Malaysian and Bruneian honours written before a name (`Dato’ Khairul Anuar Yusof`, `Tun`). */
const HONOURS = new Set(["dato", "datuk", "datin", "tun", "toh"]);
/** Honours of two words whose first is also a name (`Tan Sri`, not the surname `Tan`). */
const HONOUR_PAIRS = new Set(["tan", "puan"]);
const HONOUR_SECOND = new Set(["sri", "seri"]);
/** Every word an honorific can begin with: one look-up rules out almost every token. */
const HONOUR_FIRST = new Set([...HONORIFICS, ...HONOURS, ...HONOUR_PAIRS]);

/** Lower-case words inside names (`Mohammed bin Salman`, `Ursula von der Leyen`). */
const PARTICLES = new Set([
  "bin",
  "bint",
  "ibn",
  "al",
  "el",
  "ul",
  "uz",
  "ud",
  "ur",
  "de",
  "da",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "del",
  "la",
  "le",
  "dos",
]);

/** Lower-case particle joined to a capitalised part: `ud-Din`, `ul-Haq`, `al-Falih`. */
const HYPHENED_PARTICLE = /^(?:al|el|ul|uz|ud|ur|ad|ar|as|az|an|ash|at|bin|ibn)-\p{Lu}/u;

/**
 * Parts of names so common that one alone does not single out a person (`Minister Muhammad`):
 * a lone reference by one of these is not resolved.
 */
const GENERIC_PARTS = new Set([
  "muhammad",
  "mohammad",
  "mohammed",
  "muhammed",
  "syed",
  "sayed",
  "syeda",
  "abdul",
  "mian",
  "sheikh",
  "shaikh",
  "chaudhry",
  "chaudhary",
  "choudhry",
  "malik",
  "raja",
  "rana",
  "sardar",
  "khawaja",
  "khwaja",
  "makhdoom",
  "pir",
  "mir",
  "hafiz",
  "haji",
  "mufti",
  "maulana",
  "begum",
  "bibi",
  "jam",
]);

/** Given names and name prefixes common in the region's news: a hint where a name begins. */
const NAME_HINTS = new Set([
  ...GENERIC_PARTS,
  "ali",
  "ahmad",
  "ahmed",
  "abdullah",
  "imran",
  "asad",
  "hassan",
  "hasan",
  "hussain",
  "husain",
  "khalid",
  "omar",
  "umar",
  "usman",
  "tariq",
  "zafar",
  "faisal",
  "ishaq",
  "shahid",
  "nawaz",
  "javed",
  "jawed",
  "aamir",
  "amir",
]);

/** Capitalised words that start sentences and clauses but never names. */
const FUNCTION_WORDS = [
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  "there",
  "here",
  "it",
  "its",
  "he",
  "she",
  "they",
  "we",
  "i",
  "you",
  "our",
  "his",
  "her",
  "their",
  "my",
  "your",
  "who",
  "what",
  "when",
  "where",
  "why",
  "how",
  "which",
  "while",
  "whilst",
  "although",
  "though",
  "because",
  "since",
  "if",
  "unless",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "into",
  "on",
  "of",
  "off",
  "over",
  "under",
  "with",
  "without",
  "within",
  "after",
  "before",
  "during",
  "following",
  "according",
  "despite",
  "given",
  "amid",
  "among",
  "between",
  "through",
  "throughout",
  "upon",
  "against",
  "toward",
  "towards",
  "to",
  "and",
  "but",
  "or",
  "nor",
  "so",
  "yet",
  "some",
  "all",
  "any",
  "no",
  "not",
  "such",
  "other",
  "another",
  "most",
  "more",
  "many",
  "much",
  "several",
  "both",
  "each",
  "every",
  "either",
  "neither",
  "only",
  "even",
  "still",
  "also",
  "however",
  "moreover",
  "furthermore",
  "additionally",
  "meanwhile",
  "overall",
  "separately",
  "earlier",
  "later",
  "today",
  "yesterday",
  "tomorrow",
  "last",
  "next",
  "new",
  "major",
  "key",
  "top",
  "senior",
  "speaking",
  "addressing",
  "talking",
  "officials",
  "official",
  "sources",
  "analysts",
  "experts",
  "observers",
  "critics",
  "insiders",
  "representatives",
  "representative",
  "delegates",
  "delegation",
  "minister",
  "ministers",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sir",
  "his",
  "excellency",
  "honourable",
  "honorable",
  "said",
  "says",
  "noted",
  "added",
  "further",
  "then",
  "now",
  "once",
  "again",
  "thus",
  "hence",
  "therefore",
  "indeed",
  "instead",
  "perhaps",
  "currently",
  "recently",
  "previously",
  "initially",
  "finally",
  "first",
  "second",
  "third",
  "former",
  "several",
  "regional",
  "global",
  "world",
  "expo",
  "read",
  "more",
  "breaking",
  "news",
  "government",
  "state",
  "central",
  "north",
  "south",
  "east",
  "west",
  "northern",
  "southern",
  "eastern",
  "western",
  "general",
  "chief",
  "high",
  "prime",
  "vice",
  "assistant",
  "deputy",
  "acting",
  "caretaker",
];

const MONTHS_AND_DAYS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
];

const NON_NAME = new Set<string>([...FUNCTION_WORDS, ...MONTHS_AND_DAYS, ...HONOURS]);
// Words of country names, adjectives and capitals (`Japan`, `Kingdom`, `Tokyo`), except those
// that also begin people's names (`Abu` of `Abu Dhabi`, `Hong` of `Hong Kong`).
const PERSONAL_TOO = new Set(["abu", "hong", "kong", "kuala", "jordan"]);
for (const c of COUNTRIES) {
  for (const n of [...c.names, ...c.adjectives, ...c.abbreviations, ...c.capitals]) {
    for (const w of normWord(n).split(/\s+/)) if (!PERSONAL_TOO.has(w)) NON_NAME.add(w);
  }
}

/** Whether a lower-case word can never be part of a person's name. */
export function isNonNameWord(norm: string): boolean {
  const bare = norm.replace(/'s$/, "");
  return (
    NON_NAME.has(bare) ||
    isTopicWord(bare) ||
    isOrganisationWord(bare) ||
    isTitleModifier(bare) ||
    titleHeadLength([bare], 0) > 0 ||
    isPakistaniPlace(bare)
  );
}

const nameWordCache = new Map<string, boolean>();

/** A capitalised word that can be part of a person's name. */
export function isNameWord(t: WordToken | undefined): boolean {
  if (t === undefined || !t.word) return false;
  // Most words start in lower case: answered without hashing the word for the cache.
  const first = t.text.charCodeAt(0);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  let known = nameWordCache.get(t.text);
  if (known === undefined) {
    // One letter alone is an initial, not a name word.
    known = /^\p{Lu}[\p{L}\p{M}'’‐-]+$/u.test(t.text) && !isNonNameWord(t.norm);
    // The vocabulary of capitalised words is small next to a corpus; still, bound the memory.
    if (nameWordCache.size > 200_000) nameWordCache.clear();
    nameWordCache.set(t.text, known);
  }
  return known;
}

export function isHonorific(t: WordToken | undefined): boolean {
  return (
    t?.word === true && (HONORIFICS.has(t.norm) || HONOURS.has(t.norm)) && /^\p{Lu}/u.test(t.text)
  );
}

/**
 * How many tokens the honorific at `i` spans (0 when none stands there), with its dot or
 * apostrophe and a second word: `Dr.`, `Dato’`, `Datuk Seri`, `Tan Sri`.
 */
export function honorificLength(tokens: readonly WordToken[], i: number): number {
  const t = tokens[i];
  if (t === undefined || !HONOUR_FIRST.has(t.norm)) return 0;
  let n: number;
  if (HONORIFICS.has(t.norm) || HONOURS.has(t.norm)) n = 1;
  else if (HONOUR_PAIRS.has(t.norm) && HONOUR_SECOND.has(tokens[i + 1]?.norm ?? "")) n = 2;
  else return 0;
  if (!isCapitalised(t)) return 0;
  const mark = tokens[i + n];
  const before = tokens[i + n - 1];
  if (mark && before && mark.start === before.end && [".", "'", "’"].includes(mark.text)) n++;
  if (HONOURS.has(t.norm) && HONOUR_SECOND.has(tokens[i + n]?.norm ?? "")) n++;
  return n;
}

/** An initial: one capital letter followed by a `.` token (`A.` in `Natalie A. Baker`). */
function isInitialAt(tokens: readonly WordToken[], i: number): boolean {
  const t = tokens[i];
  const dot = tokens[i + 1];
  return t !== undefined && /^\p{Lu}$/u.test(t.text) && dot?.text === "." && dot.start === t.end;
}

function isParticleAt(tokens: readonly WordToken[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || !t.word || !PARTICLES.has(t.text)) return false;
  // Particles come in runs (`von der Leyen`) that end in a name word.
  const next = tokens[i + 1];
  return (
    isNameWord(next) ||
    (next !== undefined && PARTICLES.has(next.text) && isNameWord(tokens[i + 2]))
  );
}

/** A lower-case particle inside a name at `i` (`ul` of `Moin ul Haque`), followed by the rest of it. */
export function isNameParticleAt(tokens: readonly WordToken[], i: number): boolean {
  return isParticleAt(tokens, i);
}

function isHyphenedParticle(t: WordToken | undefined): boolean {
  return t?.word === true && HYPHENED_PARTICLE.test(t.text);
}

/** A name as found in a sentence: tokens `first..last` (inclusive) and its span in the body. */
export interface NameRun {
  first: number;
  last: number;
  start: number;
  end: number;
  /** Capitalised words in it, initials and particles not counted. */
  words: number;
  /** Ends in a possessive (`Khan’s`); `end` stops before the `’s`. */
  possessive: boolean;
}

/** A run of name words (an all-capitals word only beside a normal one: `MATSUO Takehiko`, not `METI`). */
function finishRun(
  tokens: readonly WordToken[],
  first: number,
  last: number,
  words: number,
): NameRun | null {
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b || words === 0) return null;
  let mixed = false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (t && isNameWord(t) && !isAllCaps(t)) mixed = true;
  }
  if (!mixed) return null;
  const possessive = isPossessive(b);
  return { first, last, start: a.start, end: possessive ? b.end - 2 : b.end, words, possessive };
}

const MAX_INITIALS = 2;

/**
 * `He` of `Vice Premier He Lifeng`: a Chinese surname written like the pronoun. Read as a name
 * only with a name word right after it, which the pronoun never has (`He said`, `He also`).
 */
function isSurnameLikePronounAt(tokens: readonly WordToken[], j: number): boolean {
  const t = tokens[j];
  const next = tokens[j + 1];
  return t?.text === "He" && next !== undefined && next.start === t.end + 1 && isNameWord(next);
}

/** The name that starts at token `i`, if one does. Stops after a possessive word. */
export function readNameForward(tokens: readonly WordToken[], i: number): NameRun | null {
  let j = i;
  let words = 0;
  let initials = 0;
  let last = -1;
  while (j < tokens.length) {
    const t = tokens[j];
    // Up to two initials, each before a name word (`Natalie A. Baker`, `J. R. Smith`).
    if (
      initials < MAX_INITIALS &&
      isInitialAt(tokens, j) &&
      (isNameWord(tokens[j + 2]) || isInitialAt(tokens, j + 2))
    ) {
      initials++;
      j += 2;
      continue;
    }
    if (isNameWord(t) || (j === i && isSurnameLikePronounAt(tokens, j))) {
      words++;
      last = j;
      j++;
      if (isPossessive(t)) break;
      continue;
    }
    if (j > i && isParticleAt(tokens, j)) {
      j++;
      continue;
    }
    if (j > i && isHyphenedParticle(t)) {
      last = j;
      j++;
      continue;
    }
    break;
  }
  if (last < i) return null;
  return finishRun(tokens, i, last, words);
}

/** The name that ends at token `last` (inclusive), read backwards, if one does. */
export function readNameBackward(tokens: readonly WordToken[], last: number): NameRun | null {
  const end = tokens[last];
  if (!isNameWord(end) && !isHyphenedParticle(end)) return null;
  let j = last;
  let words = 0;
  let initials = 0;
  let first = last;
  while (j >= 0) {
    const t = tokens[j];
    if (isNameWord(t)) {
      words++;
      first = j;
      j--;
      continue;
    }
    if (j < last && isHyphenedParticle(t)) {
      first = j;
      j--;
      continue;
    }
    if (j < last && j === first - 1 && isSurnameLikePronounAt(tokens, j)) {
      words++;
      first = j;
      break;
    }
    // `A.` read from its dot.
    if (t?.text === "." && isInitialAt(tokens, j - 1) && j < last && initials < MAX_INITIALS) {
      initials++;
      first = j - 1;
      j -= 2;
      continue;
    }
    // Particles count only when a name word stands before them (`first` never rests on one).
    if (j < last && t && PARTICLES.has(t.text)) {
      j--;
      continue;
    }
    break;
  }
  // A name begins with a name word, not an initial's dot or a particle.
  while (first < last && !isNameWord(tokens[first]) && !isInitialAt(tokens, first)) first++;
  return finishRun(tokens, first, last, words);
}

/** Whether the token is a common given name or prefix, a hint that a name begins there. */
export function isNameHint(t: WordToken | undefined): boolean {
  return t !== undefined && NAME_HINTS.has(t.norm);
}

/** Name parts for comparing names: lower-case, accent-free, without initials, particles, honorifics. */
export function nameParts(name: string): string[] {
  return normWord(name)
    .replace(/'s\b/g, "")
    .split(/[\s\-.,]+/)
    .filter(
      (w) =>
        w.length > 1 &&
        !PARTICLES.has(w) &&
        !HONORIFICS.has(w) &&
        !HONORIFICS.has(`${w}.`) &&
        !HONOURS.has(w),
    );
}

/** One key per person however the name is spelled or ordered. */
export function nameKey(name: string): string {
  return [...nameParts(name)].sort().join(" ");
}

/** Whether a single part is too common to identify a person on its own. */
export function isGenericPart(part: string): boolean {
  return GENERIC_PARTS.has(part);
}

/** The name with parts written all in capitals given an ordinary case: `MATSUO Takehiko` → `Matsuo Takehiko`. */
export function properCaseName(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) =>
      /^[\p{Lu}'’-]{2,}$/u.test(w) && /\p{Lu}{2}/u.test(w)
        ? w
            .toLowerCase()
            .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
        : w,
    )
    .join(" ");
}

function queryParts(text: string): string[] {
  return normWord(text)
    .replace(/'s\b/g, "")
    .split(/[\s\-.,;:"'“”()]+/)
    .filter((w) => w.length > 0 && !HONORIFICS.has(w));
}

/**
 * Whether a query names a person known by `names`: every word of the query begins a word of one
 * of the names, case- and accent-insensitive, in any order (`Khan Haroon`, `matsuo`, `Mitsuhiro`).
 */
export function namesMatchQuery(names: readonly string[], query: string): boolean {
  const wanted = queryParts(query);
  if (wanted.length === 0) return true;
  const have = names.flatMap((n) =>
    normWord(n)
      .split(/[\s\-.,]+/)
      .filter((w) => w.length > 0),
  );
  return wanted.every((q) => have.some((h) => h.startsWith(q)));
}

/** Spellings of one name in the region's transliterations (`Mohammad`, `Muhammed`, `Mohd`). */
const SPELLINGS: Record<string, string> = {};
for (const [canonical, ...variants] of [
  ["muhammad", "mohammad", "mohammed", "muhammed", "mohamed", "mohamad", "muhamad", "mohd", "muhd"],
  ["ahmad", "ahmed"],
  ["husain", "hussain", "hussein", "husein", "hossain"],
  ["hasan", "hassan"],
  ["usman", "osman", "othman", "uthman"],
  ["umar", "omar"],
  ["yusuf", "yousuf", "yousaf", "yusof", "yousef", "yousof"],
  ["chaudhry", "chaudhary", "choudhry", "chaudhri", "choudhary"],
  ["shaikh", "sheikh"],
  ["syed", "sayed", "sayyid", "saiyid", "sayyed"],
  ["khwaja", "khawaja"],
  ["abdul", "abdel", "abdal"],
  ["rahman", "rehman", "rahmaan"],
  ["mahmud", "mehmood", "mahmood", "mehmud"],
]) {
  if (canonical) for (const v of [canonical, ...variants]) SPELLINGS[v] = canonical;
}

/**
 * One form for the ways a name part is transliterated: known variants (`Mohammad` → `muhammad`),
 * long vowels written doubled (`Jameel` → `jamil`, `Mahmood`) and doubled consonants (`Hussain`).
 */
export function phoneticPart(part: string): string {
  const known = SPELLINGS[part] ?? phoneticCache.get(part);
  if (known) return known;
  const form = part
    .replace(/ee/g, "i")
    .replace(/oo|ou/g, "u")
    .replace(/(\p{L})\1+/gu, "$1");
  // Names repeat across a corpus far more than they vary; still, bound the memory.
  if (phoneticCache.size > 100_000) phoneticCache.clear();
  phoneticCache.set(part, form);
  return form;
}

const phoneticCache = new Map<string, string>();

/** Name parts (see `nameParts`) in their transliteration-free form, sorted: one key per spelling. */
export function phoneticNameKey(name: string): string {
  return nameParts(name).map(phoneticPart).sort().join(" ");
}
