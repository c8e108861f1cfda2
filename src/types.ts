import type { Explanation } from "./answer/explain";

/**
 * The engine's plain data. Everything below the Discord layer speaks in these shapes; renderers
 * (Discord embeds, CLI text, JSON) only read them. Offsets are UTF-16 indices into an article's
 * body (the text after the front matter), so `body.slice(start, end)` gives the span back verbatim.
 */

/** An article as loaded from `corpus/ID.md`. */
export interface Article {
  /** The file's stem, e.g. `pakistan-japan-trade-ties`. */
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  /** ISO date `YYYY-MM-DD`, or null when the article does not say. */
  published: string | null;
  /** The text after the front matter, exactly as in the file (BOM removed, CRLF kept as is). */
  body: string;
  /** Path of the file it came from, for messages. */
  file: string;
}

/** A span of an article body. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

/** One paragraph of an article: the unit that is indexed and cited. */
export interface Passage extends Span {
  /** `${articleId}#${index}` */
  id: string;
  articleId: string;
  /** Position of the paragraph among the article's passages, from 0. */
  index: number;
  text: string;
  sentences: Sentence[];
}

export type FigureKind = "money" | "percent" | "count" | "quantity" | "duration";

export interface Figure {
  /** The figure as written in the sentence, e.g. `$1.26 billion`, `6–7%`, `70 Japanese companies`. */
  value: string;
  /** The number in base units (1.26e9 for `$1.26 billion`; the low end of a range, 6 for `6–7%`), or null. */
  amount: number | null;
  /** Upper end of a range (`6–7%` → 7), else null. */
  amountHigh: number | null;
  /** `USD`, `PKR`, `GBP`, `EUR`, `JPY`, `CNY`, `SAR`, `AED`, … for money; `percent`; the counted noun for counts (`companies`); `MW`, `km`, `tonnes`, `mtpa` for quantities; `years`, `months`, `days` for durations. */
  unit: string;
  kind: FigureKind;
  /** `about`, `over`, `more than`, `up to`, `nearly`, … as written, or null. */
  qualifier: string | null;
  /** What the figure measures, in the article's words where possible: `bilateral trade volume`. */
  measure: string | null;
  /** `FY2022-23`, `fiscal year 2023`, `2023`, `late 2024`, … or null. */
  period: string | null;
  /** Partner countries of Pakistan the figure concerns (canonical names, e.g. `Japan`, `United States`). */
  partners: string[];
  /** The body that reported it, e.g. `Federal Board of Revenue`, or null. */
  source: string | null;
  articleId: string;
  passageId: string;
  /** The verbatim sentence that states it, and where it stands in the body. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Where `value` stands in the body. */
  valueStart: number;
  valueEnd: number;
}

