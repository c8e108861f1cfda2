/**
 * Words an article puts inside quotation marks, and who said them. A quote belongs to a named
 * person only when the article says so: by a verb of saying next to a name ("…,” said X",
 * "X said: “…”", "As X put it, “…”", "according to X"), by "he"/"she" when the last sentence naming
 * anyone names only one person, by "the minister" when the article has one minister, or by
 * following, in the same paragraph, a sentence said by that person. A quote from "a representative",
 * "an official" or "sources" belongs to nobody, and so do the quotes that continue it.
 */

import type { Passage, Quote } from "../../types";
import { SPEECH_VERB } from "./speech";

/** Where a quotation stands: the offsets of its opening and closing marks in the body. */
export interface QuotationSpan {
  open: number;
  /** The closing mark, or the end of the paragraph when the quote runs on unclosed. */
  close: number;
}

/** Fewer words than this inside quotation marks are a scare quote or a name (`“iron brother”`). */
const MIN_QUOTE_WORDS = 4;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The quotations in a paragraph: curly “…”, straight "…", and single ‘…’ opened after a space.
 * A curly apostrophe between letters (`Pakistan’s`) never closes a single quote.
 */
export function findQuotations(passage: Pick<Passage, "text" | "start">): QuotationSpan[] {
  const { text, start } = passage;
  const spans: QuotationSpan[] = [];
  let open = -1;
  let kind: "curly" | "straight" | "single" = "curly";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0) {
      if (ch === "“") {
        open = i;
        kind = "curly";
      } else if (ch === '"') {
        open = i;
        kind = "straight";
      } else if (ch === "‘" && (i === 0 || /[\s([—–-]/u.test(text[i - 1] ?? ""))) {
        open = i;
        kind = "single";
      }
      continue;
    }
    const closes =
      (kind === "curly" && ch === "”") ||
      (kind === "straight" && ch === '"') ||
      (kind === "single" &&
        ch === "’" &&
        !/[\p{L}\p{N}]/u.test(text[i + 1] ?? "") &&
        /\S/u.test(text[i - 1] ?? ""));
    if (closes) {
      spans.push({ open: start + open, close: start + i });
      open = -1;
    }
  }
  // A quote running on to the paragraph's end (news closes it in a later paragraph, or never).
  if (open >= 0 && kind !== "single")
    spans.push({ open: start + open, close: start + text.length });
  return spans.filter(
    (q) => wordCount(text.slice(q.open - start + 1, q.close - start)) >= MIN_QUOTE_WORDS,
  );
}

/** A named person in the article, where their name stands. */
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

/** Someone nobody names: a quote from them is nobody's. */
const UNNAMED = -1;

type Cue =
  | { kind: "person"; person: number }
  | { kind: "pronoun" }
  | { kind: "title"; word: string }
  | { kind: "unnamed" }
  | { kind: "none" };

const TITLE_WORD =
  "(minister|ambassador|envoy|secretary|adviser|advisor|chairman|chairperson|chairwoman|chair|governor|president|premier|spokesperson|spokesman|spokeswoman|commissioner|director|senator|ceo|consul)";

