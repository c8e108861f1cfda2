import type { Citation, Figure, Official } from "../types";
import { boundHeldBy } from "./candidates/bounds";
import type { Candidate, FigureCandidate, QuoteCandidate } from "./candidates/candidate";
import { figuresTold, toldTogether } from "./candidates/figures";
import { CitationList } from "./citations";
import { corpusNamesCountry, type Knowledge } from "./knowledge";
import { confidence, scoreWith, THRESHOLD } from "./model";
import type { QuestionPlan } from "./question";
import { figureReply, officialReply, quoteReply, sentenceReply } from "./replies";

/**
 * The one decision: the best candidate answers when the model's probability clears the threshold
 * and nothing it contradicts was named in the question. Below it the reply says what is missing;
 * a figure that would have answered but for one slot (another period, another partner) is told as
 * a near miss ("The articles give $1.26 billion for FY2022-23, not for 2024"), still unanswered.
 */

export interface Decision {
  answer: {
    text: string;
    figures: Figure[];
    officials: Official[];
    citations: Citation[];
  } | null;
  missing: string[];
  nearMiss: { figure: Figure; text: string } | null;
  /** In a few words, for `--explain`. */
  reason: string;
}

/** The share of the question's topic a figure's measure must hold to be summed with its periods. */
const MEASURE_NAMED = 0.5;

/** Quotes of the same speaker within this much score (log-odds) of the best are told together. */
const QUOTES_TOGETHER = 0.5;
const MAX_QUOTES = 3;

export function choose(
  k: Knowledge,
  plan: QuestionPlan,
  candidates: Candidate[],
  /** The question as asked, for naming its period as the asker wrote it. */
  asked: string = plan.text,
): Decision {
  const first = candidates.find((c) => c.conflict === null);
  const sure = first ? answerConfidence(k, plan, first, candidates) : 0;
  const best = first?.kind === "figure" ? exactReading(first, candidates) : first;
  if (best && sure >= THRESHOLD) {
    const citations = new CitationList();
    const answer = (text: string, figures: Figure[], officials: Official[]) => ({
      text,
      figures,
      officials,
      citations: citations.items,
    });
    const reason = `answered by the ${best.kind}: p=${best.p.toFixed(2)}, with agreeing candidates ${sure.toFixed(2)} ≥ ${THRESHOLD}`;
    switch (best.kind) {
      case "figure": {
        const chosen = figuresTold(k, plan, best, candidates);
        const text = figureReply(k, chosen, citations);
        return {
          answer: answer(
            text,
            chosen.map((c) => c.figure),
            [],
          ),
          missing: [],
          nearMiss: null,
          reason,
        };
      }
      case "official": {
        const text = officialReply(k, best, citations);
        return { answer: answer(text, [], [best.official]), missing: [], nearMiss: null, reason };
      }
      case "quote": {
        const chosen = quotesTold(best, candidates);
        const text = quoteReply(k, chosen, citations);
        return { answer: answer(text, [], [best.official]), missing: [], nearMiss: null, reason };
      }
      case "sentence": {
        const text = sentenceReply(k, best, citations);
        return { answer: answer(text, [], []), missing: [], nearMiss: null, reason };
      }
    }
  }
  const nearMiss = findNearMiss(plan, candidates, asked);
  return {
    answer: null,
    missing: missingFor(k, plan, candidates),
    nearMiss,
    reason: best
      ? `best candidate (${best.kind}) at p=${best.p.toFixed(2)}, with agreeing candidates ${sure.toFixed(2)} < ${THRESHOLD}`
      : "no candidate without a conflict",
  };
}

/**
 * The probability that answering with `best` is right: its own and that of the candidates that
 * agree with it. Figures a reply would tell together (the same measure for every period the
 * corpus gives, when no one period is asked) are one answer and add up — only when their measure
 * is the one asked, or two weak readings of the wrong measure would make a sure one.
 */
export function answerConfidence(
  k: Knowledge,
  plan: QuestionPlan,
  best: Candidate,
  candidates: readonly Candidate[],
): number {
  const together = toldTogether(k, plan);
  const namesMeasure = (c: FigureCandidate) => c.features.measure >= MEASURE_NAMED;
  return confidence(
    best,
    candidates,
    (a, b) => namesMeasure(a) && namesMeasure(b) && together(a, b),
  );
}

