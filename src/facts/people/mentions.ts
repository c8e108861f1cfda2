/**
 * Finds the people a sentence names, with the title, organisation and country it gives them. The
 * shapes are those of news: a title before the name ("Federal Minister for Commerce, Jam Kamal
 * Khan"), a title after it ("Abdul Hameed, Pakistan’s Ambassador to Japan"), an organisation before
 * the title ("Special Technology Zones Authority Chairman Azfar Manzoor"), an honorific ("Dr.
 * Ishrat Husain"), a name beside a verb of saying ("… said Haroon Akhtar Khan"), and one-word
 * references ("Minister Khan", "Ambassador Mitsuhiro") that the article level resolves.
 *
 * Works on tokens left to right; every step looks a bounded distance around a token, so a sentence
 * costs time linear in its length.
 */

import {
  isAllCaps,
  isCapitalised,
  isPossessive,
  tokenize,
  type WordToken,
} from "../language/word-tokens";
import {
  honorificLength,
  isHonorific,
  isNameHint,
  isNameParticleAt,
  isNameWord,
  isNonNameWord,
  type NameRun,
  readNameBackward,
  readNameForward,
} from "./names";
import { officeOfTitle } from "./offices";
import { SPEECH_VERB } from "./speech";
import {
  countryInName,
  countryOfWords,
  isAcronymTitle,
  isCountryAdjective,
  isDiplomaticHead,
  isGovernmentBody,
  isGovernmentHead,
  isOrganisationWord,
  isPakistaniPlace,
  isTitleModifier,
  isTitleWord,
  isTopicWord,
  ministryOfTitle,
  titleHeadLength,
} from "./titles";

/** What a mention says of a person before anything is read beside the name. */
export const NO_FACTS = {
  title: null,
  titleHead: null,
  organization: null,
  organizationDerived: false,
  country: null,
  postedTo: null,
  diplomatic: false,
  government: false,
  gender: null,
  otherTitles: [],
} as const satisfies Partial<FoundMention>;

/** What the words around a title say of the office, beside the title itself. */
interface OfficeReading {
  organization: string | null;
  /** The organisation was derived from the title (`Ministry of Commerce`), not written. */
  organizationDerived: boolean;
  /** A country the text gives the office (`Pakistan’s`, `U.S.`, `Japan’s Ministry`). */
  country: string | null;
  /** For a diplomatic title, the country in its "to X" (`Ambassador to Japan` → Japan). */
  postedTo: string | null;
  diplomatic: boolean;
  /** The office is one of government (minister, secretary, head of an authority, …). */
  government: boolean;
}

/** What a title says of the office it names (a mention may carry two: `HC of Malaysia, Ambassador X`). */
export interface TitleFacts extends OfficeReading {
  title: string;
  /** The title words of the lexicon, lower-case (`federal minister`), for `Minister Khan`. */
  titleHead: string;
}

export interface FoundMention extends OfficeReading {
  /** Span of the name in the body. */
  nameStart: number;
  nameEnd: number;
  /** The name as written, honorific left out. */
  nameAsWritten: string;
  /** Two or more name words; a one-word reference (`Minister Khan`) is resolved in the article. */
  full: boolean;
  /** How the text refers to the person here, with a title or honorific when it gives one alone. */
  referenceAsWritten: string;
  title: string | null;
  titleHead: string | null;
  /** What an honorific or a title tells of the person's sex (`Mrs`, `Chairwoman`), else null. */
  gender: Gender | null;
  /** Further titles the sentence gives the person, set off before this one by a comma. */
  otherTitles: readonly TitleFacts[];
  how: "title" | "honorific" | "speech";
  /** The whole phrase naming the person, title included (`Muhammad Shakeel Munir, President ICCI`). */
  extentStart: number;
  extentEnd: number;
}

export type Gender = "m" | "f";

export interface SentenceAnalysis {
  /** The sentence's text and where it starts in the body. */
  text: string;
  start: number;
  tokens: WordToken[];
  /** Tokens already read as part of a name or a title. */
  claimed: boolean[];
  mentions: FoundMention[];
  /**
   * A title the sentence gives nobody by name, when it opens the sentence and names a country or
   * a body ("Oman’s Ambassador to Pakistan was also present."): the next sentence may name its
   * holder.
   */
  vacant: TitleFacts | null;
}

const CONNECTORS = new Set(["for", "of", "to", "on", "at", "in"]);

/**
 * The most words a name beside a title may have: Arab and Gulf names run long (`Hamad Obaid
 * Ibrahim Salem Alzaabi`, `Sheikh Hamad bin Jassim bin Jabar Al Thani`).
 */
const MAX_NAME_WORDS = 6;

interface Complement {
  conn: string;
  first: number;
  last: number;
}

interface TitlePhrase {
  /** First token, including a country or organisation before the title. */
  first: number;
  titleFirst: number;
  headFirst: number;
  headLast: number;
  /** Last token of the title and its complements (and a bracketed acronym). */
  last: number;
  complements: Complement[];
  /** Index into `complements` where the organisation begins ("at …", "of the … Bank"), or -1. */
  orgComplement: number;
  prefixCountry: string | null;
  prefixOrg: { first: number; last: number } | null;
  prefixPortfolio: { first: number; last: number } | null;
  possessive: boolean;
  /** A name read inside a complement, which ends the title ("for Commerce Jam Kamal Khan"). */
  nameInside: NameRun | null;
  /**
   * Where the title as written begins: a country's adjective or abbreviation (`Dutch`, `UAE`) and
   * a body (`ICCI`) before it belong to it; a possessive or a country's name (`Pakistan’s`,
   * `Pakistan Foreign Minister`) do not.
   */
  writtenFirst: number;
}

class Sentence {
  readonly tokens: WordToken[];
  /** The tokens' `norm`s, for title look-ups. */
  readonly norms: string[];
  readonly claimed: boolean[];
  readonly mentions: FoundMention[] = [];
  vacant: TitleFacts | null = null;
  /** For each token that ends a found name, the mention's index. */
  readonly mentionEndingAt = new Map<number, number>();

