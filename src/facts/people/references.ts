/**
 * The ways a sentence refers to people besides naming them — a pronoun ("he", "she"), a role noun
 * ("the minister", "the Saudi minister", "the FPCCI chief", "High Commissioner said"), someone
 * unnamed ("a senior official", "sources", "the Prime Minister’s Office") — and its acts of
 * speech: who says, tells, adds, stresses or praises, where. `discourse.ts` resolves the
 * references to people; this file only reads one sentence, left to right, each step looking a
 * bounded distance around a token.
 */

import type { PersonKind } from "../../types";
import { isAllCaps, isCapitalised, isPossessive, type WordToken } from "../language/word-tokens";
import type { Gender } from "./mentions";
import { rankOfHead } from "./offices";
import { firstIndexWhere, lastIndexWhere } from "./ordered";
import { SPEECH_VERBS } from "./speech";
import {
  countryOfWords,
  isOrganisationWord,
  isTitleModifier,
  isTopicWord,
  mayBeginTitle,
  titleHeadLength,
} from "./titles";

/** What a role noun says of the person it refers to. */
export interface RoleNoun {
  /** A rank (`minister`, `prime minister`, `consul general`), or null for a class of people. */
  rank: string | null;
  /** For a class noun (`official`, `envoy`, `chief`): the kinds or ranks it covers. */
  kinds: readonly PersonKind[];
  heads: readonly string[];
  modifiers: string[];
  /** Portfolio words (`trade`) and bodies' acronyms (`fpcci`), lower-case. */
  portfolio: string[];
  acronyms: string[];
  /** A country the noun gives (`the Saudi minister`). */
  country: string | null;
  /** The noun as written, lower-case (`minister`, `official`), to meet "an official" again. */
  noun: string;
}

export type Reference =
  /** A named person (`person` is their number in the article); the span covers title and name. */
  | { kind: "person"; person: number; start: number; end: number }
  | { kind: "pronoun"; gender: Gender; start: number; end: number }
  | { kind: "role"; role: RoleNoun; possessive: boolean; start: number; end: number }
  /** Someone the text does not name: a person (`a senior official`) or a body (`the ministry`). */
  | {
      kind: "unnamed";
      plural: boolean;
      body: boolean;
      start: number;
      end: number;
      /** The noun for a person introduced unnamed (`official` of `a senior official`). */
      noun?: string;
    };

export interface SpeechAct {
  /** Index into the sentence's references of who speaks, or null when nobody named or referred to. */
  speaker: number | null;
  /** Where the act stands: from the first of subject and verb to the last. */
  start: number;
  end: number;
  /** A verb of saying (said, told, added), as opposed to another act of speech (praised, thanked). */
  saying: boolean;
  /** A participle (`stating that`): its speaker is the clause's subject. */
  participle: boolean;
  /** A verb that goes on with what was being said (`added`, `continued`, `went on`). */
  continues?: boolean;
}

/** Ranks a role noun of heads covers: `the chief`, `the head`. */
const HEAD_RANKS = [
  "president",
  "chairman",
  "ceo",
  "head",
  "chief",
  "director general",
  "governor",
  "secretary general",
  "managing director",
  "director",
  "convener",
];
const LEADER_RANKS = [
  "president",
  "prime minister",
  "emir",
  "king",
  "queen",
  "chief minister",
  "crown prince",
];

/** Nouns for people that are no title head. */
const CLASS_NOUNS = new Map<
  string,
  Pick<RoleNoun, "rank" | "kinds" | "heads"> & { portfolio?: string }
