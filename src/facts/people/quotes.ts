/**
 * Words an article puts inside quotation marks, and who said them. A quote belongs to a person
 * only when the article says so:
 * - by an act of speech beside it ("…,” said X", "X told reporters: “…”", "…,” he added",
 *   "“…,” the Saudi minister said", "according to X, “…”", "…,” a statement quoted the ambassador
 *   as saying"), whoever "he" or "the minister" is found to be (`discourse.ts`);
 * - as the second half of a quote its attribution interrupts (“We are ready,” he said, “to …”);
 * - inside running text, as part of what the sentence's one speaker says ("Dawood said the
 *   visit “is an important one …”");
 * - opening a sentence, after a sentence in which one person spoke;
 * - opening a paragraph, after a paragraph that ends with one person's reported speech with
 *   nobody else named since, or before a quote of the same paragraph attributed at its end.
 * A quote from "a representative", "sources" or "the ministry" belongs to nobody, and so do the
 * quotes that continue it; names of things in quotation marks (`“Enhanced Framework”`) are no
 * quotes at all; fewer than four words count only where a verb of saying sits in the sentence.
 */

import type { Passage, Quote, Sentence } from "../../types";
import { tokenize, type WordToken } from "../language/word-tokens";
import { Discourse, type Entity, type PersonProfile, UNKNOWN_PROFILE } from "./discourse";
import { firstIndexWhere, lastIndexWhere } from "./ordered";
import { articleQuotations, FULL_QUOTE_WORDS, type Quotation } from "./quotations";
import { findReferences, findSpeechActs, type SpeechAct } from "./references";

export { findQuotations, type QuotationSpan } from "./quotations";

/** A named person in the article and where the name (with its title) stands. */
export interface SpeakerMention {
  /** The person's number in the article. */
  person: number;
  start: number;
  end: number;
}

export interface AttributedQuote {
  quote: Quote;
  /** The person who said it, or null when the article does not name them. */
  speaker: number | null;
}

/** What reading an article's quotes found: the quotes, and what the references taught. */
export interface ArticleSpeech {
  quotes: AttributedQuote[];
  discourse: Discourse;
  /** Sentences in body order, with their passage's number, for callers that walk them again. */
  sentences: { passage: number; sentence: Sentence }[];
}

/** Whom a speaker tells (`told reporters`, `told Dawn`, `told The Express Tribune`). */
const LISTENER =
  "(?:reporters|journalists|newsmen|media\\s*men|the\\s+media|the\\s+press|the\\s+audience|the\\s+gathering|participants|delegates|the\\s+meeting|the\\s+ceremony|the\\s+conference|the\\s+forum|the\\s+(?:senate|assembly|committee|house)|(?:The\\s+)?\\p{Lu}[\\p{L}.’'-]*(?:\\s+\\p{Lu}[\\p{L}.’'-]*){0,2})";
/** When, where or how it was said: `in December`, `on Monday`, `in a statement`, `last week`. */
const CIRCUMSTANCE =
  "(?:yesterday|today|earlier|later|(?:in|on|at|during|after|before|last|this|earlier\\s+this|late\\s+last|via|through)(?:\\s+[\\p{L}\\p{N}’'-]+){1,4})";
/** Between an act of speech and the quote it introduces: `told reporters on Monday that “`. */
const PRE_GAP = new RegExp(
  `^(?:\\s+${LISTENER})?(?:\\s+${CIRCUMSTANCE}){0,2}\\s*[,:—–-]?\\s*(?:that\\s*)?$`,
  "u",
);
/** Gaps between a quote and its attribution longer than this are no gaps to test. */
const GAP_REACH = 300;

/** Between a quote and the act of speech after it: `,” ` or `”, ` or a dash. */
const POST_GAP = /^[\s,.;:!?—–-]*$/u;

interface AttributedQuotation {
  q: Quotation;
  speaker: Entity | null;
  /** Attributed by an act of speech beside it. */
  cued: boolean;
}

/**
 * Reads an article's sentences in order, resolving who "he" and "the minister" are, and
 * attributes every quotation. `mentions` are the article's named people with where their names
 * (and titles) stand; `profileOf` tells what the article says of each.
 */
