/**
 * Where a figure's period stands in time, so figures can be put in order and those of one period
 * put side by side however each article writes it (`FY2022-23`, `fiscal year 2023`, `2022-23`).
 *
 * A period is placed as the run of months it covers: Pakistan's fiscal year FY2022-23 is July
 * 2022 to June 2023, the calendar year 2023 January to December 2023, `July-January FY25` July
 * 2024 to January 2025. Periods are ordered by the middle of that run, so FY2022-23 comes after
 * 2022 and before 2023, and 2023 before FY2023-24; a quarter before the half-year it opens.
 */
import { monthsOf } from "../answer/match";
import { findPeriods, type PeriodMention, resolveRelative } from "../facts/language/periods";

export interface PlacedPeriod {
  /** First and last month covered, counted as `year * 12 + (month - 1)`. */
  first: number;
  last: number;
  /** A short name for the run, the same however the article wrote it: `FY2022-23`, `Q3 2024`. */
  label: string;
}

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const yearOf = (index: number) => Math.floor(index / 12);
const monthOf = (index: number) => (index % 12) + 1;
const monthName = (index: number) => MONTH_NAMES[index % 12] ?? "";

/** `FY2022-23` for the fiscal year ending in 2023. */
export const fiscalLabel = (endYear: number) =>
  `FY${endYear - 1}-${String(endYear % 100).padStart(2, "0")}`;

/**
 * The months of a period label in the order they run, starting from the month whose predecessor
 * is not named (`July-March` → 7…12, 1…3); empty for a whole year.
 */