>([
  ["official", { rank: null, kinds: ["government", "diplomat"], heads: [] }],
  ["officer", { rank: null, kinds: ["government", "diplomat"], heads: [] }],
  ["diplomat", { rank: null, kinds: ["diplomat"], heads: [] }],
  ["premier", { rank: "prime minister", kinds: [], heads: [] }],
  ["pm", { rank: "prime minister", kinds: [], heads: [] }],
  ["cg", { rank: "consul general", kinds: [], heads: [] }],
  ["hc", { rank: "high commissioner", kinds: [], heads: [] }],
  ["fm", { rank: "minister", kinds: [], heads: [], portfolio: "foreign" }],
  ["chief", { rank: null, kinds: [], heads: HEAD_RANKS }],
  ["boss", { rank: null, kinds: [], heads: HEAD_RANKS }],
  ["leader", { rank: null, kinds: [], heads: LEADER_RANKS }],
  ["lawmaker", { rank: null, kinds: ["government"], heads: [] }],
  ["legislator", { rank: null, kinds: ["government"], heads: [] }],
  ["parliamentarian", { rank: null, kinds: ["government"], heads: [] }],
  ["businessman", { rank: null, kinds: ["business"], heads: [] }],
  ["businesswoman", { rank: null, kinds: ["business"], heads: [] }],
  ["businessperson", { rank: null, kinds: ["business"], heads: [] }],
  ["industrialist", { rank: null, kinds: ["business"], heads: [] }],
  ["entrepreneur", { rank: null, kinds: ["business"], heads: [] }],
  ["expert", { rank: null, kinds: ["analyst"], heads: [] }],
]);

/** Nouns for someone the text leaves unnamed, in the singular and the plural. */
const UNNAMED_SINGULAR = new Set([
  "official",
  "officer",
  "source",
  "spokesman",
  "spokesperson",
  "spokeswoman",
  "representative",
  "expert",
  "analyst",
  "economist",
  "diplomat",
  "member",
  "insider",
  "observer",
  "trader",
  "exporter",
  "businessman",
  "delegate",
  "person",
  "resident",
]);
const UNNAMED_PLURAL = new Set([
  "officials",
  "officers",
  "sources",
  "experts",
  "analysts",
  "economists",
  "diplomats",
  "insiders",
  "observers",
  "traders",
  "exporters",
  "businessmen",
  "representatives",
  "members",
  "participants",
  "speakers",
  "stakeholders",
]);
/** Bodies that speak for themselves: "the ministry said", "the Prime Minister’s Office said". */
const BODY_NOUNS = new Set([
  "office",
  "house",
  "secretariat",
  "ministry",
  "embassy",
  "mission",
  "government",
  "statement",
  "release",
  "report",
  "data",
  "department",
  "division",
  "authority",
  "bureau",
  "agency",
  "newspaper",
  "paper",
  "channel",
  "pmo",
  "fo",
]);

/** Every noun that can head a reference to people (title heads aside). */
const PEOPLE_NOUNS = new Set([...CLASS_NOUNS.keys(), ...UNNAMED_SINGULAR, ...UNNAMED_PLURAL]);

/** Words that may stand between a determiner and a role noun (`the visiting Saudi minister`). */
const ROLE_ADJECTIVES = new Set([
  "visiting",
  "top",
  "then",
  "current",
  "newly",
  "appointed",
  "incumbent",
  "local",
  "foreign",
  "new",
  "outgoing",
  "incoming",
  "chief",
  "senior",
  "junior",
  "economic",
  "parliamentary",
]);

const DETERMINERS_DEFINITE = new Set(["the", "this"]);
const DETERMINERS_INDEFINITE = new Set(["a", "an", "another", "one"]);

/** A person's name and title, as found by `mentions.ts` and resolved in the article. */
export interface NamedSpan {
  person: number;
  start: number;
  end: number;
}

/** Offsets inside quotation marks, where references are the speaker's words, not the article's. */
export type InQuote = (offset: number) => boolean;

/**
 * The references of one sentence, in order: the named people given, and the pronouns, role nouns
 * and unnamed people found between them (outside quotation marks).
 */
