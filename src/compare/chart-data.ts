/**
 * What a chart of one partner's measure over time shows, as plain data: the figures of that
 * measure with an amount and a period that can be placed in time, in period order, one series per
 * unit (USD and PKR are never drawn on one axis), figures of one period from different sources
 * side by side, and the sentence each figure comes from. Nothing is added up, averaged or
 * converted; a range (`$3 billion to $4 billion`) is not drawn as if it were one number.
 */
import type { Figure, FigureKind } from "../types";
import {
  BASE_ORDER,
  type MeasureMeaning,
  meaningMatches,
  readMeasureQuery,
} from "./measure-meaning";
import {
  type FigureSource,
  type PlacedFigure,
  partnerFigures,
  placeFigure,
} from "./partner-figures";
import { comparePlaced, type PlacedPeriod, samePlace } from "./timeline";

/** One bar: an amount stated for a period, by one or more sentences. */
export interface ChartPoint {
  period: PlacedPeriod;
  /** In base units (1.26e9 for `$1.26 billion`). */
  amount: number;
  unit: string;
  /** As the first sentence stating it writes it, with its qualifier (`about $2.6 billion`). */
  value: string;
  /** Every figure stating this amount for this period, first one first. */
  figures: Figure[];
  /** Their citation numbers (1-based, into `ChartData.citations`). */
  citations: number[];
}

export interface ChartSeries {
  unit: string;
  kind: FigureKind;
  /** What amounts are divided by for the axis (1e9 for billions), and its word. */
  scale: { divisor: number; word: string };
  /** `USD billion`, `percent`, `million tonnes`. */
  axisTitle: string;
  points: ChartPoint[];
}

export interface ChartCitation {
  number: number;
  articleId: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  /** The verbatim sentence that states the figure(s). */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  passageId: string;
}

export interface ChartData {
  partner: string;
  measure: string;
  measureKey: string;
  series: ChartSeries[];
  /** The periods drawn, in order, each once. */
  periods: PlacedPeriod[];
  citations: ChartCitation[];
  /** Figures of the measure that are not drawn, and why (no period to place, a range, no amount). */
  notDrawn: { figure: Figure; reason: string }[];
}

export type ChartOutcome = { ok: true; chart: ChartData } | { ok: false; reason: string };

/** A measure of a partner that can be charted, with how many periods it would show. */
export interface ChartableMeasure {
  measure: string;
  key: string;
  periods: number;
  meaning: MeasureMeaning;
}

const drawable = (p: PlacedFigure): p is PlacedFigure & { period: PlacedPeriod } =>
  p.period !== null && p.figure.amount !== null && p.figure.amountHigh === null;

function distinctPeriods(list: readonly PlacedFigure[]): number {
  const seen: PlacedPeriod[] = [];
  for (const p of list) {
    if (p.period && !seen.some((s) => samePlace(s, p.period as PlacedPeriod))) seen.push(p.period);
  }
  return seen.length;
}

function byMeasure(figures: readonly PlacedFigure[]): Map<string, PlacedFigure[]> {
  const groups = new Map<string, PlacedFigure[]>();
  for (const p of figures) {
    const list = groups.get(p.meaning.key) ?? [];
    list.push(p);
    groups.set(p.meaning.key, list);
  }
  return groups;
}

const rank = (m: MeasureMeaning) => {
  const at = (BASE_ORDER as readonly string[]).indexOf(m.base);
  return (m.nature === "level" ? 0 : 100) + (m.qualifier ? 20 : 0) + (at === -1 ? 50 : at);
};

/**
 * The measures of a partner that have drawable figures, most periods first (results before
 * targets and rates, the usual trade measures first among equals).
 */
export function chartableMeasures(source: FigureSource, partner: string): ChartableMeasure[] {
  const out: ChartableMeasure[] = [];
  for (const list of byMeasure(partnerFigures(source, partner).filter(drawable)).values()) {
    const first = list[0];
    if (!first) continue;
    out.push({
      measure: first.meaning.label,
      key: first.meaning.key,
      periods: distinctPeriods(list),
      meaning: first.meaning,
    });
  }
  return out.sort(
    (a, b) =>
      b.periods - a.periods ||
      rank(a.meaning) - rank(b.meaning) ||
      a.measure.localeCompare(b.measure),
  );
}

/** A chart worth offering beside a list of figures: a partner's measure drawn over 2+ periods. */
export interface ChartOffer {
  partner: string;
  key: string;
  measure: string;
  periods: number;
}

/**
 * The charts a list of figures (a `/figures` page and the query behind it) invites: each
 * partner's measure that these figures give for two or more periods, most periods first.
 */
