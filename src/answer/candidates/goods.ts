import { findCountries } from "../../facts/language/countries";
import { holdsTerm } from "../../text/synonyms";
import { contentTerms, STOP_WORDS } from "../../text/terms";
import type { Figure } from "../../types";
import type { Knowledge } from "../knowledge";
import type { QuestionPlan } from "../question";
import type { Candidate, FigureCandidate, SentenceCandidate } from "./candidate";
import { clauseOf } from "./clause";

/**
 * The goods a question asks the amount of, against figures of a whole flow: "how much rice did
 * Pakistan sell to Saudi Arabia" is not answered by all exports to Saudi Arabia, nor "halal meat
 * exports" by "exports of USD 97 million, consisting largely of rice, textiles and meat". A wrong
 * measure is a wrong answer, so these are conflicts, not weaker scores.
 */

/** "How much money / funding did …" names no goods: the money is the amount itself. */
const MONEY_WORDS = new Set(
  [
    "money",
    "cash",
    "funds",
    "funding",
    "dollars",
    "rupees",
    "value",
    "worth",
    "amount",
    "capital",
  ].map((w) => contentTerms(w)[0] ?? w),
);

/** Words that open the list of what a total is made of. */
const COMPOSITION =
  /\b(?:consist(?:s|ed|ing)?(?:\s+(?:largely|mainly|mostly|chiefly|primarily))?\s+of|compris(?:ed\s+of|ing|es)|made\s+up\s+of|led\s+by|dominated\s+by|mainly|mostly|largely|chiefly|primarily|including|such\s+as)\b/gi;

/** Where a list of goods ends: its clause's verb, a figure, or the sentence's end. */
const LIST_END =
  /[.;:$€£¥\d]|\b(?:while|whereas|but|against|compared|was|were|is|are|has|have|had|stood|reached|amounted|totall?ed|rose|fell|grew|increased|declined|dropped|accounted|came|remained|estimated)\b/i;

/** The goods a "how much X did …" question asks the amount of ("how much rice did …" → rice). */
export function productAsked(plan: QuestionPlan, generic: ReadonlySet<string>): string[] {
  if (plan.kind !== "amount" && plan.kind !== "other") return [];
  const m =
    (plan.kind === "amount" ? HOW_MUCH_GOOD.exec(plan.text) : null) ??
    GOOD_BEFORE_FLOW.exec(plan.text);
  if (!m?.[1]) return [];
  const countryWords = new Set(findCountries(m[1]).flatMap((c) => contentTerms(c.matched)));
  return contentTerms(m[1]).filter(
    (t) =>
      !generic.has(t) &&
      !STOP_WORDS.has(t) &&
      !MONEY_WORDS.has(t) &&
      !countryWords.has(t) &&
      !FLOW_WORDS.has(t),
  );
}

/** "how much rice did …" */
const HOW_MUCH_GOOD =
  /\bhow much\s+((?:[a-z-]+\s+){0,1}[a-z-]+)\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\b/i;
/** "meat exports to the kingdom", "rice imports": a good named before the flow it moves in. */
const GOOD_BEFORE_FLOW = /\b([a-z-]{3,})\s+(?:exports?|imports?|shipments?|sales)\b/i;
const FLOW_WORDS = new Set(
  [
    "export",
    "import",
    "trade",
    "total",
    "overall",
    "bilateral",
    "annual",
    "country",
    "pakistan",
  ].map((w) => contentTerms(w)[0] ?? w),
);

/**
 * A good the question asks the amount of ("how much rice") that this figure's own words do not
 * name but another figure of its article does: the total of all exports is not the rice.
 */
export function goodsWithOwnFigure(
  k: Knowledge,
  product: readonly string[],
  f: Figure,
  i: number,
): string | null {
  if (product.length === 0) return null;
  // The figure's own clause: "the sale of rice which stood at $106.68 million, followed by meat
  // that increased …" names meat in the sentence, not in what the figure is of.
  const here = new Set([...(k.figureMeasureTerms[i] ?? []), ...contentTerms(clauseOf(f))]);
  for (const good of product) {
    if (holdsTerm(here, good)) continue;
    const others = k.figuresByTerm.get(good) ?? [];
    if (others.some((j) => j !== i && k.figures[j]?.articleId === f.articleId)) return good;
  }
  return null;
}

/**
 * A word of the question that the figure's sentence names only in the list of what the figure is
 * made of ("exports … USD 97 million, consisting largely of rice, textiles and meat" for "meat
 * exports"), and its measure does not: the figure is the whole, the good a part.
 */