export function readArticleSpeech(
  passages: readonly Passage[],
  body: string,
  mentions: readonly SpeakerMention[],
  profileOf: (person: number) => PersonProfile,
  tokensOf: (sentence: Sentence) => WordToken[] = (s) => tokenize(s.text, s.start),
): ArticleSpeech {
  const slice = (from: number, to: number) => body.slice(from, to);
  const quotations = articleQuotations(passages, slice);
  const inQuote = quoteMask(quotations);
  const discourse = new Discourse(profileOf);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const sentences = passages.flatMap((p, passage) =>
    p.sentences.map((sentence) => ({ passage, sentence })),
  );
  const sentenceAt = (offset: number) => sentenceIndex(sentences, offset);

  const byClose = new Map<number, Quotation[]>();
  for (const q of quotations) {
    const k = sentenceAt(Math.max(q.open, q.close - 1));
    const list = byClose.get(k) ?? [];
    list.push(q);
    byClose.set(k, list);
  }

  const done: AttributedQuotation[] = [];
  /** The last person who spoke before each sentence, for "he added" to agree with. */
  const spokeBefore: (Entity | null)[] = [];
  let lastSpoke: Entity | null = null;
  const sole = new Map<number, Entity | null>();
  /** The last reported speech and its speaker, while nobody else has been named since. */
  let reported: { speaker: Entity | null; sentence: number } | null = null;
  let cursor = 0;
  let deferred: Quotation[] = [];
  sentences.forEach(({ passage, sentence }, k) => {
    while (cursor < sorted.length && (sorted[cursor]?.start ?? 0) < sentence.start) cursor++;
    const named: SpeakerMention[] = [];
    for (let c = cursor; c < sorted.length; c++) {
      const m = sorted[c];
      if (!m || m.start >= sentence.end) break;
      named.push(m);
    }
    spokeBefore[k] = lastSpoke;
    const tokens = tokensOf(sentence);
    const norms = tokens.map((t) => t.norm);
    const refs = findReferences(tokens, norms, named, inQuote);
    const acts = findSpeechActs(sentence.text, sentence.start, tokens, norms, refs, inQuote);
    const record = discourse.read(passage, sentence.text, sentence.start, refs, acts);

    // A quote closing a sentence may be attributed by the next one ("…” Bolat wrote on X).
    for (const q of deferred) done.push(attribute(q, k - 1, k, done, reported));
    deferred = [];
    const nextInPassage = sentences[k + 1]?.passage === passage;
    for (const q of byClose.get(k) ?? []) {
      if (nextInPassage && isBlankBetween(q.close + 1, sentence.end)) deferred.push(q);
      else done.push(attribute(q, k, k, done, reported));
    }

    for (const { speaker } of record.acts) if (speaker?.person != null) lastSpoke = speaker;
    for (let i = Math.max(0, done.length - 4); i < done.length; i++) {
      const a = done[i];
      if (a?.speaker?.person != null && sentenceAt(a.q.close) === k) lastSpoke = a.speaker;
    }
    // Reported speech sets who is talking; anyone else named after it ends that.
    for (const { act, speaker } of record.acts) {
      if (!besideQuote(act)) reported = { speaker, sentence: k };
    }
    if (reported) {
      const since = reported.sentence === k ? lastActEnd(record.acts) : sentence.start;
      const current = reported.speaker;
      const other = record.occurrences.some(
        (o) => o.start >= since && (o.entity === null || o.entity.id !== current?.id),
      );
      if (other) reported = null;
    }
  });

  for (const q of deferred)
    done.push(attribute(q, sentences.length - 1, sentences.length - 1, done, reported));

  function attribute(
    q: Quotation,
    k: number,
    kAfter: number,
    earlier: AttributedQuotation[],
    lastReported: typeof reported,
  ): AttributedQuotation {
    if (q.named || q.words === 0) return { q, speaker: null, cued: false };
    const short = q.words < FULL_QUOTE_WORDS;
    const kOpen = sentenceAt(q.open);
    const openRecord = discourse.records[kOpen];
    const openSentence = sentences[kOpen]?.sentence;
    // An act of speech right after the quote, then one right before it.
    for (let j = k; j <= kAfter; j++) {
      const acts = discourse.records[j]?.acts ?? [];
      const a = acts[firstActAfter(acts, q.close)];
      if (a && (!short || a.act.saying) && isPostGap(q.close, a.act.start)) {
        return cued(q, agreed(a, j), earlier);
      }
    }
    {
      const acts = openRecord?.acts ?? [];
      for (let i = lastActBefore(acts, q.open), n = 0; i >= 0 && n < 3; i--, n++) {
        const a = acts[i];
        if (!a || a.act.end > q.open || (short && !a.act.saying)) continue;
        if (isPreGap(a.act.end, q.open)) return cued(q, agreed(a, kOpen), earlier);
      }
    }
    // The second half of a quote its attribution interrupts.
    const before = earlier[earlier.length - 1];
    if (
      before &&
      sentenceAt(Math.max(before.q.open, before.q.close - 1)) === kOpen &&
      before.q.closePassage === q.openPassage
    ) {
      return { q, speaker: before.speaker, cued: false };
    }
    if (!openSentence) return { q, speaker: null, cued: false };
    const startsSentence = isBlankBetween(openSentence.start, q.open);
    if (!startsSentence) {
      // Inside running text: what the sentence's one speaker says.
      return { q, speaker: soleSpeaker(kOpen, short), cued: false };
    }
    if (short) return { q, speaker: null, cued: false };
    // A quote of several paragraphs: one left open at a paragraph's end goes on in the next
    // paragraph's opening quote, the same speaker's.
    if (before && !before.q.closed && before.q.closePassage === q.openPassage - 1) {
      return { q, speaker: before.speaker, cued: false };
    }
    const opensParagraph =
      kOpen === 0 || sentences[kOpen - 1]?.passage !== sentences[kOpen]?.passage;
    if (!opensParagraph) return { q, speaker: soleSpeaker(kOpen - 1, false), cued: false };
    // Opening a paragraph: the speaker of the reported speech just before, if nobody came between.
    return { q, speaker: lastReported?.speaker ?? null, cued: false };
  }

  /**
   * The speaker of an act, unless "he added" (a pronoun with a verb going on with what was said)
   * means someone other than the person who last spoke: then the text leaves it open.
   */
  function agreed(a: { act: SpeechAct; speaker: Entity | null }, k: number): Entity | null {
    if (!a.act.continues || a.act.speaker === null || !a.speaker) return a.speaker;
    const ref = discourse.records[k]?.occurrences[a.act.speaker];
    const previous = spokeBefore[k];
    if (ref?.pronoun && previous && previous.id !== a.speaker.id) return null;
    return a.speaker;
  }

  /** The one speaker of a sentence's acts of speech (of saying proper, with `saying`), once worked out. */
  function soleSpeaker(k: number, saying: boolean): Entity | null {
    const key = k * 2 + (saying ? 1 : 0);
    if (!sole.has(key)) {
      const acts = (discourse.records[k]?.acts ?? []).filter((a) => !saying || a.act.saying);
      sole.set(key, onlySpeaker(acts.map((a) => a.speaker)));
    }
    return sole.get(key) ?? null;
  }

  /** Whether only spaces stand between two offsets (looked at only when they are close). */
  function isBlankBetween(from: number, to: number): boolean {
    return to - from <= GAP_REACH && slice(from, to).trim() === "";
  }

  function isPostGap(close: number, actStart: number): boolean {
    return actStart - close <= GAP_REACH && POST_GAP.test(slice(close + 1, actStart));
  }

  function isPreGap(actEnd: number, open: number): boolean {
    return open - actEnd <= GAP_REACH && PRE_GAP.test(slice(actEnd, open));
  }

  /** Whether an act of speech introduces or follows a quotation (direct speech, not reported). */
  function besideQuote(act: SpeechAct): boolean {
    const i = lastQuotationBefore(quotations, act.start);
    const before = quotations[i];
    const after = quotations[i + 1];
    return (
      (before !== undefined && before.close <= act.start && isPostGap(before.close, act.start)) ||
      (after !== undefined && act.end <= after.open && isPreGap(act.end, after.open))
    );
  }

  /**
   * A cued quote also settles the uncued quotes right before it: those opening its paragraph, and
   * the paragraphs of the same quote left open before it.
   */
  function cued(
    q: Quotation,
    speaker: Entity | null,
    earlier: AttributedQuotation[],
  ): AttributedQuotation {
    let end = q.open;
    let passage = q.openPassage;
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i];
      if (!e || e.cued) break;
      // Right before it in its paragraph, or a paragraph of the same quote left open before it.
      const adjoining = e.q.closePassage === passage && isBlankBetween(e.q.close + 1, end);
      const runsOn = !e.q.closed && e.q.closePassage === passage - 1;
      if (!adjoining && !runsOn) break;
      e.speaker = e.speaker === null || e.speaker.id === speaker?.id ? speaker : null;
      end = e.q.open;
      passage = e.q.openPassage;
    }
    return { q, speaker, cued: true };
  }

  const quotes = done.map(({ q, speaker }) => {
    const open = sentences[sentenceAt(q.open)];
    const close = sentences[sentenceAt(Math.max(q.open, q.close - 1))];
    const first = passages[q.openPassage];
    const sentenceStart = open?.sentence.start ?? q.open;
    const sentenceEnd = Math.max(close?.sentence.end ?? q.close, sentenceStart);
    return {
      quote: {
        text: q.text,
        articleId: first?.articleId ?? "",
        passageId: first?.id ?? "",
        sentence: slice(sentenceStart, sentenceEnd),
        sentenceStart,
        sentenceEnd,
      },
      speaker: speaker?.person ?? null,
    };
  });
  return { quotes, discourse, sentences };
}

