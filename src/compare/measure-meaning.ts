/**
 * What a figure measures, reduced to its meaning so that figures worded differently line up and
 * figures worded alike but meaning different things do not:
 *
 * - `trade volume`, `bilateral trade`, `two-way trade`, `total trade` and `trade` with a partner
 *   are one measure, bilateral trade; `trade deficit` and `regional trade` are others;
 * - exports and imports are Pakistan's, read from who sells to whom in the figure's clause:
 *   "Dutch exports to Pakistan" are Pakistan's imports, "EU imports from Pakistan" its exports;
 * - what is traded stays part of the measure (`sesame exports` are not `exports`);
 * - a target or a projection is never a result, a growth rate never a level, a share never an
 *   amount: each is a measure of its own.
 */
import { clauseOf } from "../answer/candidates/clause";
import { isChange, isGoal } from "../answer/candidates/figures";
import { tradeSide } from "../answer/trade-side";
import { findCountries } from "../facts/language/countries";
import { contentTerms } from "../text/terms";
import type { Figure } from "../types";

/** A result, a change (`rose 12%`), a share (`29.7% of exports`), a target, or a projection. */
export type MeasureNature = "level" | "change" | "share" | "target" | "projection";

export interface MeasureMeaning {
  /** Equal for figures that measure the same thing: base, what is traded, nature. */
  key: string;
  /** `bilateral trade`, `exports`, `imports`, `trade deficit`, `investment`, …, or the measure's own words. */
  base: string;
  /** What is traded or counted, as written (`sesame`, `IT and IT-enabled services`); may be empty. */
  qualifier: string;
  nature: MeasureNature;
  /** How a person reads the measure: `bilateral trade`, `sesame exports`, `exports target`. */
  label: string;
}

/** The measures trade news reports most, in the order a comparison lists them. */
export const BASE_ORDER = [
  "bilateral trade",
  "exports",
  "imports",
  "trade deficit",
  "trade surplus",
  "trade balance",
  "investment",
  "foreign direct investment",
  "remittances",
] as const;

/** Words that name a base measure, each with the base it names. */
const BASE_WORDS: [RegExp, string][] = [
  [/^(?:deficits?|gaps?|shortfalls?)$/, "trade deficit"],
  [/^surplus(?:es)?$/, "trade surplus"],
  [/^balances?$/, "trade balance"],
  [/^(?:remittances?|remit|remitted)$/, "remittances"],
  [/^fdi$/, "foreign direct investment"],
  [/^(?:investments?|invest|invested|investing)$/, "investment"],
  [/^(?:exports?|exported|exporting|shipments?|outbound)$/, "exports"],
  [/^(?:imports?|imported|importing|inbound)$/, "imports"],
  [/^(?:trade|trading|commerce|turnover)$/, "bilateral trade"],
];

/**
 * Words that say how a measure is counted or how big it is, not what it is: `total trade` is
 * trade, `annual exports` are exports, `the import bill` is imports.
 */
const GENERIC = new Set(
  `bilateral two-way annual yearly volume value level amount figure worth goods
  merchandise official recorded net bill new current latest country countries nation nations side
  sides pakistan pakistani`.split(/\s+/),
);

/** `total`, `overall`: the whole of a trade between two, but for one side's flows, from everywhere. */
const TOTAL = /^(?:total|overall)$/;

/** Words that make a measure a goal: `target of raising bilateral trade`, `goal of raising exports`. */
const GOAL_WORD =
  /^(?:targets?|goals?|aims?|raising|taking|boosting|increasing|doubling|tripling|enhancing)$/;

/** Words of `foreign direct investment`, taken as the one term `fdi`. */
const FDI_PHRASE = /\bforeign\s+direct\s+investments?\b/gi;

interface ReadMeasure {
  base: string | null;
  /** Stemmed words beyond the base and generic ones, sorted: equal for `palm oil imports` and `imports of palm oil`. */
  terms: string[];
  /** Those words as written, in order. */
  words: string[];
  goal: boolean;
}