export function chartOffers(
  source: Pick<FigureSource, "article">,
  figures: readonly Figure[],
): ChartOffer[] {
  const groups = new Map<string, { offer: ChartOffer; list: PlacedFigure[] }>();
  for (const figure of figures) {
    const placed = placeFigure(source, figure);
    if (!placed || !drawable(placed)) continue;
    for (const partner of figure.partners) {
      const id = `${partner}|${placed.meaning.key}`;
      const group = groups.get(id) ?? {
        offer: { partner, key: placed.meaning.key, measure: placed.meaning.label, periods: 0 },
        list: [],
      };
      group.list.push(placed);
      groups.set(id, group);
    }
  }
  return [...groups.values()]
    .map(({ offer, list }) => ({ ...offer, periods: distinctPeriods(list) }))
    .filter((offer) => offer.periods >= 2)
    .sort((a, b) => b.periods - a.periods || a.partner.localeCompare(b.partner));
}

function scaleOf(kind: FigureKind, amounts: number[]) {
  const largest = Math.max(...amounts.map(Math.abs));
  if (kind === "percent") return { divisor: 1, word: "" };
  if (largest >= 1e9) return { divisor: 1e9, word: "billion" };
  if (largest >= 1e6) return { divisor: 1e6, word: "million" };
  if (largest >= 1e4 && kind === "money") return { divisor: 1e3, word: "thousand" };
  return { divisor: 1, word: "" };
}

function axisTitle(kind: FigureKind, unit: string, word: string): string {
  if (kind === "percent") return "percent";
  if (kind === "money") return word ? `${unit} ${word}` : unit;
  return word ? `${word} ${unit}` : unit;
}

/** A measure as a person names it (`trade volume`), or as a chart button carries it (its key). */
export type MeasureChoice = string | { key: string } | null | undefined;

/** Picks the measure to draw: the one asked for, else the one with the most periods. */
function pickMeasure(
  groups: Map<string, PlacedFigure[]>,
  measure: string | { key: string } | null,
): PlacedFigure[] | null {
  const candidates = [...groups.values()]
    .map((list) => ({ list, meaning: (list[0] as PlacedFigure).meaning }))
    .filter(({ list }) => list.length > 0);
  let pool = candidates;
  if (typeof measure === "object" && measure !== null) {
    pool = candidates.filter(({ meaning }) => meaning.key === measure.key);
  } else if (measure) {
    const query = readMeasureQuery(measure);
    pool = candidates.filter(({ meaning }) => meaningMatches(meaning, query));
    // A measure named without saying target, growth or share is its results.
    if (query.nature === null && pool.some(({ meaning }) => meaning.nature === "level")) {
      pool = pool.filter(({ meaning }) => meaning.nature === "level");
    }
  }
  pool.sort(
    (a, b) =>
      distinctPeriods(b.list.filter(drawable)) - distinctPeriods(a.list.filter(drawable)) ||
      rank(a.meaning) - rank(b.meaning),
  );
  return pool[0]?.list ?? null;
}

/**
 * The chart of `measure` (as a person names it: `trade volume`, `exports`, `remittances`) for a
 * partner (canonical name) over the periods the articles give; without a measure, the measure
 * with the most periods. Refuses, with the reason, when there is nothing to draw.
 */
/** A chart stays readable: the latest periods, and a few values in each. */
export const MAX_CHART_PERIODS = 12;
export const MAX_VALUES_PER_PERIOD = 4;

/**
 * The figures a chart draws when a large corpus gives more than a chart can show: the latest
 * `MAX_CHART_PERIODS` periods, and in each the `MAX_VALUES_PER_PERIOD` values most figures give
 * (ties to the earlier stated). The rest are listed as not drawn, with why. `drawn` is in time order.
 */
function withinChartBounds<T extends { figure: Figure; period: PlacedPeriod }>(
  drawn: T[],
  notDrawn: ChartData["notDrawn"],
): T[] {
  const places: PlacedPeriod[] = [];
  for (const p of drawn) if (!places.some((q) => samePlace(q, p.period))) places.push(p.period);
  const latest = places.slice(-MAX_CHART_PERIODS);
  const kept: T[] = [];
  for (const place of places) {
    const here = drawn.filter((p) => samePlace(p.period, place));
    if (!latest.includes(place)) {
      for (const p of here) {
        notDrawn.push({
          figure: p.figure,
          reason: `older than the ${MAX_CHART_PERIODS} latest periods`,
        });
      }
      continue;
    }
    const times = new Map<number, number>();
    for (const p of here) {
      const amount = p.figure.amount as number;
      times.set(amount, (times.get(amount) ?? 0) + 1);
    }
    const chosen = new Set(
      [...times.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_VALUES_PER_PERIOD)
        .map(([amount]) => amount),
    );
    for (const p of here) {
      if (chosen.has(p.figure.amount as number)) kept.push(p);
      else {
        notDrawn.push({
          figure: p.figure,
          reason: `more than ${MAX_VALUES_PER_PERIOD} values for one period`,
        });
      }
    }
  }
  return kept;
}