/**
 * Attributes every quotation in an article's paragraphs. `mentions` are the article's named people
 * with where their names stand; `profileOf` what the article says of each (offices, country, sex).
 */
export function attributeQuotes(
  passages: readonly Passage[],
  mentions: readonly SpeakerMention[],
  profileOf: (person: number) => PersonProfile = () => UNKNOWN_PROFILE,
): AttributedQuote[] {
  return readArticleSpeech(passages, bodyOf(passages), mentions, profileOf).quotes;
}

/** The body a set of passages was cut from, with the gaps between them as line breaks. */
function bodyOf(passages: readonly Passage[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const p of passages) {
    parts.push("\n".repeat(Math.max(0, p.start - at)), p.text);
    at = p.end;
  }
  return parts.join("");
}

function onlySpeaker(speakers: readonly (Entity | null)[]): Entity | null {
  const [first] = speakers;
  if (!first) return null;
  return speakers.every((s) => s !== null && s.id === first.id) ? first : null;
}

function lastActEnd(acts: readonly { act: SpeechAct }[]): number {
  let end = 0;
  for (const { act } of acts) end = Math.max(end, act.end);
  return end;
}

/** The index of the first act starting after `offset`, or -1 (acts are in order). */
const firstActAfter = (acts: readonly { act: SpeechAct }[], offset: number) =>
  firstIndexWhere(acts, (a) => a.act.start > offset);

/** The index of the last act starting before `offset`, or -1. */
const lastActBefore = (acts: readonly { act: SpeechAct }[], offset: number) =>
  lastIndexWhere(acts, (a) => a.act.start < offset);

/** The index of the last quotation opening before `offset`, or -1. */
const lastQuotationBefore = (quotations: readonly Quotation[], offset: number) =>
  lastIndexWhere(quotations, (q) => q.open < offset);

/** A test for offsets inside quotation marks, by binary search over the sorted quotations. */
function quoteMask(quotations: readonly Quotation[]): (offset: number) => boolean {
  if (quotations.length === 0) return () => false;
  return (offset) => {
    // The last quotation opening before the offset, by binary search (called for many tokens).
    let lo = 0;
    let hi = quotations.length - 1;
    let found: Quotation | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quotations[mid];
      if (q && q.open < offset) {
        found = q;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found !== undefined && offset < found.close;
  };
}

function sentenceIndex(sentences: readonly { sentence: Sentence }[], offset: number): number {
  return Math.max(
    0,
    lastIndexWhere(sentences, (s) => s.sentence.start <= offset),
  );
}