function monthRun(label: string): number[] {
  const months = monthsOf(label);
  if (months.size === 0 || months.size === 12) return [];
  const start = [...months].find((m) => !months.has(m === 1 ? 12 : m - 1)) ?? Math.min(...months);
  const run: number[] = [];
  for (let i = 0, m = start; i < 12 && months.has(m); i++, m = (m % 12) + 1) run.push(m);
  // Months that are not one run ("January and March"): the span from the first to the last.
  if (run.length < months.size) {
    const sorted = [...months].sort((a, b) => a - b);
    const first = sorted[0] ?? 1;
    const last = sorted.at(-1) ?? 12;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
  return run;
}

/** `Q3 2024`, `H1 FY2024-25`, `Mar 2025`, `Jul–Jan FY2024-25`: a run of months named briefly. */
function partLabel(first: number, last: number, whole: string, yearStart: number): string {
  const length = last - first + 1;
  if (length === 1) return `${monthName(first)} ${yearOf(first)}`;
  const offset = (monthOf(first) - yearStart + 12) % 12;
  if (length === 3 && offset % 3 === 0) return `Q${offset / 3 + 1} ${whole}`;
  if (length === 6 && offset % 6 === 0) return `H${offset / 6 + 1} ${whole}`;
  return `${monthName(first)}–${monthName(last)} ${whole}`;
}

const THIRDS: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

/** A period mention placed in time; null when it names no year (`March 4`, `last year` undated). */
function place(p: PeriodMention): PlacedPeriod | null {
  if (p.kind === "relative") return null;
  if (p.kind === "fiscal" && p.fiscalYear !== null) {
    const end = p.fiscalYear;
    const run = monthRun(p.label);
    if (run.length === 0) {
      return { first: monthIndex(end - 1, 7), last: monthIndex(end, 6), label: fiscalLabel(end) };
    }
    // July to December belong to the year the fiscal year starts in.
    const at = (m: number) => monthIndex(m >= 7 ? end - 1 : end, m);
    const first = at(run[0] ?? 7);
    const last = at(run.at(-1) ?? 6);
    return { first, last, label: partLabel(first, last, fiscalLabel(end), 7) };
  }
  const years = p.years;
  const year = years.at(-1);
  if (year === undefined) return null;
  if (p.kind === "span" || years.length > 1) {
    const from = years[0] ?? year;
    return { first: monthIndex(from, 1), last: monthIndex(year, 12), label: `${from}–${year}` };
  }
  const third = /^(early|mid|late)\b/i.exec(p.label)?.[1]?.toLowerCase();
  if (third) {
    const [a, b] = THIRDS[third] ?? [1, 12];
    return { first: monthIndex(year, a), last: monthIndex(year, b), label: `${third} ${year}` };
  }
  const run = monthRun(p.label);
  if (run.length === 0) {
    if (p.kind === "date") return null;
    return { first: monthIndex(year, 1), last: monthIndex(year, 12), label: String(year) };
  }
  const startMonth = run[0] ?? 1;
  const endMonth = run.at(-1) ?? 12;
  // A run across the turn of the year ("November-February 2024") ends in the year named.
  const first = monthIndex(startMonth > endMonth ? year - 1 : year, startMonth);
  const last = monthIndex(year, endMonth);
  return { first, last, label: partLabel(first, last, String(year), 1) };
}

/** Words that place a period a year before another the same sentence names. */
const YEAR_BEFORE =
  /^(?:(?:the\s+)?(?:same|corresponding|comparable)\s+period\s+(?:of\s+)?(?:the\s+)?(?:last|previous|preceding|prior)\s+(?:fiscal\s+)?year|(?:the\s+)?(?:same|corresponding|comparable)\s+period\s+a\s+year\s+(?:ago|earlier)|a\s+year\s+(?:earlier|before|ago)|(?:the\s+)?(?:previous|preceding|prior)\s+(?:fiscal\s+)?year|the\s+year\s+before)$/i;

const shiftYear = (p: PlacedPeriod, by: number): PlacedPeriod => {
  const first = p.first + 12 * by;
  const last = p.last + 12 * by;
  const fiscal = /^(.*?)FY(\d{4})-\d\d$/.exec(p.label);
  if (fiscal) {
    const end = Number(fiscal[2]) + 1 + by;
    return { first, last, label: `${fiscal[1] ?? ""}${fiscalLabel(end)}` };
  }
  return { first, last, label: p.label.replace(/\d{4}/g, (y) => String(Number(y) + by)) };
};

export interface PeriodContext {
  /** The article's date (`YYYY-MM-DD`), for `last year` and `this fiscal year`. */
  published: string | null;
  /** The sentence stating the figure, for `a year earlier` and `the same period last year`. */
  sentence?: string;
}

/**
 * Places a period as written beside a figure. A period a year before another one the sentence
 * names ("$512 million during July-January FY25 from $727 million in the same period last
 * year") is that one a year earlier; `last year`, `the current fiscal year` are counted from the
 * article's date. Null when it cannot be placed.
 */
export function placePeriod(written: string | null, context: PeriodContext): PlacedPeriod | null {
  if (!written) return null;
  const mention = findPeriods(written)[0];
  if (!mention) return null;
  if (mention.kind !== "relative") return place(mention);
  const label = mention.label.replace(/\s+/g, " ").trim();
  if (YEAR_BEFORE.test(label) || YEAR_BEFORE.test(written.trim())) {
    const anchor = anchorIn(context.sentence, written);
    return anchor ? shiftYear(anchor, -1) : null;
  }
  const resolved = resolveRelative(mention, context.published);
  return resolved ? place(resolved) : null;
}

/** The period a relative one is counted from: the closest placed period before it in the sentence. */
function anchorIn(sentence: string | undefined, relative: string): PlacedPeriod | null {
  if (!sentence) return null;
  const at = sentence.indexOf(relative);
  const placed = findPeriods(sentence)
    .filter((p) => p.kind !== "relative")
    .map((p) => ({ start: p.start, placed: place(p) }))
    .filter((p): p is { start: number; placed: PlacedPeriod } => p.placed !== null);
  const before = placed.filter((p) => at === -1 || p.start < at);
  return (before.at(-1) ?? placed[0])?.placed ?? null;
}

/** Earlier periods first: by the middle of their runs, then the shorter first. */
export function comparePlaced(a: PlacedPeriod, b: PlacedPeriod): number {
  return a.first + a.last - (b.first + b.last) || a.last - b.last || b.first - a.first;
}

export const samePlace = (a: PlacedPeriod, b: PlacedPeriod) =>
  a.first === b.first && a.last === b.last;