/** Reads a measure's words: its base, what else it names, whether it speaks of a goal. */
function readMeasure(text: string): ReadMeasure {
  let cleaned = text.replace(FDI_PHRASE, "FDI");
  // Whose exports they are is read from the clause, not kept as part of the measure.
  for (const c of findCountries(cleaned).reverse()) {
    cleaned = `${cleaned.slice(0, c.start)} ${cleaned.slice(c.end)}`;
  }
  let base: string | null = null;
  let goal = false;
  const terms: string[] = [];
  const written: string[] = [];
  const totals: string[] = [];
  for (const raw of cleaned.split(/[\s/]+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (word === "") continue;
    const lower = word.toLowerCase().replace(/['’]s$/, "");
    const named = BASE_WORDS.find(([re]) => re.test(lower))?.[1];
    if (named) {
      // The first base word decides, except that a balance word wins over `trade`.
      if (base === null || (base === "bilateral trade" && named.startsWith("trade "))) base = named;
      continue;
    }
    if (GOAL_WORD.test(lower)) {
      goal = true;
      continue;
    }
    if (GENERIC.has(lower)) continue;
    if (TOTAL.test(lower)) {
      totals.push(word);
      written.push(word);
      continue;
    }
    // `and` inside what is traded ("textile and clothing") stays in the words shown.
    if (lower === "and" && written.length > 0) {
      written.push(word);
      continue;
    }
    // Acronyms spelled like function words (`IT`) are kept by contentTerms.
    const stems = contentTerms(word);
    if (stems.length === 0) continue;
    terms.push(...stems);
    written.push(word);
  }
  // `Total trade with Central Asia` is the trade between the two; `total FDI` beside China's
  // share of it is Pakistan's from everywhere, a measure of its own.
  if (totals.length > 0 && base !== "bilateral trade") terms.push("total");
  const shown = base === "bilateral trade" ? written.filter((w) => !totals.includes(w)) : written;
  while (shown.at(-1)?.toLowerCase() === "and") shown.pop();
  return { base, terms: [...new Set(terms)].sort(), words: shown, goal };
}

/** A modal before the value in its clause: a projection, not a result ("could raise … to $5 billion"). */
const MODAL =
  /\b(?:could|would|might|may|can|expected|projected|forecast|estimated to|likely to|set to)\b/i;

/** Words before a value that look like a change but are not one ("made up $318 million of"). */
const NOT_A_CHANGE = /\b(?:made|make|makes|making|took|take|takes|set|sets)\s+up\s+$/i;

function natureOf(f: Figure, goalWords: boolean): MeasureNature {
  const clause = clauseOf(f);
  const beforeValue = clause.slice(0, Math.max(0, clause.indexOf(f.value)));
  if (isGoal(f) || goalWords) return "target";
  if (MODAL.test(beforeValue)) return "projection";
  const change = isChange(f) && !NOT_A_CHANGE.test(beforeValue);
  if (f.kind === "percent") return change ? "change" : "share";
  return change ? "change" : "level";
}

/** A number written before the value, with its scale: where the words about another figure end. */
const EARLIER_NUMBER =
  /(?:[$€£¥]|Rs\.?\s?)?\d[\d,.]*(?:\s*(?:%|percent|per\s+cent|pc|million|billion|trillion|bn|mn|m|crore)\b)?/gi;

/**
 * Pakistan's side of the trade a figure speaks of: from the words after any earlier number of
 * its clause ("imports from Morocco accounting for $604 million and exports to Morocco only $86
 * million"), else the whole clause, else its measure's words.
 */
function sideOf(f: Figure, base: string): string {
  const clause = clauseOf(f);
  const at = clause.indexOf(f.value);
  const before = at < 0 ? clause : clause.slice(0, at);
  let from = 0;
  for (const m of before.matchAll(EARLIER_NUMBER)) from = (m.index ?? 0) + m[0].length;
  const own = from > 0 ? clause.slice(from) : null;
  const side =
    (own ? tradeSide(own) : null) ?? tradeSide(clause) ?? (f.measure ? tradeSide(f.measure) : null);
  return side ?? base;
}

function labelOf(base: string, words: readonly string[], nature: MeasureNature): string {
  const qualifier = words.join(" ");
  let label: string;
  if (base === "bilateral trade" && qualifier) label = `${qualifier} trade`;
  else label = qualifier ? `${qualifier} ${base}` : base;
  switch (nature) {
    case "target":
      return `${label} target`;
    case "projection":
      return `${label} (projection)`;
    case "change":
      return `change in ${label}`;
    case "share":
      return `${label} (share, %)`;
    default:
      return label;
  }
}

const MEANINGS = new WeakMap<Figure, MeasureMeaning | null>();

/**
 * The meaning of what a figure measures; null when the article does not say what it measures
 * (no measure was read) or the figure is a length of time.
 */
export function meaningOf(f: Figure): MeasureMeaning | null {
  const known = MEANINGS.get(f);
  if (known !== undefined) return known;
  let meaning: MeasureMeaning | null = null;
  if (f.measure && f.kind !== "duration") {
    const read = readMeasure(f.measure);
    let base = read.base;
    if (base === "exports" || base === "imports") base = sideOf(f, base);
    const nature = natureOf(f, read.goal);
    if (base || read.terms.length > 0) {
      const baseName = base ?? read.words.join(" ");
      const qualifier = base ? read.words.join(" ") : "";
      const terms = base ? read.terms : [];
      meaning = {
        key: `${baseName}|${terms.join(",")}|${nature}`,
        base: baseName,
        qualifier,
        nature,
        label: labelOf(baseName, base ? read.words : [], nature),
      };
      if (!base) meaning.key = `${read.terms.join(",")}||${nature}`;
    }
  }
  MEANINGS.set(f, meaning);
  return meaning;
}

/** What a person asks for with `--measure` or `measure:`: a base, what is traded, maybe a nature. */
export interface MeasureQuery {
  text: string;
  base: string | null;
  terms: string[];
  /** Null: any nature (a comparison shows results, targets and changes alike). */
  nature: MeasureNature | null;
}

const NATURE_WORDS: [RegExp, MeasureNature][] = [
  [/\b(?:targets?|goals?|aims?)\b/i, "target"],
  [/\b(?:projections?|projected|forecasts?|estimates?)\b/i, "projection"],
  [/\b(?:growth|change|increase|decline|rise)\b/i, "change"],
  [/\b(?:share|percent|percentage|%)/i, "share"],
];

export function readMeasureQuery(text: string): MeasureQuery {
  const nature = NATURE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
  // A query typed in lower case still means the IT sector ("it exports").
  const typed = text.replace(
    /\bit(?=[\s-]+(?:and|enabled|exports?|services|sector|industry)\b)/gi,
    "IT",
  );
  const stripped = NATURE_WORDS.reduce((t, [re]) => t.replace(re, " "), typed);
  const read = readMeasure(stripped);
  return {
    text,
    base: read.base,
    terms: read.terms,
    nature: nature ?? (read.goal ? "target" : null),
  };
}

/**
 * Whether a measure is the one asked for: the same base and the same traded goods (`exports` is
 * not `sesame exports`), of the nature asked for if one is named. A query naming no base measure
 * matches by the measure's own words.
 */
export function meaningMatches(meaning: MeasureMeaning, query: MeasureQuery): boolean {
  if (query.nature !== null && meaning.nature !== query.nature) return false;
  if (query.base !== null) {
    return meaning.base === query.base && meaning.key.split("|")[1] === query.terms.join(",");
  }
  if (query.terms.length === 0) return false;
  const own = new Set(contentTerms(meaning.label));
  return query.terms.every((t) => own.has(t));
}