export function chartData(
  source: FigureSource,
  partner: string,
  measure?: MeasureChoice,
): ChartOutcome {
  const figures = partnerFigures(source, partner);
  if (figures.length === 0) {
    return { ok: false, reason: `The articles give no figures for ${partner}.` };
  }
  const wanted = typeof measure === "string" ? measure.trim() || null : (measure ?? null);
  const asked = typeof wanted === "string" ? wanted : null;
  const chosen = pickMeasure(byMeasure(figures), wanted);
  if (!chosen || chosen.length === 0) {
    const known = chartableMeasures(source, partner)
      .slice(0, 8)
      .map((m) => m.measure);
    return {
      ok: false,
      reason: `The articles give no figures of ${asked ?? "any measure"} for ${partner}.${known.length > 0 ? ` Measures that can be charted: ${known.join(", ")}.` : ""}`,
    };
  }
  const meaning = (chosen[0] as PlacedFigure).meaning;
  const notDrawn: ChartData["notDrawn"] = [];
  const drawn: (PlacedFigure & { period: PlacedPeriod })[] = [];
  for (const p of chosen) {
    if (drawable(p)) drawn.push(p);
    else if (p.figure.amount === null) notDrawn.push({ figure: p.figure, reason: "no amount" });
    else if (p.figure.amountHigh !== null)
      notDrawn.push({ figure: p.figure, reason: "a range, not one number" });
    else notDrawn.push({ figure: p.figure, reason: "no period that can be placed in time" });
  }
  if (drawn.length === 0) {
    return {
      ok: false,
      reason: `Nothing to draw: the articles give no ${meaning.label} figure for ${partner} with an amount and a period that can be placed in time.`,
    };
  }
  drawn.sort((a, b) => comparePlaced(a.period, b.period));
  const shown = withinChartBounds(drawn, notDrawn);

  const citations: ChartCitation[] = [];
  const citationOf = (f: Figure): number => {
    const found = citations.find(
      (c) => c.articleId === f.articleId && c.sentenceStart === f.sentenceStart,
    );
    if (found) return found.number;
    const article = source.article(f.articleId);
    const number = citations.length + 1;
    citations.push({
      number,
      articleId: f.articleId,
      title: article?.title ?? f.articleId,
      publisher: article?.publisher ?? null,
      published: article?.published ?? null,
      url: article?.url ?? null,
      sentence: f.sentence,
      sentenceStart: f.sentenceStart,
      sentenceEnd: f.sentenceEnd,
      passageId: f.passageId,
    });
    return number;
  };

  const byUnit = new Map<string, ChartPoint[]>();
  const kinds = new Map<string, FigureKind>();
  for (const p of shown) {
    const f = p.figure;
    const amount = f.amount as number;
    const points = byUnit.get(f.unit) ?? [];
    kinds.set(f.unit, f.kind);
    const same = points.find((pt) => samePlace(pt.period, p.period) && pt.amount === amount);
    const number = citationOf(f);
    if (same) {
      same.figures.push(f);
      if (!same.citations.includes(number)) same.citations.push(number);
    } else {
      points.push({
        period: p.period,
        amount,
        unit: f.unit,
        value: `${f.qualifier ? `${f.qualifier} ` : ""}${f.value}`,
        figures: [f],
        citations: [number],
      });
    }
    byUnit.set(f.unit, points);
  }
  const series: ChartSeries[] = [...byUnit.entries()]
    .map(([unit, points]) => {
      const kind = kinds.get(unit) ?? "money";
      const scale = scaleOf(
        kind,
        points.map((p) => p.amount),
      );
      return { unit, kind, scale, axisTitle: axisTitle(kind, unit, scale.word), points };
    })
    .sort((a, b) => b.points.length - a.points.length || a.unit.localeCompare(b.unit));
  const periods: PlacedPeriod[] = [];
  for (const p of shown) if (!periods.some((q) => samePlace(q, p.period))) periods.push(p.period);
  return {
    ok: true,
    chart: {
      partner,
      measure: meaning.label,
      measureKey: meaning.key,
      series,
      periods,
      citations,
      notDrawn,
    },
  };
}
