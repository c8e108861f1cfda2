import type { Figure, Official, Passage, Quote, Sentence } from "../../types";

/**
 * One possible answer to a question, with the few interpretable features the model weighs. Every
 * kind of answer competes in the same way: figures, officials, quotes and sentences are gathered
 * from the facts and the index, scored by the model for their kind, and the best one answers if
 * it clears the threshold (`decide.ts`).
 */
export type Candidate = FigureCandidate | OfficialCandidate | QuoteCandidate | SentenceCandidate;

export type CandidateKind = Candidate["kind"];

/** What the figure model weighs; see `figures.ts` for how each is measured. */
export type FigureFeatures = {
  /** Share of the question's topic no article mentions (the same for every candidate of it). */
  unseen: number;
  measure: number;
  local: number;
  sentence: number;
  head: number;
  unnamed: number;
  modifiers: number;
  surplus: number;
  partner: number;
  period: number;
  asksPeriod: number;
  kind: number;
  goal: number;
  change: number;
  side: number;
  echoed: number;
  latest: number;
  /** For a count, whether it counts what the question counts ("trucks"); 1 for other questions. */
  counted: number;
  /** The question's rarest topic term is in the figure's sentence (1), its passage (0.5), or not. */
  rarest: number;
  /** The figure names no partner while another figure of its sentence names the asked one. */
  partnerElsewhere: number;
  /** How near the value the asked partner is named (1 right beside it); 1 when none is asked. */
  partnerNear: number;
  /** The figure's period is the relative one the question names ("last year" and "last year"). */
  sameRelative: number;
  /** Every slot the question names fits (partner, period, kind, goal, side, counted noun): 0–1. */
  slots: number;
  /** How far its topic match falls short of the best figure's for this question (0 = the best). */
  behind: number;
};

export type OfficialFeatures = {
  /** Share of the question's topic no article mentions (the same for every candidate of it). */
  unseen: number;
  /** Found by a name in the question, and what share of the official's name it gives. */
  byName: number;
  nameShare: number;
  /** For a role: the rank (1, or 0.8 for a rank of its family), the portfolio's share, whose office, where posted. */
  rank: number;
  portfolio: number;
  owner: number;
  posted: number;
};

export type QuoteFeatures = {
  /** Share of the question's topic no article mentions (the same for every candidate of it). */
  unseen: number;
  own: number;
  sentence: number;
  passage: number;
  partner: number;
  topicless: number;
  speaker: number;
};

export type SentenceFeatures = {
  /** Share of the question's topic no article mentions (the same for every candidate of it). */
  unseen: number;
  own: number;
  passage: number;
  partner: number;
  period: number;
  person: number;
  speaker: number;
  shape: number;
  topicless: number;
  quoted: number;
  /** How far its coverage falls short of the best sentence's for this question (0 = the best). */
  behind: number;
  /** The question's rarest topic term is in the sentence (1), its passage (0.5), or not. */
  rarest: number;
  /** The sentence names the relative period the question names ("last year"). */
  sameRelative: number;
  /** For a question asking for a number: how much of the topic stands next to a number here. */
  numberNear: number;
  /** The kind of question, so the model can learn how far a sentence answers each. */
  quantitative: number;
  who: number;
  quote: number;
  open: number;
};

interface Base<F> {
  /** Feature values, by the names the model for this kind knows (`model.ts`). */
  features: F;
  /**
   * A hard mismatch with what the question names — another period, another partner — that no
   * score can outweigh: such a candidate is never the answer, but may be told as a near miss.
   */
  conflict: string | null;
  /** The model's score for this candidate: log-odds against "no answer" (set by `scoreAll`). */
  z: number;
  /** The model's probability that this candidate is the answer (set by `scoreAll`). */
  p: number;
}

export interface FigureCandidate extends Base<FigureFeatures> {
  kind: "figure";
  figure: Figure;
  /** Position in `Knowledge.figures`. */
  at: number;
}

export interface OfficialCandidate extends Base<OfficialFeatures> {
  kind: "official";
  official: Official;
  /** How the official was found: by a name in the question, or by the office it asks about. */
  by: "name" | "role";
}

export interface QuoteCandidate extends Base<QuoteFeatures> {
  kind: "quote";
  official: Official;
  quote: Quote;
  /** "Who said …?" asks for the speaker; "What did X say …?" for the words. */
  asks: "speaker" | "words";
}

export interface SentenceCandidate extends Base<SentenceFeatures> {
  kind: "sentence";
  passage: Passage;
  sentence: Sentence;
  /** The span to cite: the sentence, or the whole quotation it is part of. */
  start: number;
  end: number;
}

/** A short description of a candidate for `--explain`. */
export function describeCandidate(c: Candidate): string {
  switch (c.kind) {
    case "figure":
      return `figure ${c.figure.value} (${c.figure.measure ?? "?"}, ${c.figure.period ?? "no period"}, ${c.figure.partners.join("/") || "no partner"}) in ${c.figure.articleId}`;
    case "official":
      return `official ${c.official.name} (${c.official.title ?? "no title"}) by ${c.by}`;
    case "quote":
      return `quote of ${c.official.name}: “${c.quote.text.slice(0, 60)}${c.quote.text.length > 60 ? "…" : ""}”`;
    case "sentence":
      return `sentence in ${c.passage.articleId}: “${c.sentence.text.slice(0, 70)}${c.sentence.text.length > 70 ? "…" : ""}”`;
  }
}