  constructor(
    readonly text: string,
    readonly start: number,
  ) {
    this.tokens = tokenize(text, start);
    this.norms = this.tokens.map((t) => t.norm);
    this.claimed = this.tokens.map(() => false);
  }

  slice(from: number, to: number): string {
    return this.text.slice(from - this.start, to - this.start);
  }

  tok(i: number): WordToken | undefined {
    return this.tokens[i];
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? "";
  }

  claim(first: number, last: number): void {
    for (let k = first; k <= last; k++) this.claimed[k] = true;
  }

  isFree(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) if (this.claimed[k]) return false;
    return true;
  }

  /** Text from the start of token `first` to the end of token `last`. */
  span(first: number, last: number): string {
    const a = this.tokens[first];
    const b = this.tokens[last];
    return a && b ? this.slice(a.start, b.end) : "";
  }
}

/** A word that can sit inside an organisation's or portfolio's name. */
function isTitleCaseWord(t: WordToken | undefined): boolean {
  return isCapitalised(t) && !isHonorific(t);
}

/** Words that are part of a complement or organisation, never a name's. */
function isLexiconWord(t: WordToken | undefined): boolean {
  return t !== undefined && !isNameWord(t);
}

/** The country named by the 1–3 words from `i` (`U.S.`, `Pakistan’s`, `Saudi Arabia’s`). */
function countryAt(
  s: Sentence,
  i: number,
  limit: number,
): { country: string; length: number } | null {
  for (let n = Math.min(3, limit - i + 1); n >= 1; n--) {
    let ok = true;
    for (let k = i; k < i + n; k++) if (!isCapitalised(s.tok(k))) ok = false;
    if (!ok) continue;
    const country = countryOfWords(s.span(i, i + n - 1));
    if (country) return { country, length: n };
  }
  return null;
}

/**
 * What stands before a title: a country (`Pakistan’s`, `U.S.`, `Chinese`), an organisation
 * (`Special Technology Zones Authority`, `SBP`) or a portfolio (`Finance` of `Finance Minister`).
 */
function readPrefix(s: Sentence, phrase: TitlePhrase): void {
  let p = phrase.titleFirst - 1;
  // A body's acronym in brackets between its name and the title: `State Bank of Pakistan (SBP) Governor`.
  let acronym: number | null = null;
  if (
    s.tok(p)?.text === ")" &&
    s.tok(p - 2)?.text === "(" &&
    isAllCaps(s.tok(p - 1)) &&
    !s.claimed[p]
  ) {
    acronym = p - 1;
    p -= 3;
  }
  const end = p;
  const prefixWord = prefixWordTest(s, phrase);
  while (p >= 0 && !s.claimed[p]) {
    const t = s.tok(p);
    if (prefixWord(t) && t && !FUNCTION_START.has(t.norm)) {
      p--;
      // A possessive (`Pakistan’s`, `Saudi Arabia’s`) begins the prefix: nothing before it
      // belongs to the title, save the other words of a country's name.
      if (isPossessive(t)) {
        for (let n = 2; n >= 1; n--) {
          if (p - n + 1 >= 0 && !s.claimed[p - n + 1] && countryOfWords(s.span(p - n + 1, p + 1))) {
            p -= n;
            break;
          }
        }
        break;
      }
      continue;
    }
    const inner = t?.norm;
    const before = s.tok(p - 1);
    const after = s.tok(p + 1);
    if ((inner === "of" || inner === "&") && p < end && isTitleCaseWord(before)) {
      p--;
      continue;
    }
    if (
      inner === "and" &&
      p < end &&
      before &&
      after &&
      isLexiconWord(before) &&
      isLexiconWord(after) &&
      prefixWord(before)
    ) {
      p--;
      continue;
    }
    break;
  }
  classifyPrefix(s, phrase, p + 1, end, prefixWord);
  if (acronym !== null && phrase.prefixOrg === null) {
    phrase.prefixOrg = { first: acronym, last: acronym };
    phrase.first = Math.min(phrase.first, acronym - 1);
  }
}

/**
 * Which words may stand in a title's prefix: capitalised ones, and before a title written in lower
 * case, lower-case portfolio words too (`the trade and investment minister`).
 */
function prefixWordTest(s: Sentence, phrase: TitlePhrase): (t: WordToken | undefined) => boolean {
  if (isCapitalised(s.tok(phrase.headFirst))) return isTitleCaseWord;
  return (t) => isTitleCaseWord(t) || (t?.word === true && isTopicWord(t.norm));
}

/** Sorts the words `first..end` before a title into country, organisation or portfolio. */
function classifyPrefix(
  s: Sentence,
  phrase: TitlePhrase,
  from: number,
  end: number,
  prefixWord: (t: WordToken | undefined) => boolean,
): void {
  let first = from;
  // Connectors cannot begin the prefix.
  while (first <= end && !prefixWord(s.tok(first))) first++;
  if (first > end) return;
  let country: string | null = null;
  const c = countryAt(s, first, end);
  let restFirst = first;
  if (c) {
    country = c.country;
    restFirst = first + c.length;
  }
  // A country's adjective or abbreviation is part of the title as written; its name is not.
  const countryWritten =
    c !== null &&
    !isPossessive(s.tok(restFirst - 1)) &&
    isCountryAdjective(s.span(first, restFirst - 1));
  if (restFirst > end) {
    phrase.prefixCountry = country;
    phrase.first = first;
    if (countryWritten) phrase.writtenFirst = first;
    return;
  }
  const rest = { first: restFirst, last: end };
  let hasOrgWord = false;
  let allTopic = true;
  for (let k = rest.first; k <= rest.last; k++) {
    const t = s.tok(k);
    if (!t?.word) continue;
    if (isOrganisationWord(t.norm)) hasOrgWord = true;
    if (!["and", "of", "&"].includes(t.norm) && !isTopicWord(t.norm)) allTopic = false;
  }
  const isAcronym = rest.first === rest.last && isAllCaps(s.tok(rest.first));
  if (hasOrgWord || isAcronym) {
    // A country written plainly (`Pakistan Software Export Board`) is part of the body's name.
    const countryWords = s.span(first, restFirst - 1);
    if (c && !isPossessive(s.tok(restFirst - 1)) && !isCountryAdjective(countryWords)) {
      phrase.prefixOrg = { first, last: end };
    } else {
      phrase.prefixOrg = rest;
    }
    phrase.prefixCountry = country ?? countryInName(s.span(rest.first, rest.last));
    phrase.first = first;
    phrase.writtenFirst = countryWritten ? first : phrase.prefixOrg.first;
    return;
  }
  if (allTopic) {
    phrase.prefixPortfolio = rest;
    phrase.titleFirst = rest.first;
    phrase.prefixCountry = country;
    phrase.first = first;
    phrase.writtenFirst = countryWritten ? first : rest.first;
  }
}

