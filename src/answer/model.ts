import { z } from "zod";
import { oneReading } from "./candidates/bounds";
import type { Candidate, CandidateKind, FigureCandidate } from "./candidates/candidate";
import weightsFile from "./data/weights.json" with { type: "json" };

/**
 * The answer model: a conditional logit over the candidates of one question. Each candidate gets a
 * score from a linear function of its features (weights per kind of candidate), "no answer" gets
 * the score 0, and a softmax over them gives each candidate the probability that it, and not
 * another candidate or silence, is the answer. The best candidate answers when that probability
 * clears one threshold. The weights are data, written by `eval/fit.ts` from labelled questions
 * (never set by hand per question); `eval/README.md` says how to refit them.
 */

const KindWeightsSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
});

export const WeightsSchema = z.object({
  about: z.string(),
  threshold: z.number().min(0).max(1),
  kinds: z.object({
    figure: KindWeightsSchema,
    official: KindWeightsSchema,
    quote: KindWeightsSchema,
    sentence: KindWeightsSchema,
  }),
  /** Precision and recall measured at the threshold when the weights were fitted. */
  measured: z.record(z.string(), z.unknown()).optional(),
});

export type Weights = z.infer<typeof WeightsSchema>;

export const WEIGHTS: Weights = WeightsSchema.parse(weightsFile);

/** A candidate's score: its log-odds against "no answer" were it the only candidate. */
export function logit(kind: CandidateKind, features: Record<string, number>, w = WEIGHTS): number {
  const model = w.kinds[kind];
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return z;
}

/**
 * Scores every candidate and sets its probability: the softmax over the candidates free of
 * conflict and "no answer" (score 0). A conflicted candidate can never be chosen; its `p` is what
 * it would have had alone, for telling near misses.
 */
export function scoreAll(candidates: Candidate[], w = WEIGHTS): void {
  for (const c of candidates) c.z = logit(c.kind, c.features as Record<string, number>, w);
  const p = rivalProbabilities(candidates.map((c) => (c.conflict === null ? c.z : null)));
  candidates.forEach((c, i) => {
    c.p = c.conflict === null ? (p[i] ?? 0) : 1 / (1 + Math.exp(-c.z));
  });
}

/** How many of the best candidates compete in the softmax; the long tail of weak ones does not. */
export const RIVALS = 6;

/**
 * The softmax over "no answer" (score 0) and the `RIVALS` best scores; null scores (conflicts)
 * and the rest get 0. Hundreds of weak sentences must not dilute a clear answer, while two strong
 * rivals (exports against imports) still share the belief.
 */
export function rivalProbabilities(z: readonly (number | null)[]): number[] {
  const ranked = z
    .map((x, i) => ({ x, i }))
    .filter((e): e is { x: number; i: number } => e.x !== null)
    .sort((a, b) => b.x - a.x)
    .slice(0, RIVALS);
  const max = Math.max(0, ...ranked.map((e) => e.x));
  let sum = Math.exp(-max);
  for (const e of ranked) sum += Math.exp(e.x - max);
  const out = new Array<number>(z.length).fill(0);
  for (const e of ranked) out[e.i] = Math.exp(e.x - max) / sum;
  return out;
}

/**
 * Whether two candidates give the same answer: one figure found twice, a figure and the sentence
 * that states it, a quote and the sentence that holds it. Their probabilities add up to the
 * confidence in that answer, so finding an answer in two ways does not halve the belief in it.
 */
export function agrees(
  a: Candidate,
  b: Candidate,
  together: (a: FigureCandidate, b: FigureCandidate) => boolean = () => false,
): boolean {
  if (a === b) return true;
  const span = (c: Candidate): { article: string; start: number; end: number } | null => {
    switch (c.kind) {
      case "figure":
        return {
          article: c.figure.articleId,
          start: c.figure.sentenceStart,
          end: c.figure.sentenceEnd,
        };
      case "quote":
        return {
          article: c.quote.articleId,
          start: c.quote.sentenceStart,
          end: c.quote.sentenceEnd,
        };
      case "sentence":
        return { article: c.passage.articleId, start: c.start, end: c.end };
      default:
        return null;
    }
  };
  if (a.kind === "official" || b.kind === "official") {
    return a.kind === "official" && b.kind === "official" && a.official === b.official;
  }
  if (a.kind === "figure" && b.kind === "figure") {
    // The same value in the same article, or stated for the same period and partners in
    // another: two articles giving one figure confirm it.
    const same =
      a.figure.value === b.figure.value &&
      (a.figure.articleId === b.figure.articleId ||
        (a.figure.period === b.figure.period &&
          a.figure.partners.join() === b.figure.partners.join()));
    return same || oneReading(a.figure, b.figure) || together(a, b);
  }
  if (a.kind === "quote" && b.kind === "quote") {
    // "What did X say?": X's quotes are told together, so they are one answer.
    return a.official === b.official && (a.quote.text === b.quote.text || a.asks === "words");
  }
  // A quote asked for its speaker is only the same answer as another quote of the speaker.
  if (
    (a.kind === "quote" && a.asks === "speaker") ||
    (b.kind === "quote" && b.asks === "speaker")
  ) {
    return false;
  }
  const sa = span(a);
  const sb = span(b);
  if (!sa || !sb || sa.article !== sb.article) return false;
  // A sentence reply states all of a figure's or quote's sentence.
  if (a.kind === "sentence") return sa.start <= sb.start && sa.end >= sb.end;
  if (b.kind === "sentence") return sb.start <= sa.start && sb.end >= sa.end;
  return false;
}

/** The probability that the answer `best` gives is right: its own and that of candidates agreeing. */
export function confidence(
  best: Candidate,
  candidates: readonly Candidate[],
  together?: (a: FigureCandidate, b: FigureCandidate) => boolean,
): number {
  let p = 0;
  for (const c of candidates) if (c.conflict === null && agrees(best, c, together)) p += c.p;
  return p;
}

/** The score a candidate would have with some features changed (a conflict's slot taken as fitting). */
export function scoreWith(c: Candidate, fixed: Record<string, number>, w = WEIGHTS): number {
  return logit(c.kind, { ...(c.features as Record<string, number>), ...fixed }, w);
}

export const THRESHOLD = WEIGHTS.threshold;
