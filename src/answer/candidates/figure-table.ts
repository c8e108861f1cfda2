import { alternativesOf } from "../../text/synonyms";
import type { FigureKind } from "../../types";
import { type Knowledge, termWeight } from "../knowledge";
import type { QuestionPlan } from "../question";

/**
 * What the figure preselection reads of every figure a question's words find — kind, partners,
 * the terms of its measure and of its sentence — as flat arrays of small numbers, built once per
 * knowledge (a live edit assembles new knowledge, so it is never stale). A common word finds
 * thousands of figures on a large corpus; reading them as objects, arrays of strings and sets
 * was most of a figure question's time.
 */
interface FigureTable {
  kind: Uint8Array;
  kindCodes: Map<FigureKind, number>;
  termIds: Map<string, number>;
  /** Figure i's measure terms are `measure[measureAt[i] .. measureAt[i + 1]]`; so for the rest. */
  measureAt: Int32Array;
  measure: Int32Array;
  sentenceAt: Int32Array;
  sentence: Int32Array;
  partnerIds: Map<string, number>;
  partnersAt: Int32Array;
  partners: Int32Array;
  /** Per term id, the figures whose measure holds it; and those whose sentence does. */
  measureFigures: Map<number, Int32Array>;
  sentenceFigures: Map<number, Int32Array>;
}

const TABLES = new WeakMap<Knowledge, FigureTable>();

/**
 * The figures' measure and sentence terms as numbered already: list i of a group is
 * `ids[at[i] .. at[i + 1]]`, ids into `dictionary`. A snapshot stores them so
 * (snapshot/term-columns.ts); the table then reads them rather than numbering 300,000 strings
 * again on a restored engine's first figure question.
 */
export interface FigureTermColumns {
  dictionary: readonly string[];
  measure: { at: Uint32Array; ids: Uint32Array };
  sentence: { at: Uint32Array; ids: Uint32Array };
}

const COLUMNS = new WeakMap<Knowledge, FigureTermColumns>();

/** Says that `k`'s figure term lists are `columns` (the same lists, numbered). */
export function useFigureTermColumns(k: Knowledge, columns: FigureTermColumns): void {
  COLUMNS.set(k, columns);
}

function figureTable(k: Knowledge): FigureTable {
  let table = TABLES.get(k);
  if (table) return table;
  const n = k.figures.length;
  const termIds = new Map<string, number>();
  const partnerIds = new Map<string, number>();
  const kindCodes = new Map<FigureKind, number>();
  const idOf = <K>(ids: Map<K, number>, key: K) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const flat = (lists: (i: number) => readonly string[], ids: Map<string, number>) => {
    const at = new Int32Array(n + 1);
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      at[i] = values.length;
      for (const t of lists(i)) values.push(idOf(ids, t));
    }
    at[n] = values.length;
    return { at, values: Int32Array.from(values) };
  };
  const columns = COLUMNS.get(k);
  let measure: { at: Int32Array; values: Int32Array };
  let sentence: { at: Int32Array; values: Int32Array };
  if (columns && columns.measure.at.length === n + 1 && columns.sentence.at.length === n + 1) {
    columns.dictionary.forEach((term, id) => {
      termIds.set(term, id);
    });
    const column = ({ at, ids }: { at: Uint32Array; ids: Uint32Array }) => ({
      at: Int32Array.from(at),
      values: Int32Array.from(ids),
    });
    measure = column(columns.measure);
    sentence = column(columns.sentence);
  } else {
    measure = flat((i) => k.figureMeasureTerms[i] ?? [], termIds);
    sentence = flat((i) => k.figureSentenceTerms[i] ?? [], termIds);
  }
  const partners = flat((i) => k.figures[i]?.partners ?? [], partnerIds);
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) kind[i] = idOf(kindCodes, k.figures[i]?.kind as FigureKind);
  const inverted = (at: Int32Array, values: Int32Array) => {
    const lists = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      for (let j = at[i] as number; j < (at[i + 1] as number); j++) {
        const id = values[j] as number;
        const list = lists.get(id);
        if (list) {
          if (list[list.length - 1] !== i) list.push(i);
        } else lists.set(id, [i]);
      }
    }
    return new Map([...lists].map(([id, list]) => [id, Int32Array.from(list)]));
  };
  table = {
    measureFigures: inverted(measure.at, measure.values),
    sentenceFigures: inverted(sentence.at, sentence.values),
    kind,
    kindCodes,
    termIds,
    measureAt: measure.at,
    measure: measure.values,
    sentenceAt: sentence.at,
    sentence: sentence.values,
    partnerIds,
    partnersAt: partners.at,
    partners: partners.values,
  };
  TABLES.set(k, table);
  return table;
}

function within(values: Int32Array, from: number, to: number, id: number): boolean {
  for (let j = from; j < to; j++) if (values[j] === id) return true;
  return false;
}