export interface Quote {
  /** The words inside the quotation marks, verbatim. */
  text: string;
  articleId: string;
  passageId: string;
  /** The verbatim sentence(s) holding the quote, for citing, and its span. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
}

/** Where an official is named, with the title the article gives them there. */
export interface Mention {
  articleId: string;
  passageId: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The name as written there. */
  nameAsWritten: string;
  title: string | null;
}

/** What a person is to trade news: an office of state, a post abroad, a firm or chamber, a commentator. */
export type PersonKind = "government" | "diplomat" | "business" | "analyst" | "other";

/**
 * One office as the articles give it, normalised so that differently worded titles of one office
 * are equal ("Commerce Minister", "Federal Minister for Commerce" and "Minister of Commerce" are
 * all `{ rank: "minister", portfolio: ["commerce"] }`) and a question's role can be matched
 * against offices rather than words.
 */
export interface OfficeFacts {
  /** Lower-case rank without modifiers: `minister`, `ambassador`, `high commissioner`, `consul general`, `chairman`, `president`, `ceo`, `governor`, `emir`, `prime minister`, `adviser`, `secretary`, … */
  rank: string;
  /** `vice`, `deputy`, `state`, `acting`, `former`, `special`, … */
  modifiers: string[];
  /** Lower-case portfolio and body words and acronyms: `["commerce"]`, `["trade", "investment"]`, `["federation", "council"]`, `["fpcci"]`. */
  portfolio: string[];
  organization: string | null;
  /** Whose office it is (canonical country name). */
  country: string | null;
  /** For envoys: where they are posted (canonical country name). */
  postedTo: string | null;
}

/** Someone an article names beside a person (met, called on, led the delegation), with where. */
export interface Associate {
  /** The other person's name as their own entry gives it. */
  name: string;
  title: string | null;
  articleId: string;
  passageId: string;
  /** The sentence naming both, as a span of the body. */
  sentenceStart: number;
  sentenceEnd: number;
}

export interface Official {
  /** Canonical display name, e.g. `Jam Kamal Khan`, `Matsuo Takehiko`. */
  name: string;
  /** Other spellings seen (`MATSUO Takehiko`, `Ambassador Mitsuhiro`). */
  aliases: string[];
  /** The fullest title the articles give, as written (`Chairman Senate`, `Dutch Ambassador`). */
  title: string | null;
  organization: string | null;
  country: string | null;
  kind: PersonKind;
  /** Each distinct office the articles give the person. */
  offices: OfficeFacts[];
  quotes: Quote[];
  articleIds: string[];
  mentions: Mention[];
  /** The other people the articles name in the same sentence as this one, once each per article. */
  associates: Associate[];
}

export interface Citation {
  articleId: string;
  title: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  /** A verbatim span of the article body. */
  excerpt: string;
  start: number;
  end: number;
  passageId: string;
}

export type QuestionKind =
  | "amount" // how much / what was X
  | "count" // how many
  | "share" // what share / rate / percentage
  | "when"
  | "who"
  | "quote" // what did X say
  | "which" // which sectors / companies
  | "why"
  | "where"
  | "other";

export interface Answer {
  question: string;
  answered: boolean;
  kind: QuestionKind;
  /** The reply as a person reads it, plain text; every figure, name and quote in it is in a citation. */
  text: string;
  /** The figures the answer rests on (in the order stated in `text`). */
  figures: Figure[];
  /** The officials the answer is about. */
  officials: Official[];
  /** Numbered [1], [2], … in the order of this array. */
  citations: Citation[];
  /** When not answered: what the corpus lacks (e.g. `partner China`), for the reply. */
  missing: string[];
  /** Why it was answered or not; only when asked for (`ask --explain`). */
  explanation?: Explanation;
  /**
   * A follow-up's reading of what the conversation left unsaid, as the reply states it before
   * the answer ("Pakistan–Japan exports, FY2022-23"); absent for a question read on its own.
   */
  assumed?: string;
}

/**
 * What an earlier turn of a conversation lends a follow-up: the words of the slots the follow-up
 * leaves out ("Japan FY2022-23" for "and exports?"), and the kind of question asked before.
 */
export interface AskContext {
  words: string;
  kind?: QuestionKind;
}

export interface FigureFilter {
  partner?: string;
  measure?: string;
  period?: string;
}

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  passages: number;
  figures: number;
  officials: number;
}

/** A problem found while loading the corpus: the file is skipped, the rest load. */
export interface CorpusIssue {
  file: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  message: string;
}

/** What the engine offers the layers above it (commands, CLI, bench). Every method is synchronous and fast. */
export interface Engine {
  ask(question: string, options?: { explain?: boolean; context?: AskContext }): Answer;
  /** Figures matching every given filter (case-insensitive; partner by canonical name or alias). */
  figures(filter?: FigureFilter): Figure[];
  /** Officials whose name or alias matches (case-insensitive, any order, partial); all without a name. */
  officials(name?: string): Official[];
  sources(): SourceSummary[];
  article(id: string): Article | undefined;
  passage(id: string): Passage | undefined;
  /** Canonical partner countries that occur in the figures, for autocomplete. */
  partners(): string[];
  /** Problems met while loading (each file skipped). */
  readonly issues: readonly CorpusIssue[];
}