export function findReferences(
  tokens: readonly WordToken[],
  norms: readonly string[],
  named: readonly NamedSpan[],
  inQuote: InQuote,
): Reference[] {
  const refs: Reference[] = named
    .filter((n) => !inQuote(n.start))
    .map((n) => ({ kind: "person" as const, person: n.person, start: n.start, end: n.end }));
  // Whether a token lies inside a name: the last span starting at or before it, by binary search.
  const spans = [...named].sort((a, b) => a.start - b.start);
  const covered = (t: WordToken) => {
    const n = spans[lastIndexWhere(spans, (x) => x.start <= t.start)];
    return n !== undefined && t.end <= n.end;
  };
  let heads: Int32Array | null = null;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // Most words start no reference: only a pronoun, a determiner, a capital or a plural of
    // unnamed people can; the dearer tests come after that one.
    if (!t?.word || !mayStartReference(t) || inQuote(t.start) || covered(t)) {
      i++;
      continue;
    }
    if (t.norm === "he" || t.norm === "she") {
      refs.push({
        kind: "pronoun",
        gender: t.norm === "he" ? "m" : "f",
        start: t.start,
        end: t.end,
      });
      i++;
      continue;
    }
    heads ??= nextHeads(norms);
    const read = readRoleNoun(tokens, norms, heads, i, covered);
    if (read) {
      refs.push(read.ref);
      i = read.next;
      continue;
    }
    i++;
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** How far after a determiner the noun of a role may stand (`the visiting Saudi trade minister`). */
const HEAD_REACH = 6;

function mayStartReference(t: WordToken): boolean {
  return (
    t.norm === "he" ||
    t.norm === "she" ||
    DETERMINERS_DEFINITE.has(t.norm) ||
    DETERMINERS_INDEFINITE.has(t.norm) ||
    UNNAMED_PLURAL.has(t.norm) ||
    isCapitalised(t)
  );
}

/** Whether the word may be a role noun's head or a noun for unnamed people (a cheap first look). */
function mayBeHead(norm: string): boolean {
  if (PEOPLE_NOUNS.has(norm) || mayBeginTitle(norm)) return true;
  return norm.endsWith("'s") && PEOPLE_NOUNS.has(norm.slice(0, -2));
}

/** For each token, the index of the next token (itself included) that may be a head: one pass. */
function nextHeads(norms: readonly string[]): Int32Array {
  const next = new Int32Array(norms.length + 1).fill(norms.length);
  for (let k = norms.length - 1; k >= 0; k--) {
    next[k] = mayBeHead(norms[k] ?? "") ? k : (next[k + 1] ?? norms.length);
  }
  return next;
}

/** Whether token `i` starts a clause: the sentence's start, or after a comma, colon or quote mark. */
function clauseStart(tokens: readonly WordToken[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k];
    if (!t) break;
    if (t.word) {
      // A dateline in capitals (`KARACHI:`) is no part of the clause.
      return false;
    }
    if ([",", ":", ";", "“", '"', "—", "–", "-", "(", "”"].includes(t.text)) return true;
    if (t.text === ".") return true;
  }
  return true;
}

/** The country the 1–2 tokens at `i` name (`Saudi`, `UAE`, `South Korean`), with their length. */
function countryAtToken(
  tokens: readonly WordToken[],
  i: number,
): { country: string; length: number } | null {
  for (let n = 2; n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length < n || !words.every((w) => isCapitalised(w))) continue;
    const country = countryOfWords(words.map((w) => w.text).join(" "));
    if (country) return { country, length: n };
  }
  return null;
}