/** Capitalised words that begin sentences and clauses (`The`, `During`), not names or bodies. */
const FUNCTION_START = new Set([
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "with",
  "for",
  "from",
  "by",
  "as",
  "while",
  "when",
  "meanwhile",
  "however",
  "also",
  "both",
  "and",
  "but",
  "according",
  "speaking",
  "addressing",
  "earlier",
  "later",
  "today",
  "his",
  "her",
  "their",
  "our",
  "its",
  "said",
  "says",
  "told",
  "he",
  "she",
  "they",
  "it",
  "we",
  "if",
  "though",
  "although",
  "since",
  "because",
  "under",
  "over",
  "amid",
  "despite",
  "following",
]);

/** After `, ` inside a complement: whether the list goes on with subjects (`, Trade and Industry`). */
function listContinues(s: Sentence, i: number): number {
  let k = i;
  let last = -1;
  while (k < s.tokens.length) {
    const t = s.tok(k);
    if (isTitleCaseWord(t) && t && (isTopicWord(t.norm) || isOrganisationWord(t.norm))) {
      last = k;
      k++;
      continue;
    }
    if (
      last >= 0 &&
      (t?.norm === "and" || t?.norm === "&" || t?.text === ",") &&
      isTitleCaseWord(s.tok(k + 1))
    ) {
      k++;
      continue;
    }
    break;
  }
  if (last < 0) return -1;
  // The list may run into the holder's name (`…, Development and Special Initiatives Ahsan
  // Iqbal`), not into another title (`, Trade Minister Ali Khan`).
  if (titleHeadLength(s.norms, last + 1) > 0) return -1;
  return last;
}

/**
 * After a complement naming a country (`to Belgium`), a list of places that ends in a country
 * (`, Luxembourg and the European Union`): an envoy accredited to several. Returns the index of
 * the list's last word (before any name run on after it), or the complement's end when none.
 */
function placeListEnd(s: Sentence, c: Complement, j: number): number {
  if (!countryOfWords(s.span(c.first, c.last))) return c.last;
  let k = j;
  let end = c.last;
  let items = 0;
  while (k < s.tokens.length && items < 8) {
    const sep = s.norm(k);
    if (sep !== "," && sep !== "and") break;
    let item = k + 1;
    if (sep === "," && s.norm(item) === "and") item++;
    if (s.norm(item) === "the") item++;
    const place = countryAt(s, item, Math.min(s.tokens.length - 1, item + 2));
    if (place) {
      end = item + place.length - 1;
      k = end + 1;
      items++;
      if (sep === "and" || s.norm(k - place.length - 1) === "and") return end;
      continue;
    }
    // A place the gazetteer does not know, in the middle of the list only.
    const word = s.tok(item);
    if (sep === "," && isCapitalised(word) && s.norm(item + 1) === "and") {
      k = item + 1;
      items++;
      continue;
    }
    break;
  }
  return items > 0 && end > c.last && s.norm(end - 1) !== "," ? end : c.last;
}

/** A bracketed acronym right at `i` (`(METI)`): the index of the closing bracket, or -1. */
function bracketedAcronym(s: Sentence, i: number): number {
  if (s.tok(i)?.text !== "(") return -1;
  // An acronym (`(METI)`) or a portfolio in brackets (`(Economic and Trade)`).
  for (let k = i + 1; k <= i + 7 && k < s.tokens.length; k++) {
    const t = s.tok(k);
    if (t?.text === ")") return k > i + 1 ? k : -1;
    if (!t || (!isCapitalised(t) && !(k > i + 1 && ["and", "&", "of"].includes(t.norm)))) return -1;
  }
  return -1;
}

/**
 * A portfolio or body written straight after the title, as Pakistani news does ("Secretary
 * Commerce Jawad Paul", "Chairman Board of Investment Muhammad Azfar Ahsan"): the index after it.
 */
function readBareComplement(s: Sentence, phrase: TitlePhrase, j: number): number {
  const first = s.tok(j);
  if (!isTitleCaseWord(first) || !first || s.claimed[j]) return j;
  // A body's acronym written bare after the title: `President ICCI`, `Chairman NDMA` (but not
  // a surname in capitals beginning the holder's name, `Ambassador WADA Mitsuhiro`).
  if (isAllCaps(first) && countryOfWords(first.text) === null && !readNameForward(s.tokens, j)) {
    phrase.complements.push({ conn: "", first: j, last: j });
    phrase.last = j;
    return j + 1;
  }
  if (!isTopicWord(first.norm) && !isOrganisationWord(first.norm)) return j;
  if (titleHeadLength([first.norm], 0) > 0) return j;
  let k = j;
  let last = -1;
  while (k < s.tokens.length && !s.claimed[k]) {
    const w = s.tok(k);
    if (isTitleCaseWord(w)) {
      last = k;
      k++;
      continue;
    }
    if (
      (w?.norm === "and" || w?.norm === "&" || w?.norm === "of") &&
      last >= 0 &&
      isTitleCaseWord(s.tok(k + 1))
    ) {
      k++;
      continue;
    }
    break;
  }
  if (last < j) return j;
  const complement: Complement = { conn: "", first: j, last };
  phrase.complements.push(complement);
  phrase.last = last;
  // A name inside ends the title: nothing after it belongs to it.
  if (splitNameFromComplement(s, phrase, complement)) return -1;
  return last + 1;
}

