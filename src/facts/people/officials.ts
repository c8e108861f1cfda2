/**
 * The officials a corpus names: one entry per person, however many articles name them and however
 * they are spelled, with their title, organisation, country, the sentences naming them and the
 * quotes the articles attribute to them.
 *
 * Per article: sentences give named people with titles (`mentions.ts`); the same name key makes
 * one person, and a shorter name inside a longer one ("Natalie Baker" in "Natalie A. Baker") joins
 * it; then one-word references ("Minister Khan", "Ambassador Mitsuhiro", "Baker said") join the
 * one person of the article they can mean; then quotes are attributed (`quotes.ts`). Across
 * articles, people with the same name key are one person. All merging goes through key maps, so the
 * work grows linearly with the corpus.
 *
 * Two fields may be inferred rather than read, and say so here: an organisation is derived from a
 * ministerial title when the article names none ("Federal Minister for Commerce" → "Ministry of
 * Commerce", see `ministryOfTitle`); a country not stated beside the title or in the organisation
 * is Pakistan for an office of government in an article about Pakistan, and for an envoy is
 * Pakistan when posted "to" another country, else the foreign country the article names most.
 */

import type {
  Article,
  Mention,
  OfficeFacts,
  Official,
  Passage,
  Quote,
  Sentence,
} from "../../types";
import { normWord, tokenize, type WordToken } from "../language/word-tokens";
import { collectAcronyms } from "./acronyms";
import { type PersonProfile, UNKNOWN_PROFILE } from "./discourse";
import {
  analyseSentence,
  bareNameRuns,
  type FoundMention,
  NO_FACTS,
  type SentenceAnalysis,
} from "./mentions";
import {
  isGenericPart,
  nameKey,
  nameParts,
  namesMatchQuery,
  phoneticPart,
  properCaseName,
} from "./names";
import { kindOfOffices, officeKey, officeOfTitle } from "./offices";
import { type ArticleSpeech, readArticleSpeech, type SpeakerMention } from "./quotes";
import {
  countriesInTokens,
  countryInName,
  isGovernmentBody,
  isTitleWord,
  type Office,
  officeOf,
  officesCompatible,
  titleHeadWord,
} from "./titles";

export interface ArticleText {
  article: Article;
  passages: Passage[];
}

interface LocalMention {
  found: FoundMention;
  passage: Passage;
  sentence: Sentence;
}

interface LocalPerson {
  id: number;
  parts: Set<string>;
  mentions: LocalMention[];
  quotes: Quote[];
}

/** What one article says about one person. */
export interface ArticlePerson {
  articleId: string;
  /** Name key of the fullest name, shared by the same person in other articles. */
  key: string;
  /** Full names as written (two or more words), in order. */
  fullNames: string[];
  /** Every way the article refers to them (`MATSUO Takehiko`, `Ambassador Mitsuhiro`, `Baker`). */
  references: string[];
  titles: { title: string; organization: string | null; derived: boolean }[];
  organization: string | null;
  organizationExplicit: boolean;
  country: string | null;
  countryExplicit: boolean;
  mentions: Mention[];
  quotes: Quote[];
  firstOffset: number;
  offices: OfficeFacts[];
  /** An office of state was read beside the name. */
  government: boolean;
  /** The other people of the article named in a sentence with this one (their local numbers). */
  associates: { other: number; passageId: string; sentenceStart: number; sentenceEnd: number }[];
  /** This person's number in the article, for the associates of others. */
  local: number;
}

const HOME = "Pakistan";

/** Title heads of offices Pakistan's government does not have (nor a monarch). */
const FOREIGN_ONLY_HEADS = new Set([
  "vice minister",
  "vice-minister",
  "deputy minister",
  "emir",
  "king",
  "queen",
  "crown prince",
]);

const wordsIn = (name: string) => name.split(/\s+/).filter((w) => w.length > 0).length;

/** How often the article names each country: the context for offices it does not place. */
class CountryContext {
  private counts: Map<string, number> | null = null;

  constructor(private readonly sentences: readonly { analysis: SentenceAnalysis }[]) {}

  private get tally(): Map<string, number> {
    if (!this.counts) {
      const counts = new Map<string, number>();
      for (const { analysis } of this.sentences) {
        for (const c of countriesInTokens(analysis.tokens)) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      this.counts = counts;
    }
    return this.counts;
  }

  /** The most-named country other than Pakistan, if one leads. */
  get partner(): string | null {
    const ranked = [...this.tally.entries()]
      .filter(([c]) => c !== HOME)
      .sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (!top || (second && second[1] === top[1])) return null;
    return top[0];
  }

  /** Pakistan, when the article is about it. */
  get home(): string | null {
    return this.tally.has(HOME) ? HOME : null;
  }
}

class ArticlePeople {
  readonly persons: LocalPerson[] = [];
  private readonly byKey = new Map<string, LocalPerson>();
  private readonly byPart = new Map<string, LocalPerson[]>();