const POST_VERB_FIRST = new RegExp(`^[\\s,.;:!?—–-]*${SPEECH_VERB}\\s+`);
const POST_SPEAKER_FIRST = new RegExp(`^[\\s,—–-]*([^“”"]{1,120}?)\\s+${SPEECH_VERB}\\b`);
const POST_ACCORDING = /^[\s,—–-]*according\s+to\s+/i;
const PRE_VERB_FIRST = new RegExp(`^[\\s,.;:!?—–-]*${SPEECH_VERB}\\s+(?=\\S)`);
const PRE_AS = new RegExp(
  `(?:^|[\\s,;(])[Aa]s\\s+([^“”"]{1,120}?)\\s+(?:put\\s+it|${SPEECH_VERB})\\s*[,:]?\\s*$`,
);
const PRE_ACCORDING = /(?:^|[\s,;(])[Aa]ccording\s+to\s+([^“”"]{1,120}?)\s*[,:]\s*$/;
/** Whom a speaker tells (`told reporters`, `told Dawn`, `told The Express Tribune`). */
const LISTENER =
  "(?:reporters|journalists|newsmen|the\\s+media|the\\s+press|the\\s+audience|the\\s+gathering|participants|delegates|the\\s+meeting|the\\s+ceremony|the\\s+conference|the\\s+forum|the\\s+(?:senate|assembly|committee|house)|(?:The\\s+)?\\p{Lu}[\\p{L}.’'-]*(?:\\s+\\p{Lu}[\\p{L}.’'-]*){0,2})";
/** When, where or how it was said: `in December`, `on Monday`, `in a statement`, `last week`. */
const CIRCUMSTANCE =
  "(?:yesterday|today|earlier|later|(?:in|on|at|during|after|before|last|this|earlier\\s+this|late\\s+last|via|through)(?:\\s+[\\p{L}\\p{N}’'-]+){1,4})";
const PRE_SPEAKER_VERB = new RegExp(
  `\\b${SPEECH_VERB}(?:\\s+${LISTENER})?(?:\\s+${CIRCUMSTANCE}){0,2}\\s*[,:]?\\s*(?:that\\s*)?$`,
  "u",
);
const PRONOUN_AT_END = /\b(?:he|she)\s*$/i;
const PRONOUN_AT_START = /^\s*(?:he|she)\b/i;
const THE_TITLE_AT_END = new RegExp(`\\bthe\\s+(?:[\\p{L}’'-]+\\s+){0,2}?${TITLE_WORD}\\s*$`, "iu");
const THE_TITLE_AT_START = new RegExp(
  `^\\s*the\\s+(?:[\\p{L}’'-]+\\s+){0,2}?${TITLE_WORD}\\b`,
  "iu",
);
const INDIRECT_AFTER_NAME = new RegExp(`^(?:\\s*,[^“”"]{1,200}?,)?\\s+${SPEECH_VERB}\\b`);
const PRONOUN_SAYS = new RegExp(`^\\s*(?:He|She)\\s+${SPEECH_VERB}\\b`);

/** Lower-case words allowed between a verb of saying and the name of the speaker's title. */
const TITLE_GAP_WORDS = new Set([
  "the",
  "for",
  "of",
  "to",
  "on",
  "at",
  "in",
  "and",
  "&",
  "d’affaires",
  "d'affaires",
]);

/** Whether text between "said" and a name is only the person's title (`Federal Minister for Commerce`). */
function isTitleGap(text: string): boolean {
  if (text.length > 200) return false;
  return text
    .split(/[\s,()]+/)
    .filter((w) => w.length > 0)
    .every((w) => /^\p{Lu}/u.test(w) || TITLE_GAP_WORDS.has(w.toLowerCase()));
}

class Paragraph {
  readonly quotes: QuotationSpan[];
  /** Mentions outside quotation marks: the only ones that can name a speaker. */
  readonly named: SpeakerMention[];

  /** `mentions` are those within the passage. */
  constructor(
    readonly passage: Passage,
    mentions: readonly SpeakerMention[],
  ) {
    this.quotes = findQuotations(passage);
    this.named = mentions.filter(
      (m) => !this.quotes.some((q) => m.start > q.open && m.end <= q.close),
    );
  }

  slice(from: number, to: number): string {
    return this.passage.text.slice(from - this.passage.start, to - this.passage.start);
  }

  sentenceAt(offset: number): number {
    const { sentences } = this.passage;
    for (let k = 0; k < sentences.length; k++) {
      const s = sentences[k];
      if (s && offset < s.end) return k;
    }
    return Math.max(0, sentences.length - 1);
  }

  /** The people named (outside quotes) in sentence `k`, before `before` if given. */
  namedIn(k: number, before = Number.POSITIVE_INFINITY): number[] {
    const s = this.passage.sentences[k];
    if (!s) return [];
    const people = this.named
      .filter((m) => m.start >= s.start && m.start < Math.min(s.end, before))
      .map((m) => m.person);
    return [...new Set(people)];
  }

  /** Speaker cue when the words before the verb name the speaker: `Khan said`, `, he added`. */
  cueBeforeVerb(from: number, to: number): Cue {
    const text = this.slice(from, to);
    if (PRONOUN_AT_END.test(text)) return { kind: "pronoun" };
    const title = THE_TITLE_AT_END.exec(text);
    if (title?.[1]) return { kind: "title", word: title[1].toLowerCase() };
    const inRange = this.named.filter((m) => m.start >= from && m.end <= to);
    const last = inRange[inRange.length - 1];
    if (last) {
      const gap = this.slice(last.end, to);
      if (/^\s*$/.test(gap) || (/^\s*,/.test(gap) && gap.length <= 200)) {
        return { kind: "person", person: last.person };
      }
    }
    return { kind: "unnamed" };
  }

  /** Speaker cue when the words after the verb name the speaker: `said Haroon Akhtar Khan`. */
  cueAfterVerb(from: number, to: number): Cue {
    const text = this.slice(from, to);
    if (PRONOUN_AT_START.test(text)) return { kind: "pronoun" };
    const first = this.named.find((m) => m.start >= from && m.start < to);
    if (first && isTitleGap(this.slice(from, first.start))) {
      return { kind: "person", person: first.person };
    }
    const title = THE_TITLE_AT_START.exec(text);
    if (title?.[1]) return { kind: "title", word: title[1].toLowerCase() };
    return { kind: "unnamed" };
  }

  /** How the words around a quote attribute it. */
  cueFor(preFrom: number, q: QuotationSpan, postTo: number): Cue {
    const post = this.slice(q.close + 1, postTo);
    const postFrom = q.close + 1;
    const verbFirst = POST_VERB_FIRST.exec(post);
    if (verbFirst) return this.cueAfterVerb(postFrom + verbFirst[0].length, postTo);
    const according = POST_ACCORDING.exec(post);
    if (according) return this.cueAfterVerb(postFrom + according[0].length, postTo);
    const speakerFirst = POST_SPEAKER_FIRST.exec(post);
    if (speakerFirst?.[1] !== undefined) {
      const at = postFrom + speakerFirst[0].indexOf(speakerFirst[1]);
      return this.cueBeforeVerb(at, at + speakerFirst[1].length);
    }
    const pre = this.slice(preFrom, q.open);
    const preVerbFirst = PRE_VERB_FIRST.exec(pre);
    if (preVerbFirst) return this.cueAfterVerb(preFrom + preVerbFirst[0].length, q.open);
    const as = PRE_AS.exec(pre) ?? PRE_ACCORDING.exec(pre);
    if (as?.[1] !== undefined) {
      const at = preFrom + as.index + as[0].indexOf(as[1]);
      const speaker = this.cueAfterVerb(at, at + as[1].length);
      return speaker.kind === "unnamed" ? this.cueBeforeVerb(at, at + as[1].length) : speaker;
    }
    const speakerVerb = PRE_SPEAKER_VERB.exec(pre);
    if (speakerVerb) return this.cueBeforeVerb(preFrom, preFrom + speakerVerb.index);
    return { kind: "none" };
  }
}

/**
 * Attributes every quotation in an article's paragraphs. `mentions` are the article's named people
 * with where their names stand; `personWithTitle("minister")` gives the one person the article
 * calls a minister, or null when it has none or several.
 */
export function attributeQuotes(
  passages: readonly Passage[],
  mentions: readonly SpeakerMention[],
  personWithTitle: (word: string) => number | null,
): AttributedQuote[] {
  const out: AttributedQuote[] = [];
  let previous: Paragraph | null = null;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const passage of passages) {
    // Passages come in body order: walk the sorted mentions alongside them.
    while (cursor < sorted.length && (sorted[cursor]?.start ?? 0) < passage.start) cursor++;
    const within: SpeakerMention[] = [];
    for (let k = cursor; k < sorted.length; k++) {
      const m = sorted[k];
      if (!m || m.start >= passage.end) break;
      if (m.end <= passage.end) within.push(m);
    }
    const p = new Paragraph(passage, within);
    const { sentences } = passage;
    const saidBy: (number | undefined)[] = sentences.map(() => undefined);

    /** The one person named in the nearest earlier sentence naming anyone (this paragraph, or the last sentence of the one before). */
    const lastNamed = (k: number, before: number): number | null => {
      for (let j = k; j >= 0; j--) {
        const people = p.namedIn(j, j === k ? before : Number.POSITIVE_INFINITY);
        if (people.length > 0) return people.length === 1 ? (people[0] ?? null) : null;
      }
      if (previous) {
        const people = previous.namedIn(previous.passage.sentences.length - 1);
        if (people.length === 1) return people[0] ?? null;
      }
      return null;
    };

    // Reported speech without quotation marks also says who is speaking: "Khan said the …".
    sentences.forEach((s, k) => {
      for (const m of p.named) {
        if (m.start < s.start || m.start >= s.end) continue;
        if (INDIRECT_AFTER_NAME.test(p.slice(m.end, Math.min(s.end, m.end + 250)))) {
          saidBy[k] = m.person;
          return;
        }
      }
      if (PRONOUN_SAYS.test(s.text)) saidBy[k] = lastNamed(k, s.start) ?? UNNAMED;
    });

    let before: { quote: QuotationSpan; sentence: number; speaker: number | undefined } | null =
      null;
    p.quotes.forEach((q, index) => {
      const sOpen = p.sentenceAt(q.open);
      const sClose = p.sentenceAt(Math.max(q.open, q.close - 1));
      const openSentence = sentences[sOpen];
      const closeSentence = sentences[sClose];
      if (!openSentence || !closeSentence) return;
      const preFrom =
        before && before.sentence === sOpen ? before.quote.close + 1 : openSentence.start;
      const next = p.quotes[index + 1];
      const postTo = next && next.open < closeSentence.end ? next.open : closeSentence.end;
      const cue = p.cueFor(preFrom, q, postTo);
      let speaker: number | undefined;
      switch (cue.kind) {
        case "person":
          speaker = cue.person;
          break;
        case "pronoun":
          speaker = lastNamed(sOpen, q.open) ?? UNNAMED;
          break;
        case "title":
          speaker = personWithTitle(cue.word) ?? UNNAMED;
          break;
        case "unnamed":
          speaker = UNNAMED;
          break;
        case "none": {
          // An interrupted quote continues the one before it in the sentence; a sentence that
          // opens with a quote continues the sentence before it.
          const startsSentence = p.slice(preFrom, q.open).trim() === "";
          if (before && before.sentence === sOpen) speaker = before.speaker;
          else if (startsSentence && sOpen > 0 && preFrom === openSentence.start) {
            speaker = saidBy[sOpen - 1];
          }
          break;
        }
      }
      for (let k = sOpen; k <= sClose; k++) if (speaker !== undefined) saidBy[k] = speaker;
      before = { quote: q, sentence: sClose, speaker };
      const inner = p.slice(q.open + 1, q.close);
      out.push({
        quote: {
          text: inner.trim(),
          articleId: passage.articleId,
          passageId: passage.id,
          sentence: p.slice(openSentence.start, closeSentence.end),
          sentenceStart: openSentence.start,
          sentenceEnd: closeSentence.end,
        },
        speaker: speaker !== undefined && speaker >= 0 ? speaker : null,
      });
    });
    previous = p;
  }
  return out;
}