function readComplements(s: Sentence, phrase: TitlePhrase): void {
  const lowerTitle = !isCapitalised(s.tok(phrase.headFirst));
  let j = readBareComplement(s, phrase, phrase.headLast + 1);
  while (j >= 0 && j < s.tokens.length) {
    const close = bracketedAcronym(s, j);
    if (close >= 0) {
      phrase.last = close;
      j = close + 1;
      continue;
    }
    const t = s.tok(j);
    if (!t?.word || !CONNECTORS.has(t.norm) || s.claimed[j]) break;
    let c = j + 1;
    if (s.norm(c) === "the") c++;
    let k = c;
    let last = -1;
    while (k < s.tokens.length && !s.claimed[k]) {
      const w = s.tok(k);
      // Another official's title begins another phrase (`… and Chinese Vice Minister …`).
      if (k > c && !isTitleWord(s.norm(k - 1)) && startsTitleAt(s, k)) break;
      // A particle inside a holder's name (`to China Moin ul Haque`) does not end the complement.
      if (last >= 0 && isNameParticleAt(s.tokens, k)) {
        k++;
        continue;
      }
      // A title in lower case takes its subject in lower case too ("head of research at …").
      if (
        isTitleCaseWord(w) ||
        (lowerTitle &&
          w?.word === true &&
          (isTopicWord(w.norm) ||
            isOrganisationWord(w.norm) ||
            // "adviser to the prime minister on petroleum"
            isTitleWord(w.norm) ||
            isTitleModifier(w.norm)))
      ) {
        last = k;
        k++;
        // A possessive ends the complement unless a body's name goes on after it
        // (`of the European Parliament's Delegation`).
        if (isPossessive(w) && k - 1 > c && !isOrganisationWord(s.norm(k))) break;
        continue;
      }
      // `and` joins subjects (`Industries and Production`), not a second person (`and Senator X`).
      const next = s.tok(k + 1);
      if (
        (w?.norm === "and" || w?.norm === "&") &&
        last >= 0 &&
        next &&
        ((isTitleCaseWord(next) && isNonNameWord(next.norm)) ||
          // "on petroleum and natural resources"
          (lowerTitle && next.word && isTopicWord(next.norm))) &&
        !startsTitleAt(s, k + 1)
      ) {
        k++;
        continue;
      }
      break;
    }
    if (last < c) break;
    const complement: Complement = { conn: t.norm, first: c, last };
    phrase.complements.push(complement);
    phrase.last = last;
    j = last + 1;
    while (s.tok(j)?.text === ",") {
      const listEnd = listContinues(s, j + 1);
      if (listEnd < 0) break;
      complement.last = listEnd;
      phrase.last = listEnd;
      j = listEnd + 1;
    }
    const places = placeListEnd(s, complement, j);
    if (places > complement.last) {
      complement.last = places;
      phrase.last = places;
      j = places + 1;
    }
    // A name inside ends the title (`to Pakistan Jiang Zaidong in Islamabad`).
    if (splitNameFromComplement(s, phrase, complement)) return;
  }
  readPlaceComplement(s, phrase, j);
}

/**
 * A Pakistani station written bare between a title and its holder, as Pakistani news does
 * ("Collector of Customs Quetta Abdul Qadir Baloch", "Commissioner Karachi Syed Hassan Naqvi").
 */
function readPlaceComplement(s: Sentence, phrase: TitlePhrase, j: number): void {
  if (j !== phrase.last + 1 || s.claimed[j]) return;
  const place = s.tok(j);
  if (!isCapitalised(place) || !place || !isPakistaniPlace(place.norm)) return;
  if (!isNameWord(s.tok(j + 1)) || !isNameWord(s.tok(j + 2))) return;
  phrase.complements.push({ conn: "", first: j, last: j });
  phrase.last = j;
}

/** Whether a title begins at token `k`, after a country and modifiers (`Chinese Vice Minister`). */
function startsTitleAt(s: Sentence, k: number): boolean {
  if (titleHeadLength(s.norms, k) > 0) return true;
  // A title head within a few words, before the dearer look for a country's name.
  let near = false;
  for (let h = k + 1; h <= k + 4 && h < s.tokens.length && !near; h++) {
    near = titleHeadLength(s.norms, h) > 0;
  }
  if (!near) return false;
  let j = k;
  const country = countryAt(s, j, Math.min(s.tokens.length - 1, j + 2));
  if (country) j += country.length;
  while (j < s.tokens.length && isTitleModifier(s.norm(j))) j++;
  return j > k && titleHeadLength(s.norms, j) > 0;
}

/**
 * Splits a name off the end of a complement (`for Commerce Jam Kamal Khan`): the name begins after
 * the last word that cannot be a name's, or failing one, at a common given name. True when split.
 */
function splitNameFromComplement(s: Sentence, phrase: TitlePhrase, c: Complement): boolean {
  let lastLexicon = -1;
  for (let k = c.first; k <= c.last; k++) {
    if (isNameParticleAt(s.tokens, k)) continue;
    if (isLexiconWord(s.tok(k)) || s.norm(k) === "and") lastLexicon = k;
  }
  let split = lastLexicon + 1;
  if (lastLexicon < 0) {
    split = -1;
    for (let k = c.first + 1; k <= c.last; k++) {
      if (isNameHint(s.tok(k))) {
        split = k;
        break;
      }
    }
  }
  if (split <= c.first || split > c.last) return false;
  const run = readNameForward(s.tokens, split);
  if (!run || run.last !== c.last || run.words < 2 || run.words > MAX_NAME_WORDS) return false;
  phrase.nameInside = run;
  c.last = split - 1;
  phrase.last = c.last;
  return true;
}

/**
 * Two offices one holder has, joined by "and" before what both belong to: "President and CEO of
 * the Bank of Punjab", "Counsellor and Group Head (Economic and Trade)". The end of the second
 * head, or `headLast` when the words do not join. Without that shared complement "the Prime
 * Minister and Finance Minister Aurangzeb" names two people, and stays two titles.
 */