  constructor(readonly doc: ArticleText) {}

  /** The person a full name belongs to, created when new. */
  personFor(name: string): LocalPerson | null {
    const key = nameKey(name);
    if (key === "") return null;
    let person = this.byKey.get(key);
    if (!person) {
      person = {
        id: this.persons.length,
        parts: new Set(key.split(" ")),
        mentions: [],
        quotes: [],
      };
      this.persons.push(person);
      this.byKey.set(key, person);
    }
    return person;
  }

  /** A shorter name wholly inside exactly one longer name is that person (`Natalie Baker`). */
  joinShorterNames(): void {
    this.indexParts();
    const bySize = [...this.persons].sort((a, b) => a.parts.size - b.parts.size);
    const gone = new Set<LocalPerson>();
    for (const small of bySize) {
      if (small.parts.size < 2) continue;
      // Only people sharing the name's first part can hold all of it.
      const [first] = small.parts;
      const wider = (this.byPart.get(first ?? "") ?? []).filter(
        (p) =>
          p !== small &&
          !gone.has(p) &&
          p.parts.size > small.parts.size &&
          [...small.parts].every((x) => p.parts.has(x)),
      );
      const [only] = wider;
      if (!only || wider.length > 1) continue;
      // `… led by its President Ahsan Zafar Bakhtawari` and `FPCCI Secretary General, Zafar
      // Bakhtawari`: two names each written in full with the bodies they serve, none in common,
      // are two people (a father and son), not one named twice.
      if (servesOtherBodies(small, only)) continue;
      only.mentions.push(...small.mentions);
      gone.add(small);
    }
    const kept = this.persons.filter((p) => !gone.has(p));
    this.persons.length = 0;
    this.persons.push(...kept);
    this.byKey.clear();
    this.persons.forEach((p, id) => {
      p.id = id;
      this.byKey.set([...p.parts].sort().join(" "), p);
    });
    this.indexParts();
  }

  private indexParts(): void {
    this.byPart.clear();
    for (const p of this.persons) {
      for (const part of p.parts) {
        const list = this.byPart.get(part) ?? [];
        list.push(p);
        this.byPart.set(part, list);
      }
    }
  }

  /** The one person whose name holds all of `parts`; with a title head, preferring who bears it. */
  resolve(parts: readonly string[], titleHead: string | null): LocalPerson | null {
    const [first] = parts;
    if (first === undefined) return null;
    if (parts.length === 1 && isGenericPart(first)) return null;
    let candidates = (this.byPart.get(first) ?? []).filter((p) =>
      parts.every((x) => p.parts.has(x)),
    );
    if (candidates.length > 1 && titleHead) {
      const word = titleHeadWord(titleHead);
      candidates = candidates.filter((p) =>
        p.mentions.some((m) => m.found.titleHead && titleHeadWord(m.found.titleHead) === word),
      );
    }
    return candidates.length === 1 ? (candidates[0] ?? null) : null;
  }