/**
 * The figures worth weighing in full, exactly as `preselect` in `figures.ts` picks them: of the
 * right kind, scored by the measure's and the sentence's share of the topic plus the partner fit,
 * the best `limit` by score then position; all of them, in the order found, when `limit` or fewer.
 * The same weights, additions and order as `coverage`, so the same numbers and the same choice.
 */
export function preselectFigures(
  k: Knowledge,
  plan: QuestionPlan,
  topic: readonly string[],
  kinds: readonly FigureKind[],
  found: readonly number[],
  limit: number,
): number[] {
  const table = figureTable(k);
  const kindOk = new Uint8Array(table.kindCodes.size + 1);
  for (const kind of kinds) {
    const code = table.kindCodes.get(kind);
    if (code !== undefined) kindOk[code] = 1;
  }
  // Topic terms as ids (-1: no figure holds it), their alternatives as lists of ids.
  const weights = topic.map((t) => termWeight(k, t));
  let total = 0;
  for (const w of weights) total += w;
  const ids = topic.map((t) => table.termIds.get(t) ?? -1);
  const alternatives = topic.map((t) =>
    alternativesOf(t)
      .map((alt) => alt.map((a) => table.termIds.get(a) ?? -1))
      .filter((alt) => !alt.includes(-1)),
  );
  // Which figures hold each topic term (or one of its alternatives, all of whose terms must be
  // in the same list), in their measure and in their sentence: read off the term's figures.
  const n = table.kind.length;
  const heldBy = (figures: Map<number, Int32Array>) =>
    topic.map((_, t) => {
      const held = new Uint8Array(n);
      const id = ids[t] as number;
      for (const i of figures.get(id) ?? []) held[i] = 1;
      for (const alt of alternatives[t] as number[][]) {
        const terms = [...new Set(alt)];
        const count = new Uint8Array(n);
        for (const a of terms)
          for (const i of figures.get(a) ?? []) count[i] = (count[i] as number) + 1;
        for (const i of figures.get(terms[0] as number) ?? []) {
          if (count[i] === terms.length) held[i] = 1;
        }
      }
      return held;
    });
  const measureHeld = heldBy(table.measureFigures);
  const sentenceHeld = heldBy(table.sentenceFigures);
  const cover = (held: Uint8Array[], i: number): number => {
    if (topic.length === 0) return 1;
    let hit = 0;
    for (let t = 0; t < topic.length; t++) {
      if ((held[t] as Uint8Array)[i]) hit += weights[t] as number;
    }
    return total === 0 ? 0 : hit / total;
  };
  const asked = plan.partners.map((p) => table.partnerIds.get(p) ?? -1);

  const chosen: number[] = [];
  const scores: number[] = [];
  for (const i of found) {
    if (i < 0 || i >= table.kind.length || !kindOk[table.kind[i] as number]) continue;
    const pFrom = table.partnersAt[i] as number;
    const pTo = table.partnersAt[i + 1] as number;
    let partner = 0.5;
    if (asked.length > 0 && pTo > pFrom) {
      partner = asked.every((p) => p >= 0 && within(table.partners, pFrom, pTo, p)) ? 1 : 0;
    }
    const score = cover(measureHeld, i) + cover(sentenceHeld, i) + partner;
    chosen.push(i);
    scores.push(score);
  }
  return bestByScore(chosen, scores, limit);
}

/**
 * The best `limit` of `chosen` (distinct figure positions) by score, then position; all of them,
 * in their order, when `limit` or fewer. Every figure scoring more than the `limit`-th best score
 * is kept, and of those scoring exactly that, the first by position: only the kept are sorted,
 * since a common word ties thousands of figures.
 */
export function bestByScore(
  chosen: readonly number[],
  scores: readonly number[],
  limit: number,
): number[] {
  if (chosen.length <= limit) return [...chosen];
  if (limit <= 0) return [];
  const threshold = nthSmallest(Float64Array.from(scores), scores.length - limit);
  const above: number[] = [];
  const tied: number[] = [];
  for (let j = 0; j < chosen.length; j++) {
    const score = scores[j] as number;
    if (score > threshold) above.push(j);
    else if (score === threshold) tied.push(chosen[j] as number);
  }
  above.sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) ||
      (chosen[a] as number) - (chosen[b] as number),
  );
  const first = Int32Array.from(tied)
    .sort()
    .subarray(0, limit - above.length);
  return [...above.map((j) => chosen[j] as number), ...first];
}

/**
 * The value `values` would have at position `n` sorted ascending, found by selection (a
 * three-way quickselect: scores tie a lot) rather than sorting them all. Reorders `values`.
 */
export function nthSmallest(values: Float64Array, n: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const x = values[lo] as number;
    const y = values[(lo + hi) >>> 1] as number;
    const z = values[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = values[i] as number;
      if (v < pivot) {
        values[i] = values[lt] as number;
        values[lt++] = v;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt] as number;
        values[gt--] = v;
      } else i++;
    }
    if (n < lt) hi = lt - 1;
    else if (n > gt) lo = gt + 1;
    else return pivot;
  }
  return values[lo] as number;
}