function joinedHeadEnd(s: Sentence, first: number, headLast: number): number {
  const and = headLast + 1;
  if (s.norm(and) !== "and" && s.norm(and) !== "&") return headLast;
  if (s.norm(first - 1) === "the") return headLast;
  for (let k = and + 1; k <= and + 3 && k < s.tokens.length; k++) {
    const length = titleHeadLength(s.norms, k);
    if (length > 0) {
      const end = k + length - 1;
      const after = s.tok(end + 1);
      const shared = after?.text === "(" || ["of", "at"].includes(after?.norm ?? "");
      return shared ? end : headLast;
    }
    const t = s.tok(k);
    if (!isTitleCaseWord(t) || !t || isNameWord(t)) return headLast;
  }
  return headLast;
}

/** Reads the title at token `i` (whose head is `length` tokens) with what stands around it. */
function readTitlePhrase(s: Sentence, i: number, length: number): TitlePhrase {
  let headLast = i + length - 1;
  // Two titles for one office joined by a slash: `Chairwoman/ Speaker of …`.
  if (s.tok(headLast + 1)?.text === "/") {
    const second = titleHeadLength(s.norms, headLast + 2);
    if (second > 0) headLast += 1 + second;
  }
  headLast = joinedHeadEnd(s, i, headLast);
  const phrase: TitlePhrase = {
    first: i,
    titleFirst: i,
    headFirst: i,
    headLast,
    last: headLast,
    complements: [],
    orgComplement: -1,
    prefixCountry: null,
    prefixOrg: null,
    prefixPortfolio: null,
    possessive: isPossessive(s.tok(headLast)),
    nameInside: null,
    writtenFirst: i,
  };
  while (
    phrase.titleFirst > 0 &&
    !s.claimed[phrase.titleFirst - 1] &&
    isTitleModifier(s.norm(phrase.titleFirst - 1))
  ) {
    phrase.titleFirst--;
  }
  phrase.first = phrase.titleFirst;
  phrase.writtenFirst = phrase.titleFirst;
  readPrefix(s, phrase);
  phrase.writtenFirst = Math.min(phrase.writtenFirst, phrase.titleFirst);
  if (!phrase.possessive) {
    readComplements(s, phrase);
  }
  // The organisation begins at "at …", or at "of/in …" naming a body ("of the State Bank").
  phrase.orgComplement = phrase.complements.findIndex(
    (c) =>
      c.conn === "at" ||
      ((c.conn === "of" || c.conn === "in" || c.conn === "") &&
        (rangeHas(s, c.first, c.last, (t) => isOrganisationWord(t.norm)) ||
          isBodyAcronym(s, c.first, c.last))),
  );
  return phrase;
}

/** A body named by its acronym alone (`of ICCI`), not a country's (`of UAE`). */
function isBodyAcronym(s: Sentence, first: number, last: number): boolean {
  if (first !== last) return false;
  const t = s.tok(first);
  return isAllCaps(t) && t !== undefined && countryOfWords(t.text) === null;
}

function rangeHas(
  s: Sentence,
  first: number,
  last: number,
  test: (t: WordToken) => boolean,
): boolean {
  for (let k = first; k <= last; k++) {
    const t = s.tok(k);
    if (t?.word && test(t)) return true;
  }
  return false;
}