function readRoleNoun(
  tokens: readonly WordToken[],
  norms: readonly string[],
  heads: Int32Array,
  i: number,
  covered: (t: WordToken) => boolean,
): { ref: Reference; next: number } | null {
  const first = tokens[i];
  if (!first) return null;
  const definite = DETERMINERS_DEFINITE.has(first.norm);
  const indefinite = DETERMINERS_INDEFINITE.has(first.norm);
  // Most words start no reference: only a determiner, a capital (`High Commissioner said`,
  // `Qatari CG informed`) or a plural of unnamed people (`sources said`) can.
  if (!definite && !indefinite && !isCapitalised(first) && !UNNAMED_PLURAL.has(first.norm)) {
    return null;
  }
  let j = definite || indefinite ? i + 1 : i;
  if ((heads[j] ?? norms.length) >= j + HEAD_REACH) return null;
  const role: RoleNoun = {
    rank: null,
    kinds: [],
    heads: [],
    modifiers: [],
    portfolio: [],
    acronyms: [],
    country: null,
    noun: "",
  };
  // The words before the noun: a country, an acronym, portfolio words, adjectives.
  for (let n = 0; n < 5 && j < tokens.length; n++) {
    const t = tokens[j];
    if (!t?.word || covered(t)) break;
    if (titleHeadLength(norms, j) > 0 && !isTopicWord(t.norm)) break;
    if (CLASS_NOUNS.has(t.norm) && !ROLE_ADJECTIVES.has(t.norm)) break;
    const country = countryAtToken(tokens, j);
    if (country) {
      role.country = country.country;
      j += country.length;
      continue;
    }
    if (isAllCaps(t) && /^\p{Lu}{2,8}$/u.test(t.text) && !CLASS_NOUNS.has(t.norm)) {
      role.acronyms.push(t.norm);
      j++;
      continue;
    }
    if (isTopicWord(t.norm) || t.norm === "and") {
      if (t.norm !== "and") role.portfolio.push(t.norm);
      j++;
      continue;
    }
    if (isTitleModifier(t.norm) || ROLE_ADJECTIVES.has(t.norm) || t.norm === "vice") {
      if (!ROLE_ADJECTIVES.has(t.norm)) role.modifiers.push(t.norm);
      j++;
      continue;
    }
    break;
  }
  const head = tokens[j];
  if (!head?.word || covered(head)) return null;
  const headLength = titleHeadLength(norms, j);
  const bare = head.norm.replace(/'s$/, "");
  const start = first.start;
  if (indefinite || (!definite && UNNAMED_PLURAL.has(bare))) {
    if (UNNAMED_PLURAL.has(bare)) {
      return {
        ref: { kind: "unnamed", plural: true, body: false, start: head.start, end: head.end },
        next: j + 1,
      };
    }
    if (indefinite && (UNNAMED_SINGULAR.has(bare) || headLength > 0)) {
      const last = tokens[j + Math.max(headLength, 1) - 1] ?? head;
      const noun = norms.slice(j, j + Math.max(1, headLength)).join(" ");
      return {
        ref: { kind: "unnamed", plural: false, body: false, start, end: last.end, noun },
        next: j + Math.max(1, headLength),
      };
    }
    return null;
  }
  if (definite && UNNAMED_PLURAL.has(bare)) {
    return {
      ref: { kind: "unnamed", plural: true, body: false, start, end: head.end },
      next: j + 1,
    };
  }
  let last = j;
  role.noun = norms
    .slice(j, j + Math.max(1, headLength))
    .join(" ")
    .replace(/'s$/, "");
  if (headLength > 0) {
    const words = norms.slice(j, j + headLength).join(" ");
    const r = rankOfHead(words);
    role.rank = r.rank;
    role.modifiers.push(...r.modifiers);
    role.portfolio.push(...r.portfolio);
    last = j + headLength - 1;
    // "The envoy" is any head of a mission abroad, whatever their rank.
    if (role.rank === "envoy" && role.modifiers.length === 0 && role.portfolio.length === 0) {
      role.rank = null;
      role.kinds = ["diplomat"];
    }
  } else {
    const cls = CLASS_NOUNS.get(bare);
    if (!cls) return null;
    role.rank = cls.rank;
    role.kinds = cls.kinds;
    role.heads = cls.heads;
    if (cls.portfolio) role.portfolio.push(cls.portfolio);
  }
  // Without a determiner, only a capitalised role opening a clause refers to someone ("High
  // Commissioner said", "Qatari CG informed"); elsewhere it is a title without a holder.
  if (!definite) {
    const opening = tokens[i];
    if (!isCapitalised(opening) || !clauseStart(tokens, i)) return null;
  }
  const lastToken = tokens[last];
  if (!lastToken) return null;
  // What follows: a name makes it a title (already read as a mention); a complement names the
  // portfolio or country (`the Minister of Commerce`, `the Ambassador of Oman`).
  let next = last + 1;
  const after = tokens[next];
  if (after && covered(after)) return null;
  if (isPossessive(lastToken)) {
    const owned = tokens[next];
    if (owned?.word && (BODY_NOUNS.has(owned.norm) || isOrganisationWord(owned.norm))) {
      return {
        ref: { kind: "unnamed", plural: false, body: true, start, end: owned.end },
        next: next + 1,
      };
    }
    return { ref: { kind: "role", role, possessive: true, start, end: lastToken.end }, next };
  }
  let end = lastToken.end;
  if (after && (after.norm === "of" || after.norm === "for")) {
    let k = next + 1;
    if (tokens[k]?.norm === "the") k++;
    const complementFirst = k;
    while (k < tokens.length && k < complementFirst + 4 && isCapitalised(tokens[k])) k++;
    if (k > complementFirst) {
      const words = tokens.slice(complementFirst, k);
      const country = countryOfWords(words.map((w) => w.text).join(" "));
      if (country) role.country ??= country;
      else for (const w of words) if (isTopicWord(w.norm)) role.portfolio.push(w.norm);
      end = words[words.length - 1]?.end ?? end;
      next = k;
    }
  }
  return { ref: { kind: "role", role, possessive: false, start, end }, next };
}

/** What a phrase of speech found in a sentence is. */
type VerbKind = "saying" | "put" | "other" | "participle" | "according" | "as-saying";

/** Verbs of speech besides saying: what a speaker does to someone or something. */
const OTHER_SPEECH = [
  "commended",
  "praised",
  "thanked",
  "welcomed",
  "appreciated",
  "lauded",
  "hailed",
  "expressed",
  "assured",
  "informed",
  "apprised",
  "briefed",
  "suggested",
  "proposed",
  "demanded",
  "requested",
  "appealed",
  "congratulated",
  "called for",
  "called on",
  "called upon",
  "invited",
  "spoke",
  "was speaking",
  "is speaking",
  "were speaking",
  "addressed",
  "talked",
  "shared",
  "went on to say",
];
/** Participles of saying, counted when "that" follows (`stating that`). */
const PARTICIPLES = [
  "stating",
  "saying",
  "adding",
  "noting",
  "stressing",
  "emphasising",
  "emphasizing",
  "observing",
  "remarking",
  "explaining",
  "asserting",
  "arguing",
  "insisting",
  "warning",
  "hoping",
  "urging",
  "highlighting",
  "underlining",
  "maintaining",
  "pointing out",
];

/** Phrases of speech by their first word, longest first, each word as `normWord` gives it. */
const PHRASES_BY_FIRST = new Map<string, { words: string[]; kind: VerbKind }[]>();
for (const [phrases, kind] of [
  [SPEECH_VERBS, "saying"],
  [["put it"], "put"],
  [OTHER_SPEECH, "other"],
  [PARTICIPLES.map((p) => `${p} that`), "participle"],
  [["according to"], "according"],
  [["as saying"], "as-saying"],
] as const) {
  for (const phrase of phrases) {
    const words = phrase.split(" ");
    const list = PHRASES_BY_FIRST.get(words[0] ?? "") ?? [];
    // The first listed wins for the same words (`assured` is a verb of saying).
    if (!list.some((p) => p.words.join(" ") === phrase)) list.push({ words, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    PHRASES_BY_FIRST.set(words[0] ?? "", list);
  }
}

/** The phrase of speech starting at token `i`, if one does: its kind and last token. */
function speechPhraseAt(
  norms: readonly string[],
  i: number,
): { kind: VerbKind; last: number } | null {
  const candidates = PHRASES_BY_FIRST.get(norms[i] ?? "");
  if (!candidates) return null;
  for (const { words, kind } of candidates) {
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) if (norms[i + k] !== words[k]) ok = false;
    if (ok) return { kind, last: i + words.length - 1 };
  }
  return null;
}

/** What may stand between a speaker and the verb: an aside, a day, an adverb, an auxiliary. */
const GAP_BEFORE_VERB =
  /^(?:\s*,[^“”"]{1,200}?,)?\s*,?(?:\s+(?:also|further|then|again|later|earlier|today|yesterday|has|have|had|was|were|is|are|will|would|had\s+also|has\s+also|on\s+[\p{L}]+|in\s+(?:a|an|his|her|their)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|\p{Lu}\p{Ll}+day|last\s+\p{L}+))*\s*$/u;
/** Where a verb is followed by its speaker: after a quote, a comma or a dash (`…,” said X`). */
const INVERSION_BEFORE = /(?:[”"’]\s*,?|,|[—–])\s*$/u;
/** Subjects that speak without being people: "sources said", "the ministry said", "(PMO) said". */
const UNNAMED_SUBJECT =
  /(?:\b(?:sources?|officials?|spokes\w+|representatives?|statement|release|ministry|office|embassy|government|report|data|newspaper|paper|agency|officer|experts?|analysts?|economists?|observers?|diplomats?|insiders?)|\(\p{Lu}{2,}\))(?:\s*,[^,“”"]{0,80},)?\s*(?:also\s+|further\s+|has\s+|had\s+)?$/iu;

/**
 * The acts of speech of a sentence, with the reference that speaks each (an index into `refs`),
 * or null where the speaker is no one the article names (`sources said`, `the ministry said`).
 * Verbs inside quotation marks are the quoted speaker's, not the article's, and are left out.
 */
export function findSpeechActs(
  text: string,
  start: number,
  tokens: readonly WordToken[],
  norms: readonly string[],
  refs: readonly Reference[],
  inQuote: InQuote,
): SpeechAct[] {
  const acts: SpeechAct[] = [];
  const where: Where = { text, start };
  for (let i = 0; i < tokens.length; i++) {
    const phrase = speechPhraseAt(norms, i);
    const first = tokens[i];
    const last = phrase ? tokens[phrase.last] : undefined;
    if (!phrase || !first || !last || inQuote(first.start)) continue;
    const verbStart = first.start;
    const verbEnd = last.end;
    i = phrase.last;
    if (phrase.kind === "according") {
      // `according to X`: X speaks.
      const k = firstRefFrom(refs, verbEnd);
      const r = refs[k];
      if (r && isBlank(gap(where, verbEnd, r.start))) {
        acts.push({
          speaker: speakerIndex(refs, k),
          start: verbStart,
          end: r.end,
          saying: true,
          participle: false,
        });
      }
      continue;
    }
    if (phrase.kind === "as-saying") {
      const act = quotedAsSaying(where, refs, verbStart, verbEnd);
      if (act) acts.push(act);
      continue;
    }
    const saying = phrase.kind === "saying" || phrase.kind === "put";
    const continues = CONTINUING.has(first.norm);
    if (phrase.kind === "participle") {
      acts.push({ speaker: null, start: verbStart, end: verbEnd, saying: true, participle: true });
      continue;
    }
    // `…,” said X` / `…, said X`: the speaker follows the verb.
    if (phrase.kind !== "put" && INVERSION_BEFORE.test(before(where, verbStart))) {
      const k = firstRefFrom(refs, verbEnd);
      const r = refs[k];
      if (r && r.kind !== "pronoun" && isBlank(gap(where, verbEnd, r.start))) {
        acts.push({
          speaker: speakerIndex(refs, k),
          start: verbStart,
          end: r.end,
          saying,
          participle: false,
          continues,
        });
        continue;
      }
    }
    // `Y was told by X`: the speaker follows "by".
    if (norms[phrase.last + 1] === "by") {
      const byEnd = tokens[phrase.last + 1]?.end ?? verbEnd;
      const k = firstRefFrom(refs, byEnd);
      const r = refs[k];
      const named = r && isBlank(gap(where, byEnd, r.start));
      acts.push({
        speaker: named ? speakerIndex(refs, k) : null,
        start: verbStart,
        end: named && r ? r.end : byEnd,
        saying,
        participle: false,
      });
      continue;
    }
    // `X said`, `X, the envoy, told`, `He further added`, `Y, who said`: the speaker precedes the
    // verb; `X, who met Y, said` is said by X.
    let k = lastRefBefore(refs, verbStart);
    const between = refs[k] ? gap(where, refs[k]?.end ?? 0, verbStart) : null;
    if (between !== null && RELATIVE_CLOSE.test(between)) k = subjectOfClauseAround(where, refs, k);
    const r = refs[k];
    if (
      r &&
      between !== null &&
      (GAP_BEFORE_VERB.test(between) || RELATIVE_SPEAKER.test(between))
    ) {
      // "X and Y said": two speak, so no one person does.
      const other = refs[k - 1];
      const joined = other ? gap(where, other.end, r.start) : null;
      if (joined !== null && COORDINATED.test(joined)) {
        acts.push({
          speaker: null,
          start: other?.start ?? r.start,
          end: verbEnd,
          saying,
          participle: false,
        });
        continue;
      }
      acts.push({
        speaker: speakerIndex(refs, k),
        start: r.start,
        end: verbEnd,
        saying,
        participle: false,
        continues,
      });
      continue;
    }
    if (saying && UNNAMED_SUBJECT.test(before(where, verbStart))) {
      acts.push({ speaker: null, start: verbStart, end: verbEnd, saying, participle: false });
    }
  }
  return acts.sort((a, b) => a.start - b.start);
}

/** A sentence's text and where it starts in the body. */
interface Where {
  text: string;
  start: number;
}

/** The text just before `offset`, a bounded window: every test here looks only that far. */
function before(w: Where, offset: number): string {
  const at = offset - w.start;
  return w.text.slice(Math.max(0, at - WINDOW), at);
}

/** The text between two offsets, or null when they are too far apart to be one phrase. */
function gap(w: Where, from: number, to: number): string | null {
  return to - from > WINDOW ? null : w.text.slice(from - w.start, to - w.start);
}

const isBlank = (text: string | null) => text !== null && /^\s*$/u.test(text);

/**
 * `…,” a statement quoted the ambassador as saying`: the one quoted speaks; the act begins where
 * its clause does, so that it stands beside the quote.
 */
function quotedAsSaying(
  where: Where,
  refs: readonly Reference[],
  sayingStart: number,
  sayingEnd: number,
): SpeechAct | null {
  const k = lastRefBefore(refs, sayingStart);
  const r = refs[k];
  if (!r || !isBlank(gap(where, r.end, sayingStart))) return null;
  const lead = before(where, r.start);
  if (!/\bquoted\s+$/iu.test(lead)) return null;
  const clause = Math.max(lead.lastIndexOf(","), lead.lastIndexOf("”"), lead.lastIndexOf('"'));
  return {
    speaker: speakerIndex(refs, k),
    start: clause >= 0 ? r.start - lead.length + clause + 1 : r.start,
    end: sayingEnd,
    saying: true,
    participle: false,
  };
}

/** Verbs that go on with what the last speaker was saying. */
const CONTINUING = new Set(["added", "adds", "continued", "continues", "went"]);

/** A relative clause ending right before the verb: `X, who met Y, said`. */
const RELATIVE_CLOSE = /^\s*,\s*$/u;
/** `Y, who said`: Y speaks. */
const RELATIVE_SPEAKER = /^\s*,?\s*who\s*$/u;
/** Words opening a clause set off after a subject (`, who met …,`, `, accompanied by …,`). */
const ASIDE_OPENING =
  /^\s*,\s*(?:who|whom|whose|which|accompanied|flanked|joined|along\s+with|together\s+with|alongside|after|while|during)\b/u;

/**
 * The subject of a clause whose aside ends right before the verb: `X, who met Y,` → X. Looks
 * back over a few references for the one an aside opens after; the reference itself when none.
 */
function subjectOfClauseAround(where: Where, refs: readonly Reference[], k: number): number {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const r = refs[j];
    const next = refs[j + 1];
    if (!r || !next) break;
    const between = gap(where, r.end, next.start);
    if (between === null) break;
    if (ASIDE_OPENING.test(between)) return j;
  }
  return k;
}

/** What joins two people into one subject: "X and Y", "X, Y and Z". */
const COORDINATED = /^\s*,?\s*(?:and|&)\s*$/u;

/** How far around a verb the tests for its speaker look, in characters. */
const WINDOW = 250;

/** The index of the last reference ending at or before `offset`, or -1 (references are in order). */
const lastRefBefore = (refs: readonly Reference[], offset: number) =>
  lastIndexWhere(refs, (r) => r.end <= offset);

/** The index of the first reference starting at or after `offset`, or -1. */
const firstRefFrom = (refs: readonly Reference[], offset: number) =>
  firstIndexWhere(refs, (r) => r.start >= offset);

/** A reference that can speak: a body (`the Prime Minister’s Office`) or a plural speaks as nobody named. */
function speakerIndex(refs: readonly Reference[], k: number): number | null {
  const r = refs[k];
  if (!r) return null;
  if (r.kind === "unnamed") return null;
  if (r.kind === "role" && r.possessive) return null;
  return k;
}