  /** The one person the article gives a title containing `word` (`minister`), if only one. */
  withTitle(word: string): number | null {
    const pattern = new RegExp(`(?:^|[\\s-])${word}(?:$|[\\s'’])`, "i");
    const found = this.persons.filter((p) =>
      p.mentions.some((m) => m.found.title && pattern.test(m.found.title)),
    );
    return found.length === 1 ? (found[0]?.id ?? null) : null;
  }
}

/** Whether only opening marks stand before token `i` in its sentence. */
/** The bodies a person's titles name in the article, as written. */
function bodiesOf(p: LocalPerson): Set<string> {
  const out = new Set<string>();
  for (const m of p.mentions) if (m.found.organization) out.add(m.found.organization.toLowerCase());
  return out;
}

/** Both name bodies they serve and share none. */
function servesOtherBodies(a: LocalPerson, b: LocalPerson): boolean {
  const mine = bodiesOf(a);
  const theirs = bodiesOf(b);
  return mine.size > 0 && theirs.size > 0 && ![...mine].some((o) => theirs.has(o));
}

function startsSentence(tokens: readonly WordToken[], i: number): boolean {
  for (let k = 0; k < i; k++) if (!/^[“"‘'([]$/u.test(tokens[k]?.text ?? "")) return false;
  return true;
}

/**
 * The parts of a person's name that are surnames: the last, and the first when written in capitals
 * (`MATSUO Takehiko`, the Japanese order).
 */
function surnamesOf(p: LocalPerson): Set<string> {
  const out = new Set<string>();
  for (const m of p.mentions) {
    if (!m.found.full) continue;
    const parts = nameParts(m.found.nameAsWritten);
    const last = parts[parts.length - 1];
    if (last) out.add(last);
    const firstWord = m.found.nameAsWritten.split(/\s+/)[0] ?? "";
    if (parts[0] && /^[\p{Lu}'’-]{2,}$/u.test(firstWord)) out.add(parts[0]);
  }
  return out;
}

const bareMention = (nameStart: number, nameEnd: number, nameAsWritten: string): FoundMention => ({
  nameStart,
  nameEnd,
  nameAsWritten,
  full: false,
  referenceAsWritten: nameAsWritten,
  ...NO_FACTS,
  how: "speech",
  extentStart: nameStart,
  extentEnd: nameEnd,
});

/**
 * The people one article names, as the cross-article merge takes them. Depends on that article
 * alone, so a caller that keeps these per article can merge again after adding or removing one.
 */
export function peopleOfArticle(doc: ArticleText): ArticlePerson[] {
  const people = new ArticlePeople(doc);
  const analysed = doc.passages.flatMap((passage) =>
    passage.sentences.map((sentence) => ({
      passage,
      sentence,
      analysis: analyseSentence(sentence.text, sentence.start),
    })),
  );

  // A body named by its acronym takes the full name the article spells out, and its country.
  const acronyms = new Map<string, string>();
  for (const { sentence, analysis } of analysed) {
    collectAcronyms(analysis.tokens, sentence.text, sentence.start, acronyms);
  }
  for (const { analysis } of analysed) {
    for (const found of analysis.mentions) {
      const spelled = found.organization ? acronyms.get(found.organization) : undefined;
      if (!spelled) continue;
      found.organization = spelled;
      found.country ??= countryInName(spelled);
      found.government ||= isGovernmentBody(spelled);
    }
  }

  for (const { passage, sentence, analysis } of analysed) {
    for (const found of analysis.mentions) {
      if (!found.full) continue;
      people.personFor(found.nameAsWritten)?.mentions.push({ found, passage, sentence });
    }
  }
  people.joinShorterNames();

  for (const { passage, sentence, analysis } of analysed) {
    for (const found of analysis.mentions) {
      if (found.full) continue;
      people
        .resolve(nameParts(found.nameAsWritten), found.titleHead)
        ?.mentions.push({ found, passage, sentence });
    }
    for (const run of bareNameRuns(analysis)) {
      const text = sentence.text.slice(run.start - sentence.start, run.end - sentence.start);
      const parts = nameParts(text);
      const person = people.resolve(parts, null);
      // A capital at the start of a sentence proves nothing: one word there must be a surname
      // (`Baker said`), not a given name that is also a word (`Mark the date`).
      const [only] = parts;
      if (
        !person ||
        (parts.length === 1 &&
          only &&
          startsSentence(analysis.tokens, run.first) &&
          !surnamesOf(person).has(only))
      ) {
        continue;
      }
      person.mentions.push({ found: bareMention(run.start, run.end, text), passage, sentence });
    }
  }

  titleFromPreviousSentence(analysed, people.persons);

  const speakers: SpeakerMention[] = people.persons
    .flatMap((p) =>
      p.mentions.map((m) => ({ person: p.id, start: m.found.extentStart, end: m.found.extentEnd })),
    )
    .sort((a, b) => a.start - b.start);
  const profiles = people.persons.map((p) => profileOf(p));
  const tokens = new Map(analysed.map((a) => [a.sentence.start, a.analysis.tokens]));
  const speech = readArticleSpeech(
    doc.passages,
    doc.article.body,
    speakers,
    (id) => profiles[id] ?? UNKNOWN_PROFILE,
    (sentence) => tokens.get(sentence.start) ?? tokenize(sentence.text, sentence.start),
  );
  for (const { quote, speaker } of speech.quotes) {
    if (speaker !== null) people.persons[speaker]?.quotes.push(quote);
  }

  const context = new CountryContext(analysed);
  const learned = speech.discourse.learnedCountry;
  const abroad = speakersFromAbroad(speech);
  const kept = people.persons.filter((p) => p.mentions.some((m) => m.found.full));
  const associates = associatesOf(kept);
  return kept.map((p) =>
    describe(
      doc.article.id,
      p,
      context,
      learned.get(p.id) ?? (abroad.has(p.id) ? FROM_ABROAD : null),
      associates.get(p.id) ?? [],
    ),
  );
}

/** Marks a person the article shows is not Pakistani, though it does not say from where. */
const FROM_ABROAD = "\u0000abroad";

/** "… between his country and Pakistan": whoever says so speaks for another country. */
const OTHER_COUNTRY =
  /\b(?:his|her)\s+(?:own\s+)?country\s+and\s+Pakistan\b|\bPakistan\s+and\s+(?:his|her)\s+(?:own\s+)?country\b/iu;

/** The people who, by the sentences they speak, are shown to speak for a country not Pakistan. */
function speakersFromAbroad(speech: ArticleSpeech): Set<number> {
  const out = new Set<number>();
  speech.discourse.records.forEach((record, k) => {
    const text = speech.sentences[k]?.sentence.text ?? "";
    if (!text.includes("country") || !OTHER_COUNTRY.test(text)) return;
    const persons = new Set(record.acts.map((a) => a.speaker?.person ?? null));
    const [only] = persons;
    if (persons.size === 1 && only !== null && only !== undefined) out.add(only);
  });
  return out;
}

/** Most people an article names beside one person, kept for them. */
const MAX_ASSOCIATES = 12;
/** Most associates kept for one person across the corpus (a premier is named beside hundreds). */
const MAX_ALL_ASSOCIATES = 60;

/**
 * For each person, the others named in a sentence with them (met, called on, led the delegation
 * of), once each, in the order the article names them. Only people named in the same sentence
 * are compared, so the work grows with the sentences, not with pairs of people.
 */
function associatesOf(persons: readonly LocalPerson[]): Map<number, ArticlePerson["associates"]> {
  const bySentence = new Map<number, { person: number; m: LocalMention }[]>();
  for (const p of persons) {
    for (const m of p.mentions) {
      const list = bySentence.get(m.sentence.start) ?? [];
      list.push({ person: p.id, m });
      bySentence.set(m.sentence.start, list);
    }
  }
  const out = new Map<number, ArticlePerson["associates"]>();
  const starts = [...bySentence.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    // Each person once, and only the first few of a sentence that lists many.
    const here: { person: number; m: LocalMention }[] = [];
    for (const x of bySentence.get(start) ?? []) {
      if (here.length < MAX_ASSOCIATES && !here.some((y) => y.person === x.person)) here.push(x);
    }
    for (const a of here) {
      const list = out.get(a.person) ?? [];
      for (const b of here) {
        if (b.person === a.person || list.some((x) => x.other === b.person)) continue;
        if (list.length >= MAX_ASSOCIATES) break;
        list.push({
          other: b.person,
          passageId: a.m.passage.id,
          sentenceStart: a.m.sentence.start,
          sentenceEnd: a.m.sentence.end,
        });
      }
      out.set(a.person, list);
    }
  }
  return out;
}

/**
 * A title given nobody in one sentence ("Oman’s Ambassador to Pakistan was also present.") is
 * the title of the person the next sentence of the paragraph opens with, when the article gives
 * that person no title of their own ("Ali Al-Harthy said …").
 */
function titleFromPreviousSentence(
  analysed: readonly { passage: Passage; sentence: Sentence; analysis: SentenceAnalysis }[],
  persons: readonly LocalPerson[],
): void {
  const personAt = new Map<FoundMention, LocalPerson>();
  for (const p of persons) for (const m of p.mentions) personAt.set(m.found, p);
  analysed.forEach((a, k) => {
    const vacant = a.analysis.vacant;
    const next = analysed[k + 1];
    if (!vacant || !next || next.passage !== a.passage) return;
    const [first] = next.analysis.mentions;
    if (!first?.full || first.title !== null) return;
    if (next.sentence.text.slice(0, first.extentStart - next.sentence.start).trim() !== "") return;
    const person = personAt.get(first);
    if (!person || person.mentions.some((m) => m.found.title !== null)) return;
    Object.assign(first, vacant);
  });
}

/** What the article says of a person before their references are resolved. */
function profileOf(p: LocalPerson): PersonProfile {
  const offices = officesOfMentions(p.mentions.map((m) => m.found));
  const stated = p.mentions.find((m) => m.found.country)?.found.country ?? null;
  return {
    offices,
    kind: kindOfOffices(
      offices,
      p.mentions.some((m) => m.found.government),
    ),
    country: stated,
    countryExplicit: stated !== null,
    gender: p.mentions.find((m) => m.found.gender)?.found.gender ?? null,
  };
}

/** Each distinct office the mentions' titles give (with the further titles beside them). */
function officesOfMentions(found: readonly FoundMention[]): OfficeFacts[] {
  const out = new Map<string, OfficeFacts>();
  const read = new Set<string>();
  for (const f of found) {
    const titles = [...(f.title ? [f] : []), ...f.otherTitles];
    for (const t of titles) {
      if (!t.title) continue;
      // A person is named with the same title many times: read each once.
      const written = [
        t.title,
        t.organization,
        t.country ?? f.country,
        t.postedTo ?? f.postedTo,
      ].join("\u0000");
      if (read.has(written)) continue;
      read.add(written);
      const office = officeOfTitle(
        t.title,
        t.organization,
        t.country ?? f.country,
        t.postedTo ?? f.postedTo,
      );
      if (office) out.set(officeKey(office), office);
    }
  }
  return [...out.values()];
}

/** The person's country: as the article states it, else inferred from the kind of office. */
function countryOf(
  p: LocalPerson,
  context: CountryContext,
  learned: string | null,
): { country: string | null; explicit: boolean } {
  const stated =
    p.mentions.find((m) => m.found.country)?.found.country ??
    p.mentions.flatMap((m) => m.found.otherTitles).find((t) => t.country)?.country;
  if (stated) return { country: stated, explicit: true };
  // Said to speak for another country, but not which: the article's partner.
  if (learned === FROM_ABROAD) return { country: context.partner, explicit: false };
  // A role noun naming the country ("the Saudi minister" for the article's one minister).
  if (learned) return { country: learned, explicit: true };
  const visiting = visitorCountry(p, context);
  if (visiting) return { country: visiting, explicit: false };
  const diplomatic = p.mentions.filter((m) => m.found.diplomatic);
  if (diplomatic.length > 0) {
    // An envoy "to Japan" in a Pakistani article is Pakistan's; an envoy posted nowhere named (or
    // "to Pakistan") is the article's partner's: Pakistani news names its own envoys by posting.
    const postedTo = diplomatic.find((m) => m.found.postedTo)?.found.postedTo ?? null;
    if (postedTo && postedTo !== HOME && context.home) return { country: HOME, explicit: false };
    return { country: context.partner, explicit: false };
  }
  // Pakistan has no vice- or deputy ministers (its juniors are ministers of state), nor emirs or
  // kings: such an office unplaced is the partner's.
  const heads = p.mentions.flatMap((m) => [
    m.found.titleHead,
    ...m.found.otherTitles.map((t) => t.titleHead),
  ]);
  if (heads.some((h) => FOREIGN_ONLY_HEADS.has(h ?? "")))
    return { country: context.partner, explicit: false };
  // A head of state the article does not place is Pakistan's only in an article about no other
  // country: beside a partner, "President X" may be either's.
  const headOfState = p.mentions.every(
    (m) => m.found.titleHead === null || /^(?:vice[\s-])?president$/u.test(m.found.titleHead),
  );
  if (headOfState && p.mentions.some((m) => m.found.titleHead) && context.partner) {
    return { country: null, explicit: false };
  }
  if (p.mentions.some((m) => m.found.government) && context.home)
    return { country: HOME, explicit: false };
  return { country: null, explicit: false };
}

/** Words by which Pakistani news says someone came from abroad: a visit to Pakistan, arriving in it. */
const VISIT =
  /\b(?:(?:official|state|two-day|three-day|\w+-day)\s+)?visit(?:ing|s|ed)?\s+(?:to\s+)?(?:Pakistan|Islamabad|Karachi|Lahore)\b|\barrived\s+(?:in|at)\s+(?:Pakistan|Islamabad|Karachi|Lahore)\b/iu;

/** An aside saying the person is visiting: ", who was on a two-day state visit". */
const WHO_VISITS =
  /^\s*,\s*who\s+(?:is|was|has\s+been|had\s+been)\s+(?:on\s+)?(?:a|an|his|her)?\s*(?:[\w-]+\s+){0,3}visit\b/iu;
const VISIT_WORDS = /visit|arrived/iu;

/** How far either side of a name the words of a visit are looked for, in characters. */
const VISIT_WINDOW = 300;

/** "… a visit to Pakistan by X": X visits. */
const VISIT_BY = /\bvisit\s+(?:to\s+(?:Pakistan|Islamabad|Karachi|Lahore)\s+)?(?:of|by)\s+$/iu;
/** A visit elsewhere: "… visit to Turkey", "… visit to Ankara". */
const VISIT_ABROAD = /^\s*(?:to|of)\s+(?!Pakistan\b|Islamabad\b|Karachi\b|Lahore\b)\p{Lu}/u;

/**
 * A visitor to Pakistan is not Pakistani: the country of a person the article has visiting
 * ("Trade Minister Ömer Bolat … is paying an official visit to Pakistan") is the nationality the
 * sentence gives their party, else the article's partner. Only the sentence that names them as
 * its subject counts.
 */
function visitorCountry(p: LocalPerson, context: CountryContext): string | null {
  for (const m of p.mentions) {
    // Most sentences speak of no visit: one look for the words before the patterns.
    if (!VISIT_WORDS.test(m.sentence.text)) continue;
    // A bounded window either side of the name: a run-on sentence costs no more than a short one.
    const at = m.found.extentEnd - m.sentence.start;
    const rest = m.sentence.text.slice(at, at + VISIT_WINDOW);
    // "X, who was on a two-day state visit, …": a visit to no other place is one to Pakistan.
    const aside = WHO_VISITS.exec(rest);
    if (aside && !VISIT_ABROAD.test(rest.slice(aside[0].length, aside[0].length + 40))) {
      return context.partner;
    }
    const from = m.found.extentStart - m.sentence.start;
    const before = m.sentence.text.slice(Math.max(0, from - VISIT_WINDOW), from);
    // "… a visit by Crown Prince Mohammed bin Salman".
    if (VISIT_BY.test(before)) return context.partner;
    // Otherwise the name must open its sentence.
    if (from > VISIT_WINDOW) continue;
    if (!/^[\s\p{P}]*(?:\p{Lu}\p{L}*\s*)?$/u.test(before) && before.trim() !== "") continue;
    const visit = VISIT.exec(rest);
    if (!visit) continue;
    const [party] = countriesInTokens(tokenize(rest.slice(0, visit.index))).filter(
      (c) => c !== HOME,
    );
    return party ?? context.partner;
  }
  return null;
}

function describe(
  articleId: string,
  p: LocalPerson,
  context: CountryContext,
  learned: string | null,
  associates: ArticlePerson["associates"],
): ArticlePerson {
  const ordered = [...p.mentions].sort((a, b) => a.found.nameStart - b.found.nameStart);
  const fullNames = ordered.filter((m) => m.found.full).map((m) => m.found.nameAsWritten);
  const references = ordered.map((m) => m.found.referenceAsWritten);
  const titles = ordered.flatMap((m) =>
    [...(m.found.title ? [m.found] : []), ...m.found.otherTitles].flatMap((t) =>
      t.title
        ? [{ title: t.title, organization: t.organization, derived: t.organizationDerived }]
        : [],
    ),
  );
  const explicitOrg = ordered.find((m) => m.found.organization && !m.found.organizationDerived)
    ?.found.organization;
  const derivedOrg = ordered.find((m) => m.found.organization)?.found.organization ?? null;
  const { country, explicit } = countryOf(p, context, learned);
  let fullest = fullNames[0] ?? "";
  for (const n of fullNames) if (wordsIn(n) > wordsIn(fullest)) fullest = n;
  return {
    articleId,
    key: nameKey(fullest),
    fullNames,
    references,
    titles,
    organization: explicitOrg ?? derivedOrg,
    organizationExplicit: explicitOrg !== undefined,
    country,
    countryExplicit: explicit,
    mentions: ordered.map((m) => ({
      articleId,
      passageId: m.passage.id,
      sentence: m.sentence.text,
      sentenceStart: m.sentence.start,
      sentenceEnd: m.sentence.end,
      nameAsWritten: m.found.nameAsWritten,
      title: m.found.title,
    })),
    quotes: [...p.quotes].sort((a, b) => a.sentenceStart - b.sentenceStart),
    firstOffset: ordered[0]?.found.nameStart ?? 0,
    offices: officesOfMentions(ordered.map((m) => m.found)).map((o) => ({
      ...o,
      country: o.country ?? country,
    })),
    government: ordered.some((m) => m.found.government),
    associates,
    local: p.id,
  };
}

/** One person across the corpus, gathered from the articles naming them. */
class OfficialBuilder {
  private fullNames: string[] = [];
  private references: string[] = [];
  private titles: { title: string; organization: string | null; derived: boolean }[] = [];
  private organization: string | null = null;
  private organizationExplicit = false;
  private country: string | null = null;
  private countryExplicit = false;
  private readonly articleIds = new Set<string>();
  private readonly mentions: Mention[] = [];
  private readonly quotes: Quote[] = [];
  private readonly offices = new Map<string, OfficeFacts>();
  private government = false;

  add(a: ArticlePerson): void {
    for (const o of a.offices) this.offices.set(officeKey(o), o);
    this.government ||= a.government;
    this.fullNames.push(...a.fullNames);
    this.references.push(...a.references);
    this.titles.push(...a.titles);
    if (
      a.organization &&
      (!this.organization || (a.organizationExplicit && !this.organizationExplicit))
    ) {
      this.organization = a.organization;
      this.organizationExplicit = a.organizationExplicit;
    }
    if (a.country && (!this.country || (a.countryExplicit && !this.countryExplicit))) {
      this.country = a.country;
      this.countryExplicit = a.countryExplicit;
    }
    this.articleIds.add(a.articleId);
    this.mentions.push(...a.mentions);
    this.quotes.push(...a.quotes);
  }

  build(): Official {
    // The fullest spelling, in ordinary case: `Natalie A. Baker`, `Matsuo Takehiko`.
    let fullest = this.fullNames[0] ?? "";
    for (const n of this.fullNames) if (wordsIn(n) > wordsIn(fullest)) fullest = n;
    const name = properCaseName(fullest);
    const aliases = [...new Set([...this.fullNames, ...this.references])].filter((n) => n !== name);
    // The fullest title; its organisation when it names one.
    let best = this.titles[0];
    for (const t of this.titles) if (best && t.title.length > best.title.length) best = t;
    let organization: string | null;
    if (best?.organization && !best.derived) organization = best.organization;
    else if (this.organizationExplicit) organization = this.organization;
    else organization = best?.organization ?? this.organization;
    const offices = [...this.offices.values()];
    return {
      name,
      aliases,
      title: best?.title ?? null,
      organization,
      country: this.country,
      kind: kindOfOffices(offices, this.government),
      offices,
      quotes: this.quotes,
      articleIds: [...this.articleIds],
      mentions: this.mentions,
      associates: [],
    };
  }
}

/** The offices an article gives a person, for telling whether two entries can be one person. */
function officesOf(a: ArticlePerson): Map<string, Office> {
  const out = new Map<string, Office>();
  for (const t of a.titles) {
    const office = officeOf(t.title, t.organization);
    if (!office) continue;
    const key = [office.head, ...office.subjects, "|", ...office.acronyms, "|", ...office.initials];
    out.set(key.join(" "), office);
  }
  return out;
}

/** People of several articles taken for one, as their entries are folded together. */
export interface Cluster {
  people: ArticlePerson[];
  /** Distinct offices, by a key of their words (one person is named the same way many times). */
  offices: Map<string, Office>;
  /** Countries the articles state outright (not inferred). */
  countries: Set<string>;
  /** Transliteration-free name parts of the fullest name. */
  parts: string[];
}

/**
 * Whether two entries can be one person: no outright countries that differ, and offices that agree
 * (every office of one with every office of the other); with `untitledOk`, an entry with no
 * title agrees with any.
 */
function canBeOne(a: Cluster, b: Cluster, untitledOk: boolean): boolean {
  for (const c of a.countries) if (b.countries.size > 0 && !b.countries.has(c)) return false;
  if (a.offices.size === 0 || b.offices.size === 0) return untitledOk;
  for (const x of a.offices.values()) {
    for (const y of b.offices.values()) if (!officesCompatible(x, y)) return false;
  }
  return true;
}

function join(into: Cluster, from: Cluster): void {
  into.people.push(...from.people);
  for (const [key, office] of from.offices) into.offices.set(key, office);
  for (const c of from.countries) into.countries.add(c);
  if (from.parts.length > into.parts.length) into.parts = from.parts;
}

/**
 * Folds the entries that are one person spelled differently: the same name in another
 * transliteration (`Jameel Ahmad` and `Jamil Ahmad`) when their offices agree or one has none, and
 * a shorter form of a full name (`Jam Kamal` of `Jam Kamal Khan`) when both give agreeing offices
 * and only one full name fits. Lookups go through key maps, never across all pairs.
 */
function foldSpellings(clusters: Cluster[]): Cluster[] {
  const byPhonetic = new Map<string, Cluster[]>();
  const kept: Cluster[] = [];
  for (const c of clusters) {
    const key = [...c.parts].sort().join(" ");
    const same = byPhonetic.get(key) ?? [];
    const into = same.find((other) => canBeOne(other, c, true));
    if (into) {
      join(into, c);
      continue;
    }
    same.push(c);
    byPhonetic.set(key, same);
    kept.push(c);
  }

  const byPart = new Map<string, Cluster[]>();
  for (const c of kept) {
    for (const part of new Set(c.parts)) {
      const list = byPart.get(part) ?? [];
      list.push(c);
      byPart.set(part, list);
    }
  }
  const gone = new Set<Cluster>();
  const bySize = [...kept].sort((a, b) => a.parts.length - b.parts.length);
  for (const small of bySize) {
    if (small.parts.length < 2 || small.parts.every(isGenericPart)) continue;
    // The rarest part bounds the search.
    let rarest: Cluster[] | undefined;
    for (const part of small.parts) {
      const list = byPart.get(part);
      if (!rarest || (list && list.length < rarest.length)) rarest = list;
    }
    if (!rarest || rarest.length > 500) continue;
    const wider = rarest.filter(
      (c) =>
        c !== small &&
        !gone.has(c) &&
        c.parts.length > small.parts.length &&
        small.parts.every((x) => c.parts.includes(x)),
    );
    const fitting = wider.filter((c) => canBeOne(small, c, false));
    const [only] = fitting;
    if (!only || fitting.length > 1 || wider.length > fitting.length + 1) continue;
    join(only, small);
    gone.add(small);
  }
  return kept.filter((c) => !gone.has(c));
}

/** All officials across the corpus, one entry per person (merged across articles and spellings). */
export function extractOfficials(docs: ArticleText[]): Official[] {
  return mergeOfficials(docs.map(peopleOfArticle));
}

/**
 * One entry per person from each article's people (`peopleOfArticle`, in corpus order): the
 * cross-article half of `extractOfficials`.
 */
export function mergeOfficials(peopleByArticle: readonly (readonly ArticlePerson[])[]): Official[] {
  const merge = new OfficialsMerge();
  for (const found of peopleByArticle) merge.article(found);
  return merge.officials();
}

/**
 * `mergeOfficials` an article at a time, in corpus order: ingest files each run's people as it
 * arrives, and only folds spellings and builds the officials once the last has.
 */
export class OfficialsMerge {
  // The same name key in two articles is one person.
  private readonly byKey = new Map<string, Cluster>();
  private readonly clusters: Cluster[] = [];
  private order = 0;
  private readonly rank = new Map<ArticlePerson, number>();

  /** The people of the next article. */
  article(found: readonly ArticlePerson[]): void {
    const people = [...found].sort((a, b) => a.firstOffset - b.firstOffset);
    for (const person of people) {
      this.rank.set(person, this.order++);
      const entry = personCluster(person);
      const known = this.byKey.get(person.key);
      if (known) {
        join(known, entry);
        continue;
      }
      this.byKey.set(person.key, entry);
      this.clusters.push(entry);
    }
  }

  /** The officials of every article given. */
  officials(): Official[] {
    const rank = this.rank;
    const folded = foldSpellings(this.clusters);
    const officials = folded.map((c) =>
      officialOf([...c.people].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))),
    );
    return withAssociates(folded, officials);
  }
}

/** The entry one person of one article starts as, before the entries of one person are joined. */
export function personCluster(person: ArticlePerson): Cluster {
  return {
    people: [person],
    offices: officesOf(person),
    countries: new Set(person.countryExplicit && person.country ? [person.country] : []),
    parts: person.key.split(" ").map(phoneticPart),
  };
}

/** One official from what the articles say about them, `people` in corpus order. */
export function officialOf(people: readonly ArticlePerson[]): Official {
  const builder = new OfficialBuilder();
  for (const person of people) builder.add(person);
  return builder.build();
}

/**
 * The officials with the people each article names beside them (met, called on, led the
 * delegation), as their own entries name them: `clusters[i]` is the folded entry of
 * `officials[i]`. New objects, so officials kept from an earlier merge are never changed.
 */
export function withAssociates(
  clusters: readonly Cluster[],
  officials: readonly Official[],
): Official[] {
  // Each article's people are numbered locally; an associate names that number. Looked up per
  // article and number, not by a joined string: a live update links every person again.
  const entryOf = new Map<string, Official[]>();
  clusters.forEach((c, i) => {
    const official = officials[i];
    if (!official) return;
    for (const person of c.people) {
      let byLocal = entryOf.get(person.articleId);
      if (!byLocal) {
        byLocal = [];
        entryOf.set(person.articleId, byLocal);
      }
      byLocal[person.local] = official;
    }
  });
  return officials.map((official, i) => {
    const associates: Official["associates"] = [];
    const listed = new Set<string>();
    linking: for (const person of clusters[i]?.people ?? []) {
      const byLocal = entryOf.get(person.articleId);
      for (const a of person.associates) {
        if (associates.length >= MAX_ALL_ASSOCIATES) break linking;
        const other = byLocal?.[a.other];
        if (!other || other === official) continue;
        const key = `${other.name}\u0000${person.articleId}`;
        if (listed.has(key)) continue;
        listed.add(key);
        associates.push({
          name: other.name,
          title: other.title,
          articleId: person.articleId,
          passageId: a.passageId,
          sentenceStart: a.sentenceStart,
          sentenceEnd: a.sentenceEnd,
        });
      }
    }
    return { ...official, associates };
  });
}

/** The merge's steps, for updating the officials when one article comes or goes (src/live/). */
export { foldSpellings, join as joinClusters };

/**
 * true when `query` names this official: case-insensitive, any name order, partial
 * ("haroon", "Khan Haroon", "matsuo", "Takehiko MATSUO", "Mitsuhiro"). Title words in the query
 * ("Minister Khan") are left aside; a query of title words alone ("ambassador") matches the title.
 */
export function officialMatches(official: Official, query: string): boolean {
  const words = query.split(/\s+/).filter((w) => w.length > 0);
  const nameWords = words.filter((w) => !isTitleWord(normWord(w).replace(/[^\p{L}'-]/gu, "")));
  if (words.length > 0 && nameWords.length === 0) {
    return official.title !== null && namesMatchQuery([official.title], query);
  }
  return namesMatchQuery([official.name, ...official.aliases], nameWords.join(" "));
}