export function goodInComposition(
  k: Knowledge,
  plan: QuestionPlan,
  topic: readonly string[],
  f: Figure,
  i: number,
): string | null {
  // A share is asked of a part: "what share of exports are textiles" wants the part's figure.
  if (plan.kind !== "amount") return null;
  const markers = [...f.sentence.matchAll(COMPOSITION)];
  if (markers.length === 0) return null;
  // The lists of parts, and the rest of the sentence: a good also named outside a list
  // ("Textiles accounted for 78% of shipments, led by home textiles") is what the figure is of.
  const lists: string[] = [];
  let rest = "";
  let at = 0;
  for (const m of markers) {
    const from = (m.index ?? 0) + m[0].length;
    if (from < at) continue;
    const list = f.sentence.slice(from, from + 90).split(LIST_END)[0] ?? "";
    rest += f.sentence.slice(at, m.index ?? 0);
    lists.push(list);
    at = from + list.length;
  }
  rest += f.sentence.slice(at);
  const measure = new Set(k.figureMeasureTerms[i] ?? []);
  const outside = new Set(contentTerms(rest));
  for (const list of lists) {
    const listed = new Set(contentTerms(list));
    const good = topic.find(
      (t) =>
        !MONEY_WORDS.has(t) &&
        !holdsTerm(measure, t) &&
        !holdsTerm(outside, t) &&
        holdsTerm(listed, t),
    );
    if (good) return good;
  }
  return null;
}

/** The conflict of a figure that is a whole where a good was asked, or another good's figure. */
export const goodsConflict = {
  ownFigure: (good: string) => `the article gives ${good} a figure of its own`,
  part: (good: string) => `it is a total of which ${good} is a part`,
};
/** A figure that is a change where a share was asked ("increased 39 per cent"). */
export const CHANGE_NOT_SHARE = "it is a change, not a share";

/** Conflicts that say what a figure is of, which its sentence, stating it, shares. */
const GOODS_CONFLICT = new RegExp(
  `^(?:the article gives .+ a figure of its own|it is a total of which .+ is a part|${CHANGE_NOT_SHARE})$`,
);

/**
 * A sentence whose every figure is the wrong whole for the good asked ("imports from Oman, led by
 * urea, … reached USD 752 million" for "how much urea"), or a change where a share was asked, is
 * no answer either: it would state the same wrong figure in full.
 */
export function inheritGoodsConflicts(candidates: readonly Candidate[]): void {
  const figures = candidates.filter((c): c is FigureCandidate => c.kind === "figure");
  for (const s of candidates) {
    if (s.kind !== "sentence" || s.conflict !== null) continue;
    const within = figures.filter((f) => holds(s, f));
    const wrong = within.find((f) => f.conflict !== null && GOODS_CONFLICT.test(f.conflict));
    if (wrong && within.every((f) => f.conflict !== null)) s.conflict = wrong.conflict;
  }
}

/** The measure of one side of trade or of the gap between them, not of trade as a whole. */
const ONE_SIDE = /\b(?:imports?|exports?|deficit|surplus|gap|balance)\b/i;

/**
 * "What's the total China–Pakistan trade?" is not answered by a sentence that gives imports and
 * exports and the gap between them: trade as a whole is a figure of its own, and nothing is added
 * up here. Only when the question names trade and no side of it.
 */
export function inheritSideConflicts(plan: QuestionPlan, candidates: readonly Candidate[]): void {
  if (plan.side || !plan.topic.includes(TRADE) || ONE_SIDE.test(plan.text)) return;
  const figures = candidates.filter((c): c is FigureCandidate => c.kind === "figure");
  const oneSide = (f: FigureCandidate) => ONE_SIDE.test(f.figure.measure ?? "");
  for (const f of figures) {
    if (f.conflict === null && oneSide(f)) f.conflict = "it is one side of trade, not the whole";
  }
  for (const s of candidates) {
    if (s.kind !== "sentence" || s.conflict !== null) continue;
    const within = figures.filter((f) => holds(s, f));
    if (within.length > 0 && within.every(oneSide)) {
      s.conflict = "its figures are of one side of trade, not the whole";
    }
  }
}

const TRADE = contentTerms("trade")[0] ?? "trade";

const holds = (s: SentenceCandidate, f: FigureCandidate) =>
  s.passage.articleId === f.figure.articleId &&
  f.figure.sentenceStart >= s.start &&
  f.figure.sentenceEnd <= s.end;