function titleFacts(s: Sentence, phrase: TitlePhrase): TitleFacts {
  const { complements, orgComplement } = phrase;
  const titleComplements = orgComplement >= 0 ? complements.slice(0, orgComplement) : complements;
  const lastTitleComplement = titleComplements[titleComplements.length - 1];
  const titleLast = lastTitleComplement ? lastTitleComplement.last : phrase.headLast;
  // The office's own words, for telling its kind; the title as written also keeps the body it
  // heads (`Chairman Senate`, `Governor of the State Bank of Pakistan`), though not one it works
  // "at" (`commercial counsellor at the Pakistani Embassy`).
  const core = s.span(phrase.titleFirst, titleLast).replace(/['’]s$/u, "");
  const writtenLast = complements[orgComplement]?.conn === "at" ? titleLast : phrase.last;
  const title = s.span(phrase.writtenFirst, writtenLast).replace(/['’]s$/u, "");
  let country = phrase.prefixCountry;
  let organization: string | null = null;
  let organizationDerived = false;
  const orgFrom = complements[orgComplement];
  if (orgFrom) {
    let first = orgFrom.first;
    const lastComplement = complements[complements.length - 1] ?? orgFrom;
    if (isPossessive(s.tok(first))) {
      const owner = countryOfWords(s.span(first, first));
      if (owner) {
        country ??= owner;
        first++;
      }
    }
    // `Karachi-based Crescent Research`: the place tells the country, the body's name follows it.
    const based = /^(.+)-based$/iu.exec(s.tok(first)?.text ?? "");
    if (based?.[1] && first < lastComplement.last) {
      country ??= countryOfWords(based[1]) ?? countryInName(based[1]);
      first++;
    }
    organization = s.span(first, lastComplement.last);
    country ??= countryInName(s.span(orgFrom.first, lastComplement.last));
  } else if (phrase.prefixOrg) {
    organization = s.span(phrase.prefixOrg.first, phrase.prefixOrg.last);
    country ??= countryInName(organization);
  }
  let postedTo: string | null = null;
  for (const c of titleComplements) {
    const named = countryOfWords(s.span(c.first, c.last));
    if (!named) continue;
    if (c.conn === "to" || c.conn === "in") postedTo ??= named;
    else if (c.conn === "of") country ??= named;
  }
  const head = s.span(phrase.headFirst, phrase.headLast);
  if (!organization) {
    const firstComplement = titleComplements[0];
    const portfolio =
      firstComplement && ["for", "of", ""].includes(firstComplement.conn)
        ? s.span(firstComplement.first, firstComplement.last)
        : null;
    const prefixPortfolio = phrase.prefixPortfolio
      ? s.span(phrase.prefixPortfolio.first, phrase.prefixPortfolio.last)
      : null;
    organization = ministryOfTitle(head.replace(/['’]s$/u, ""), portfolio, prefixPortfolio);
    organizationDerived = organization !== null;
  }
  const government =
    isGovernmentHead(core) ||
    (organization !== null && isGovernmentBody(organization)) ||
    /\bPrime Minister\b/i.test(core) ||
    isHeadOfState(head, organization);
  return {
    title,
    titleHead: head.toLowerCase(),
    organization,
    organizationDerived,
    country,
    postedTo,
    diplomatic: isDiplomaticHead(core),
    government,
  };
}

/** A president heading no body named beside the title is a country's: `President Asif Ali Zardari`. */
function isHeadOfState(head: string, organization: string | null): boolean {
  return organization === null && /^(?:vice[\s-])?president$/iu.test(head.trim());
}

/** Words for one party to talks: "the Indonesian side", "the Chinese delegation". */
const SIDES = new Set(["side", "delegation", "team", "government", "mission", "camp"]);
const LED = new Set(["led", "headed", "represented", "chaired", "co-chaired", "fronted"]);
const BE = new Set(["was", "were", "is", "are", "being", "been", "will", "be"]);

/**
 * The country whose side an official leads, from the words just before the title: "the Indonesian
 * side was led by Vice Minister …", "the delegation from Uzbekistan, headed by …".
 */
function sideLedBy(s: Sentence, first: number): string | null {
  let p = first - 1;
  if (s.norm(p) !== "by") return null;
  p--;
  if (!LED.has(s.norm(p))) return null;
  p--;
  while (p >= 0 && (BE.has(s.norm(p)) || s.tok(p)?.text === ",")) p--;
  if (SIDES.has(s.norm(p))) {
    // `the Indonesian side`, `Saudi Arabia's delegation`.
    for (let n = 3; n >= 1; n--) {
      if (p - n < 0) continue;
      const country = countryOfWords(s.span(p - n, p - 1).replace(/['’]s$/u, ""));
      if (country) return country;
    }
    return null;
  }
  // `the delegation from Uzbekistan`.
  for (let n = 3; n >= 1; n--) {
    const from = p - n + 1;
    if (from < 2 || !["from", "of"].includes(s.norm(from - 1)) || !SIDES.has(s.norm(from - 2)))
      continue;
    const country = countryOfWords(s.span(from, p));
    if (country) return country;
  }
  return null;
}

function addMention(
  s: Sentence,
  run: NameRun,
  facts: Partial<FoundMention> & Pick<FoundMention, "how">,
  extent: { first: number; last: number },
  referenceStart?: number,
): number {
  const nameAsWritten = s.slice(run.start, run.end);
  const full = run.words >= 2;
  const mention: FoundMention = {
    nameStart: run.start,
    nameEnd: run.end,
    nameAsWritten,
    full,
    referenceAsWritten:
      referenceStart !== undefined && !full ? s.slice(referenceStart, run.end) : nameAsWritten,
    ...NO_FACTS,
    gender: genderOfTitle(facts.title ?? null),
    ...facts,
    extentStart: s.tok(extent.first)?.start ?? run.start,
    extentEnd: s.tok(extent.last)?.end ?? run.end,
  };
  s.mentions.push(mention);
  s.claim(run.first, run.last);
  s.mentionEndingAt.set(run.last, s.mentions.length - 1);
  return s.mentions.length - 1;
}

/** A name right after a title: `Prime Minister Shehbaz Sharif`, `for Commerce, Jam Kamal Khan`. */
function nameAfter(
  s: Sentence,
  phrase: TitlePhrase,
  lowercase: boolean,
): { run: NameRun; comma: boolean } | null {
  if (phrase.possessive) return null;
  let j = phrase.last + 1;
  let comma = false;
  if (s.tok(j)?.text === ",") {
    comma = true;
    j++;
  }
  j += honorificLength(s.tokens, j);
  if (s.claimed[j]) return null;
  const run = readNameForward(s.tokens, j);
  if (!run || !s.isFree(run.first, run.last)) return null;
  if (run.words >= 2 && run.words <= MAX_NAME_WORDS) return { run, comma };
  // One word straight after a capitalised title refers back to someone: `Minister Khan`.
  if (run.words === 1 && !comma && !lowercase && !isAllCaps(s.tok(run.first)))
    return { run, comma };
  return null;
}

/** A name right before a title, set off by a comma: `Abdul Hameed, Pakistan’s Ambassador to Japan`. */
function nameBefore(s: Sentence, phrase: TitlePhrase): NameRun | null {
  let p = phrase.first - 1;
  if (s.norm(p) === "the" || s.norm(p) === "a" || s.norm(p) === "an") p--;
  if (s.tok(p)?.text !== ",") return null;
  const run = readNameBackward(s.tokens, p - 1);
  if (!run || run.words < 2 || run.words > MAX_NAME_WORDS) return null;
  return run;
}

function findTitled(s: Sentence): void {
  const { norms } = s;
  /** A title with no name of its own, set off by a comma: the next title's holder may be its. */
  let pending: { facts: TitleFacts; next: number } | null = null;
  let i = 0;
  while (i < s.tokens.length) {
    const t = s.tok(i);
    if (!t || s.claimed[i]) {
      i++;
      continue;
    }
    const honorific = honorificLength(s.tokens, i);
    if (honorific > 0) {
      const j = i + honorific;
      const run = readNameForward(s.tokens, j);
      if (run && run.words <= MAX_NAME_WORDS && s.isFree(run.first, run.last)) {
        s.claim(i, j - 1);
        const gender = genderOfHonorific(t.norm);
        addMention(s, run, { how: "honorific", gender }, { first: i, last: run.last }, t.start);
        i = run.last + 1;
        continue;
      }
    }
    const length = t.word ? titleHeadLength(norms, i) || (isAcronymTitle(t.text) ? 1 : 0) : 0;
    if (length === 0) {
      i++;
      continue;
    }
    const lowercase = !/^\p{Lu}/u.test(t.text);
    const phrase = readTitlePhrase(s, i, length);
    const facts = titleFacts(s, phrase);
    facts.country ??= sideLedBy(s, phrase.first);
    if (facts.organization === null || facts.organizationDerived) {
      const body = bodyOfIts(s, phrase.first);
      if (body) {
        facts.organization = body;
        facts.organizationDerived = false;
        facts.country ??= countryInName(body);
      }
    }
    const otherTitles =
      pending && pending.next === phrase.first && oneHolder(pending.facts, facts)
        ? [pending.facts]
        : [];
    pending = null;
    const titled = {
      how: "title" as const,
      ...facts,
      otherTitles,
      country: facts.country ?? otherTitles[0]?.country ?? null,
      postedTo: facts.postedTo ?? otherTitles[0]?.postedTo ?? null,
      diplomatic: facts.diplomatic || otherTitles.some((o) => o.diplomatic),
    };
    if (phrase.nameInside) {
      s.claim(phrase.first, phrase.last);
      addMention(s, phrase.nameInside, titled, {
        first: phrase.first,
        last: phrase.nameInside.last,
      });
      i = phrase.nameInside.last + 1;
      continue;
    }
    const after = nameAfter(s, phrase, lowercase);
    s.claim(phrase.first, phrase.last);
    if (after) {
      const titleStart = s.tok(phrase.titleFirst)?.start ?? t.start;
      const gender = genderOfHonorific(s.norm(phrase.last + (after.comma ? 2 : 1)));
      addMention(
        s,
        after.run,
        { ...titled, gender: genderOfTitle(facts.title) ?? gender },
        { first: phrase.first, last: after.run.last },
        titleStart,
      );
      i = after.run.last + 1;
      continue;
    }
    const before = nameBefore(s, phrase);
    if (before) {
      if (s.isFree(before.first, before.last)) {
        // "X, Counsellor and Group Head, British High Commission, said": the body set off after.
        const body =
          titled.organization === null || titled.organizationDerived
            ? bodyAfter(s, phrase.last)
            : null;
        if (body) {
          titled.organization = s.span(body.first, body.last);
          titled.organizationDerived = false;
          titled.country ??= countryInName(titled.organization);
          titled.diplomatic ||= /\b(?:embassy|high\s+commission|consulate)\b/iu.test(
            titled.organization,
          );
          s.claim(body.first, body.last);
        }
        addMention(s, before, titled, { first: before.first, last: body?.last ?? phrase.last });
      } else {
        // Named just before with an honorific or another title: give this title to them.
        const index = s.mentionEndingAt.get(before.last);
        const known = index === undefined ? undefined : s.mentions[index];
        if (known && known.title === null) Object.assign(known, titled);
        else if (known) known.otherTitles = [...known.otherTitles, facts];
        if (known) known.extentEnd = s.tok(phrase.last)?.end ?? known.extentEnd;
      }
    } else if (s.tok(phrase.last + 1)?.text === ",") {
      pending = { facts, next: phrase.last + 2 };
    } else if (s.norm(phrase.last + 1) === "and" && MONARCHS.has(facts.titleHead)) {
      // "Crown Prince and Prime Minister Mohammed bin Salman": two offices of one holder (a
      // monarch's title is never that of another person present unnamed).
      pending = { facts, next: phrase.last + 2 };
    } else if (opensSentence(s, phrase.first) && (phrase.complements.length > 0 || facts.country)) {
      s.vacant = facts;
    }
    i = phrase.last + 1;
  }
}

/**
 * A body's name set off by commas right after a title (`, British High Commission,`): its tokens,
 * when the run is capitalised, names a body and ends the clause.
 */
function bodyAfter(s: Sentence, last: number): { first: number; last: number } | null {
  if (s.tok(last + 1)?.text !== ",") return null;
  const first = last + 2;
  let k = first;
  let hasBody = false;
  while (k < s.tokens.length && k < first + 8) {
    const t = s.tok(k);
    if (isTitleCaseWord(t) && t && !s.claimed[k]) {
      if (isOrganisationWord(t.norm)) hasBody = true;
      k++;
      continue;
    }
    if (["of", "and", "&"].includes(s.norm(k)) && isTitleCaseWord(s.tok(k + 1))) {
      k++;
      continue;
    }
    break;
  }
  const end = s.tok(k);
  if (!hasBody || k === first || (end && ![",", ".", ";"].includes(end.text))) return null;
  return { first, last: k - 1 };
}

/** Titles of monarchs: one named with another title is that title's holder too. */
const MONARCHS = new Set(["crown prince", "emir", "king", "queen", "prince"]);

/** Whether only a determiner or opening marks stand before token `i` (`The`, `“`). */
function opensSentence(s: Sentence, i: number): boolean {
  for (let k = 0; k < i; k++) {
    const t = s.tok(k);
    if (t?.word && t.norm !== "the") return false;
    if (t && !t.word && !/^[“"‘'(]$/u.test(t.text)) return false;
  }
  return true;
}

/**
 * Whether two titles set side by side ("High Commissioner of Malaysia, Ambassador X") can be one
 * holder's: not two offices of one rank with different portfolios, which is a list of two people
 * ("Federal Minister for Commerce, Finance Minister X").
 */
function oneHolder(a: TitleFacts, b: TitleFacts): boolean {
  const x = officeOfTitle(a.title, a.organization, a.country, a.postedTo);
  const y = officeOfTitle(b.title, b.organization, b.country, b.postedTo);
  if (!x || !y || x.rank !== y.rank) return true;
  if (x.portfolio.length === 0 || y.portfolio.length === 0) return true;
  return x.portfolio.some((w) => y.portfolio.includes(w));
}

/**
 * The body a title's "its" points back to, named earlier in the sentence: "a delegation of
 * Islamabad Chamber of Commerce and Industry (ICCI) led by its President …".
 */
function bodyOfIts(s: Sentence, titleFirst: number): string | null {
  const its = titleFirst - 1;
  if (s.norm(its) !== "its") return null;
  for (let k = its - 1; k >= Math.max(0, its - 20); k--) {
    const t = s.tok(k);
    if (!isCapitalised(t) || !t || !isOrganisationWord(t.norm)) continue;
    // The body's name runs on to the last capitalised word before the bracket or "its", and back
    // over capitalised words and the links inside names.
    let last = k;
    while (last + 1 < its) {
      const next = s.tok(last + 1);
      if (isTitleCaseWord(next)) last++;
      else if (["of", "and", "&"].includes(s.norm(last + 1)) && isTitleCaseWord(s.tok(last + 2)))
        last += 2;
      else break;
    }
    let first = k;
    while (first > 0) {
      const before = s.tok(first - 1);
      if (isTitleCaseWord(before) && before && !FUNCTION_START.has(before.norm)) first--;
      else if (["of", "and", "&"].includes(s.norm(first - 1)) && isTitleCaseWord(s.tok(first - 2)))
        first -= 2;
      else break;
    }
    return s.span(first, last);
  }
  return null;
}

const FEMALE_HONORIFICS = new Set(["mrs", "ms", "miss", "madam", "begum", "datin", "puan"]);
const MALE_HONORIFICS = new Set(["mr", "sir"]);

function genderOfHonorific(norm: string): Gender | null {
  const bare = norm.replace(/\.$/, "");
  if (FEMALE_HONORIFICS.has(bare)) return "f";
  if (MALE_HONORIFICS.has(bare)) return "m";
  return null;
}

/** Titles that say the holder's sex: `Chairwoman`, `Spokeswoman`, `Queen`, `King`, `Emir`. */
function genderOfTitle(title: string | null): Gender | null {
  if (!title) return null;
  if (/\b(?:\w+woman|queen|begum|princess|madam)\b/iu.test(title)) return "f";
  if (/\b(?:king|emir|prince|sheikh)\b/iu.test(title)) return "m";
  return null;
}

const SAID_AFTER = new RegExp(`^\\s*(?:${SPEECH_VERB}|put\\s+it)\\b`);
const SAID_BEFORE = new RegExp(`(?:[”"’]\\s*,?|,)\\s*${SPEECH_VERB}\\s+$`);
const ACCORDING_TO = /\baccording\s+to\s+$/i;
/** Verbs whose object is a person: "led by X", "met with X", "called on X", "talks with X". */
const PERSON_OBJECT =
  /\b(?:(?:led|headed|chaired|represented|accompanied|hosted|received)\s+by|met(?:\s+with)?|meeting\s+with|called\s+on|talks\s+with|counterpart,?)\s+$/i;

/** Names beside a verb of saying with no title: `… said Haroon Akhtar Khan`, `Ali Raza said`. */
function findSpeakers(s: Sentence): void {
  let i = 0;
  while (i < s.tokens.length) {
    if (s.claimed[i] || !isNameWord(s.tok(i)) || isNameWord(s.tok(i - 1))) {
      i++;
      continue;
    }
    const run = readNameForward(s.tokens, i);
    if (!run || !s.isFree(run.first, run.last)) {
      i++;
      continue;
    }
    if (run.words >= 2 && run.words <= 4 && !isCapitalised(s.tok(run.last + 1))) {
      const after = s.slice(run.end, Math.min(run.end + 40, s.start + s.text.length));
      const before = s.slice(Math.max(s.start, run.start - 40), run.start);
      if (
        (SAID_AFTER.test(after) && !run.possessive) ||
        SAID_BEFORE.test(before) ||
        ACCORDING_TO.test(before) ||
        PERSON_OBJECT.test(before)
      ) {
        addMention(s, run, { how: "speech" }, run);
      }
    }
    i = run.last + 1;
  }
}

/** Words a headline leaves in lower case. */
const HEADLINE_SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "to",
  "in",
  "on",
  "at",
  "and",
  "or",
  "with",
  "by",
  "as",
  "from",
  "vs",
]);

/**
 * A line in headline case ("Minister Khan Visits Tokyo For Talks"): every word capitalised, so
 * capitals no longer tell names from other words. Nothing is read from it.
 */
function isHeadlineCase(tokens: readonly WordToken[]): boolean {
  let words = 0;
  for (const t of tokens) {
    if (!t.word || !/\p{L}/u.test(t.text)) continue;
    words++;
    if (!isCapitalised(t) && !HEADLINE_SMALL_WORDS.has(t.norm)) return false;
  }
  return words >= 5;
}

/** The people the sentence names. `start` is where the sentence stands in the body. */
export function analyseSentence(text: string, start: number): SentenceAnalysis {
  const s = new Sentence(text, start);
  if (!isHeadlineCase(s.tokens)) {
    findTitled(s);
    findSpeakers(s);
  }
  s.mentions.sort((a, b) => a.nameStart - b.nameStart);
  const vacant = s.mentions.length === 0 ? s.vacant : null;
  return { text, start, tokens: s.tokens, claimed: s.claimed, mentions: s.mentions, vacant };
}

/** A capitalised word other than one that merely starts a clause (`As`, `The`). */
function isStretchWord(t: WordToken | undefined): boolean {
  return t !== undefined && isCapitalised(t) && !FUNCTION_START.has(t.norm);
}

/**
 * Unclaimed words that could be a name on their own (`Baker`, `Matsuo Takehiko`): a whole run of
 * capitalised words, all of them name words. The article level keeps those naming someone it knows.
 */
export function bareNameRuns(a: SentenceAnalysis): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens, claimed } = a;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || claimed[i] || !isStretchWord(t) || isStretchWord(tokens[i - 1])) {
      i++;
      continue;
    }
    const run = readNameForward(tokens, i);
    let end = run ? run.last : i;
    // Only a run that is the whole stretch of capitalised words (not `Khan` of `Khan Research Labs`).
    let whole = run !== null && !isStretchWord(tokens[end + 1]);
    for (let k = i; k <= end; k++) if (claimed[k]) whole = false;
    if (run && whole) runs.push(run);
    while (isStretchWord(tokens[end + 1])) end++;
    i = end + 1;
  }
  return runs;
}