/** "more than $5 billion" chosen where the article also states "$5.2 billion": the exact one. */
function exactReading(best: FigureCandidate, candidates: Candidate[]): FigureCandidate {
  const exact = candidates.find(
    (c): c is FigureCandidate =>
      c.kind === "figure" && c.conflict === null && boundHeldBy(best.figure, c.figure),
  );
  return exact ?? best;
}

/** The best quote and the speaker's other quotes nearly as good, up to three. */
function quotesTold(best: QuoteCandidate, candidates: Candidate[]): QuoteCandidate[] {
  if (best.asks === "speaker") return [best];
  const same = candidates.filter(
    (c): c is QuoteCandidate =>
      c.kind === "quote" &&
      c.official === best.official &&
      c.z > 0 &&
      c.z >= best.z - QUOTES_TOGETHER,
  );
  return [best, ...same.filter((c) => c !== best)].slice(0, MAX_QUOTES);
}

/**
 * A figure that would answer but for its period or partner: the one the model likes best once
 * that slot is taken as fitting.
 */
function findNearMiss(
  plan: QuestionPlan,
  candidates: Candidate[],
  question: string,
): Decision["nearMiss"] {
  let best: { c: FigureCandidate; z: number } | null = null;
  // The softmax denominator of the candidates that could answer, "no answer" included.
  const others = 1 + candidates.reduce((s, c) => s + (c.conflict === null ? Math.exp(c.z) : 0), 0);
  for (const c of candidates) {
    // Only a figure of the asked partner whose one fault is its period, a year it names.
    if (c.kind !== "figure" || c.conflict === null || plan.periods.length === 0) continue;
    if (c.features.partner < 0.6 || c.features.period > 0) continue;
    if (!/\b(?:19|20)\d\d\b|\bFY\s?\d\d/.test(c.figure.period ?? "")) continue;
    const z = scoreWith(c, { period: 1 });
    const p = Math.exp(z) / (others + Math.exp(z));
    if (p >= THRESHOLD && (!best || z > best.z)) best = { c, z };
  }
  if (!best) return null;
  const f = best.c.figure;
  // The period as the asker wrote it ("FY24", not our "FY2023-24"); when normalising rewrote it
  // ("22-23"), it is not repeated.
  const labels = plan.periods.map((p) => p.label);
  // A period counted in months ("first eight months of FY25") would read as a figure of its own
  // beside the one the articles give: it is named as asked only when it counts nothing.
  const counts = labels.some((l) => DURATION_IN_PERIOD.test(l));
  const asked =
    !counts && labels.every((l) => question.includes(l)) ? labels.join(", ") : "the period asked";
  const what = `for ${f.period}`;
  return { figure: f, text: `The articles give ${f.value} ${what}, not for ${asked}` };
}

const DURATION_IN_PERIOD =
  /\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+(?:months?|weeks?|days?)\b/i;

/** What the corpus lacks, in words a person understands. */
function missingFor(k: Knowledge, plan: QuestionPlan, candidates: Candidate[]): string[] {
  const missing: string[] = [];
  const figures = candidates.filter((c): c is FigureCandidate => c.kind === "figure");
  const official = candidates.some((c) => c.kind === "official");
  const quotes = candidates.some((c) => c.kind === "quote");
  if (plan.kind === "amount" || plan.kind === "count" || plan.kind === "share") {
    for (const p of plan.partners) {
      const any = k.figuresByPartner.get(p)?.length ?? 0;
      // Said only of a partner no passage names: one that is named, without a figure of its
      // own, gets the general reason below. (Read off term counts: scanning every figure's
      // passage for countries took seconds at 100,000 passages.)
      if (any === 0 && !corpusNamesCountry(k, p)) missing.push(`no figure about ${p}`);
    }
    if (
      plan.periods.length > 0 &&
      figures.length > 0 &&
      figures.every((c) => c.conflict !== null)
    ) {
      // "in 2023" was asked; "no figure for 2023" is said.
      const periods = plan.periods.map((p) => p.text.replace(/^(?:in|for|during|of|over)\s+/i, ""));
      missing.push(`no figure for ${periods.join(", ")}`);
    }
    if (missing.length === 0) missing.push("no figure in the corpus measures what is asked");
  } else if (plan.kind === "who" && !quotes) {
    missing.push(
      official
        ? "no official in the corpus fits the question well enough"
        : "no official in the corpus fits the question",
    );
  } else if (plan.kind === "quote") {
    missing.push("no words in quotation marks answer it");
  }
  if (missing.length === 0) missing.push("no passage holds enough of the question");
  return missing;
}
