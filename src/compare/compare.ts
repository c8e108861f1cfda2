/**
 * Partners side by side: a row per measure (by meaning, see `measure-meaning.ts`), a cell per
 * partner with that partner's figures for it. Nothing is added up, averaged or converted: a cell
 * holds the figures as the articles state them, and a row whose partners' figures are of
 * different periods says so.
 */
import {
  BASE_ORDER,
  type MeasureNature,
  meaningMatches,
  readMeasureQuery,
} from "./measure-meaning";
import { type FigureSource, type PlacedFigure, partnerFigures } from "./partner-figures";
import { comparePlaced, type PlacedPeriod } from "./timeline";

export interface ComparisonRow {
  /** What the row measures, as a person reads it: `bilateral trade`, `exports target`. */
  measure: string;
  key: string;
  nature: MeasureNature;
  /** Each partner's figures for the measure, earliest period first; empty when the articles have none. */
  cells: Map<string, PlacedFigure[]>;
  /**
   * The latest period every partner with figures in the row has a figure for, or null when they
   * share none (their figures are of different periods) or only one partner has figures.
   */
  commonPeriod: PlacedPeriod | null;
  /** More than one partner has figures, and no period is common to all of them. */
  periodsDiffer: boolean;
}

export interface Comparison {
  partners: string[];
  /** The measure asked for, as typed; null for every measure. */
  measure: string | null;
  rows: ComparisonRow[];
}

const NATURE_ORDER: MeasureNature[] = ["level", "change", "share", "target", "projection"];

function baseRank(key: string): number {
  const base = key.split("|")[0] ?? "";
  const at = (BASE_ORDER as readonly string[]).indexOf(base);
  // A qualified measure (`sesame exports`) comes after every plain one.
  const qualified = (key.split("|")[1] ?? "") !== "";
  return at === -1 ? BASE_ORDER.length * 2 : at + (qualified ? BASE_ORDER.length : 0);
}

/** The latest period that each of these lists of figures has a figure for. */
function latestCommon(lists: readonly PlacedFigure[][]): PlacedPeriod | null {
  const [first, ...rest] = lists;
  if (!first || rest.length === 0) return null;
  let best: PlacedPeriod | null = null;
  for (const { period } of first) {
    if (!period) continue;
    const shared = rest.every((list) =>
      list.some((p) => p.period?.first === period.first && p.period.last === period.last),
    );
    if (shared && (!best || comparePlaced(period, best) > 0)) best = period;
  }
  return best;
}

/**
 * Compares 2–4 partners (canonical names, see `resolvePartner`), on every measure at least one of
 * them has or on the measure asked for (`trade volume`, `exports`, `remittances`, `exports
 * target`). Rows that every partner has come first, then the usual trade measures in their usual
 * order, then the rest.
 */
export function comparePartners(
  source: FigureSource,
  partners: readonly string[],
  measure?: string | null,
): Comparison {
  const query = measure?.trim() ? readMeasureQuery(measure) : null;
  const rows = new Map<string, ComparisonRow>();
  for (const partner of partners) {
    for (const placed of partnerFigures(source, partner)) {
      if (query && !meaningMatches(placed.meaning, query)) continue;
      let row = rows.get(placed.meaning.key);
      if (!row) {
        row = {
          measure: placed.meaning.label,
          key: placed.meaning.key,
          nature: placed.meaning.nature,
          cells: new Map(partners.map((p) => [p, []])),
          commonPeriod: null,
          periodsDiffer: false,
        };
        rows.set(placed.meaning.key, row);
      }
      row.cells.get(partner)?.push(placed);
    }
  }
  for (const row of rows.values()) {
    const held = [...row.cells.values()].filter((list) => list.length > 0);
    row.commonPeriod = latestCommon(held);
    row.periodsDiffer = held.length > 1 && row.commonPeriod === null;
  }
  const holders = (row: ComparisonRow) =>
    [...row.cells.values()].filter((list) => list.length > 0).length;
  const ordered = [...rows.values()].sort(
    (a, b) =>
      holders(b) - holders(a) ||
      baseRank(a.key) - baseRank(b.key) ||
      NATURE_ORDER.indexOf(a.nature) - NATURE_ORDER.indexOf(b.nature) ||
      a.measure.localeCompare(b.measure),
  );
  return { partners: [...partners], measure: measure?.trim() || null, rows: ordered };
}

/**
 * The figures of a cell a short table shows: those of the row's common period when there is one,
 * else the latest the partner has (every figure of that period, so differing sources both show).
 */
export function cellHeadline(row: ComparisonRow, partner: string): PlacedFigure[] {
  const list = row.cells.get(partner) ?? [];
  if (list.length === 0) return [];
  const common = row.commonPeriod;
  if (common) {
    return list.filter((p) => p.period?.first === common.first && p.period.last === common.last);
  }
  const placed = list.filter((p) => p.period !== null);
  const latest = placed.at(-1)?.period;
  if (!latest) return list.slice(0, 1);
  return placed.filter((p) => p.period?.first === latest.first && p.period.last === latest.last);
}
