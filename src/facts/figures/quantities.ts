/**
 * Finds the figures a sentence states — money, percentages, counts and durations — as spans with
 * their amount, unit and qualifier, and nothing else: years, dates, ordinals, phone numbers and
 * numbers inside names (`G20`, `4G`, `Expo 2025`, `No. 1`) are not figures. What a figure
 * measures, when and who reported it are worked out elsewhere from the surrounding words.
 *
 * Each numeral is found with one linear regex pass and then read outwards with anchored regexes
 * on short slices, so the cost is linear in the sentence length.
 */

import type { FigureKind } from "../../types";
import { canonicalCountry } from "../language/countries";
import {
  applyScale,
  DIGITS_SOURCE,
  isVagueNumeral,
  isWordNumeral,
  NUMBER_WORDS_SOURCE,
  parseNumeral,
  SCALE_LETTER_SOURCE,
  SCALE_WORD_SOURCE,
  scaleExponent,
} from "../language/numbers";
import {
  endsNounPhrase,
  isPluralNoun,
  MONTHS,
  nounPhraseAfter,
  tokenize,
} from "../language/phrases";
import {
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  CURRENCY_MARK_SOURCE,
  minorUnitExponent,
  prefixCurrency,
  suffixCurrency,
} from "./currencies";

export interface Quantity {
  kind: FigureKind;
  /** Span of the figure as written, relative to the text searched. */
  start: number;
  end: number;
  value: string;
  amount: number | null;
  amountHigh: number | null;
  /**
   * ISO currency code; `percent`, `percentage points` or `basis points`; `years`, `months`,
   * `weeks`, `days`, `decades` or `hours`; the counted noun (`companies`). Null for a count whose
   * noun is not beside it (`subscribers exceeded 127 million`): the caller takes it from the
   * measure.
   */
  unit: string | null;
  /**
   * `about`, `more than`, `up to`, … as written before the figure. A verb that says the same
   * (`exceeded`, `surpassed`, `crossed`, `topped`) gives `more than`, and stays part of the
   * sentence's verb (its `qualifierStart` is the figure's start).
   */
  qualifier: string | null;
  /** Where the written qualifier starts; the figure's start when there is none. */
  qualifierStart: number;
  /** For a count: the counted noun phrase after the number (`Japanese companies`). */
  noun: { text: string; start: number; end: number } | null;
}

const DIGITS = `(?<![\\p{N}.,])(?:${DIGITS_SOURCE})(?![\\p{N}]|[.,]\\d)`;
const WORDS = `(?<![\\p{L}\\p{N}'’-])(?:${NUMBER_WORDS_SOURCE})(?![\\p{L}\\p{N}'’])`;
const NUMERAL = new RegExp(`${DIGITS}|${WORDS}`, "giu");

const SCALE_AFTER = new RegExp(
  `^(?:[ \\u00a0](${SCALE_WORD_SOURCE})|(${SCALE_WORD_SOURCE}|${SCALE_LETTER_SOURCE}))(?![\\p{L}])`,
  "iu",
);

const RANGE_AFTER = new RegExp(
  `^(?:[ \\u00a0]?[-–—][ \\u00a0]?|[ \\u00a0](to|and)[ \\u00a0])(?:(${CURRENCY_MARK_SOURCE})[ \\u00a0]?)?(${DIGITS}|${WORDS})`,
  "iu",
);

const PERCENT_AFTER =
  /^(?:[ \u00a0]?%(?:[ \u00a0](points?))?|[ \u00a0]?(pc|bps)(?![\p{L}])|[ \u00a0](percentage[ \u00a0]points?|percent|per[ \u00a0]cent|basis[ \u00a0]points?)(?![\p{L}]))/iu;

/**
 * Physical measures after a number, spaced, glued or bracketed: `3000 MW`, `1840km`, `3.5 mtpa`,
 * `77 (mtpa)`, `132 million tonnes`.
 */
const MEASURE_AFTER =
  /^(?:[ \u00a0]?\(?)(MW|GW|kW|megawatts?|gigawatts?|km|kms|kilomet(?:er|re)s?|miles?|metric[ \u00a0]tonnes?|metric[ \u00a0]tons?|tonnes?|tons?|mtpa|mmtpa|MMBtu|mmcfd|bcf|bcm|cubic[ \u00a0]met(?:re|er)s|cubic[ \u00a0]feet|barrels[ \u00a0]per[ \u00a0]day|barrels?|bpd|litres?|liters?|hectares?|acres?|kg|kilograms?)\)?(?![\p{L}])/iu;

/** A count written as a compound adjective: `an 80-member team`, `a 500-strong delegation`. */
const COMPOUND_COUNT_AFTER = /^-(member|strong|seat|bed)(?![\p{L}])/iu;

const DURATION_AFTER =
  /^(?:[ \u00a0]|-)(years?|yrs?|months?|weeks?|days?|decades?|hours?)(?![\p{L}])/iu;

/** `30-year-old`, `ten years old`: an age, not a duration. */
const AGE_AFTER = /^[ \u00a0-]old(?![\p{L}])/iu;

/** A duration after these is a period (`over the past five years`), not a figure. */
const PERIOD_BEFORE_DURATION =
  /(?<![\p{L}])(?:past|last|previous|next|coming|recent|first|final|initial|(?:during|over|in|through|throughout|across)[ \u00a0]the)[ \u00a0]$/iu;

const QUALIFIERS = [
  "about",
  "around",
  "approximately",
  "approx.",
  "nearly",
  "almost",
  "over",
  "more than",
  "above",
  "exceeding",
  "in excess of",
  "less than",
  "fewer than",
  "under",
  "below",
  "up to",
  "at least",
  "at most",
  "roughly",
  "some",
  "an estimated",
  "estimated",
  "close to",
  "just over",
  "just under",
  "just above",
  "just below",
  "well over",
  "well above",
  "upwards of",
  "upward of",
  "as much as",
  "as many as",
  "as high as",
  "as little as",
  "as few as",
  "no less than",
  "no more than",
  "not less than",
  "not more than",
  "a little over",
  "slightly over",
  "slightly more than",
  "slightly less than",
  "circa",
].sort((a, b) => b.length - a.length);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const QUALIFIER_BEFORE = new RegExp(
  `(?<![\\p{L}])(${QUALIFIERS.map((q) => escapeRegExp(q).replace(/ /g, "[ \\u00a0]")).join("|")})[ \\u00a0]$`,
  "iu",
);

/** Verbs whose particle `over` is no qualifier: `rolled over $2 billion in deposits`. */
const OVER_AS_PARTICLE =
  /(?<![\p{L}])(?:roll|rolls|rolled|rolling|hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|carry|carries|carried|carrying|sign|signs|signed|signing|win|wins|won|fight|fought|argue|argued|pass|passes|passed|passing)[ \u00a0]+$/iu;

/** Verbs that put a figure as a lower bound (`subscribers exceeded 127 million`). */
const EXCEEDED_BEFORE =
  /(?<![\p{L}])(?:exceeded|exceeds|exceed|surpassed|surpasses|surpass|crossed|crosses|topped|tops|passed)[ \u00a0](?:the[ \u00a0])?$/iu;

const MONTH_SOURCE = [...MONTHS].join("|");
const MONTH_BEFORE = new RegExp(`(?<![\\p{L}])(?:${MONTH_SOURCE})\\.?[ \\u00a0]$`, "iu");
const MONTH_AFTER = new RegExp(
  `^(?:st|nd|rd|th)?[ \\u00a0](?:of[ \\u00a0])?(?:${MONTH_SOURCE})(?![\\p{L}])`,
  "iu",
);

/** Words that make the number after them a label (`No. 1`, `Article 370`, `Phase 2`). */
const LABEL_BEFORE =
  /(?<![\p{L}])(?:no|nos|number|article|art|section|sec|clause|rule|chapter|para|paragraph|item|table|figure|fig|page|vol|volume|phase|schedule|annex|annexure|level|grade|room|block|sector|street|road|plot|house|flat|floor|gate|terminal|platform|version|round|expo|vision|agenda|series|model|class|tier|batch|act|ordinance|resolution|track|lane|cop|g|group)\.?[ \u00a0]?$|#[ \u00a0]?$/iu;

const TIME_AFTER = /^(?::\d|[ \u00a0]?(?:a\.m\.|p\.m\.|am|pm|hrs|GMT|PST)(?![\p{L}]))/iu;

/** Runs of digit groups with spaces, dashes or brackets and nine digits or more: phone numbers. */
const PHONE = /\+?\(?\d{1,5}\)?(?:[ -]\(?\d{1,8}\)?){1,5}/g;

/** Articles and possessives before a number word: `the two countries` points back, not counts. */
const ANAPHORIC_BEFORE =
  /(?<![\p{L}])(?:the|these|those|both|all|its|their|our|his|her)[ \u00a0]$/iu;

/** Nouns that follow a number without being counted things. */
const NOT_COUNTED = new Set([
  "times",
  "fold",
  "percent",
  "per",
  "points",
  "mark",
  "marks",
  "levels",
  "goals",
]);

function phoneSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, "").length;
    if (digits >= 9 && /[ ()-]/.test(m[0])) {
      const start = m.index ?? 0;
      spans.push([start, start + m[0].length]);
    }
  }
  return spans;
}

const isYearLike = (numeral: string) => /^(?:1[89]\d\d|20\d\d|2100)$/.test(numeral);

const DURATION_UNITS: Record<string, string> = {
  year: "years",
  yr: "years",
  month: "months",
  week: "weeks",
  day: "days",
  decade: "decades",
  hour: "hours",
};

function durationUnit(word: string): string {
  const singular = word.toLowerCase().replace(/s$/, "");
  return DURATION_UNITS[singular] ?? `${singular}s`;
}

function percentUnit(match: RegExpExecArray): string {
  const word = (match[2] ?? match[3] ?? "").toLowerCase();
  if (match[1] || word.startsWith("percentage")) return "percentage points";
  if (word.startsWith("basis") || word === "bps") return "basis points";
  return "percent";
}

interface Numeral {
  text: string;
  start: number;
  end: number;
}

function numeralsOf(text: string): Numeral[] {
  const out: Numeral[] = [];
  // exec on NUMERAL itself: matchAll would copy it (a large pattern) for every sentence.
  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(text); m !== null; m = NUMERAL.exec(text)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

/**
 * Whether the context makes a numeral in digits a name, code, date, time, label or phone number
 * rather than a figure: `G20`, `FY23`, `COVID-19`, `0300-…`, `10:30`, `24/7`, `February 12`,
 * `No. 1`, `Article 370`. A currency glued before it (`Rs1,200`) is no such letter.
 */
function isNotAFigure(text: string, n: Numeral, currency: boolean, glued: boolean): boolean {
  const before = text.slice(Math.max(0, n.start - 14), n.start);
  const after = text.slice(n.end, n.end + 40);
  const prev = text[n.start - 1] ?? "";
  if (/\p{L}/u.test(prev) && !(currency && glued)) return true;
  if (prev === "+" || /(?:\d|\p{L})[-–/]$/u.test(before)) return true;
  if (/^0\d/.test(n.text)) return true;
  if (TIME_AFTER.test(after) || /^[/:]\d/.test(after)) return true;
  if (currency) return false;
  return MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || LABEL_BEFORE.test(before);
}

/**
 * A scale after the numeral at `pos`: a word (`billion`, `bn`, `crore`), or a letter glued to a
 * money figure (`$846m`, `$1.3B`); number words take only a spaced word (`two billion`).
 */
function readScale(
  text: string,
  pos: number,
  currency: boolean,
  words: boolean,
): { exponent: number; end: number } {
  const scale = SCALE_AFTER.exec(text.slice(pos, pos + 16));
  const word = scale?.[1] ?? scale?.[2] ?? "";
  if (!scale || (word.length === 1 && !currency) || (words && scale[2])) {
    return { exponent: 0, end: pos };
  }
  return { exponent: scaleExponent(word) ?? 0, end: pos + scale[0].length };
}

interface Range {
  low: number;
  high: number;
  exponent: number;
  /** Where the range starts (before `between`) and ends. */
  start: number;
  end: number;
}

/**
 * A range whose low end is read up to `pos`: `6–7%`, `$5-6 billion` (one scale for both ends),
 * `6 to 7 per cent`, `between 6 and 7 percent`. Not `from 5 to 7` or `by 5 to 7`, which are two
 * figures, and only rising (`2022-23` is no range of amounts).
 */
function readRange(
  text: string,
  start: number,
  pos: number,
  value: number,
  exponent: number,
  currency: string | null,
): Range | null {
  const range = RANGE_AFTER.exec(text.slice(pos, pos + 40));
  if (!range) return null;
  const connective = (range[1] ?? "").toLowerCase();
  const between = /(?<![\p{L}])between[ \u00a0]$/iu.exec(text.slice(Math.max(0, start - 9), start));
  const fromOrBy = /(?<![\p{L}])(?:from|by)[ \u00a0]$/iu.test(
    text.slice(Math.max(0, start - 6), start),
  );
  if (connective === "and" ? between === null : connective === "to" && fromOrBy) return null;
  const secondCurrency = range[2] ? prefixCurrency(range[2]) : null;
  if (secondCurrency && secondCurrency !== currency) return null;
  const highText = range[3] ?? "";
  const highValue = parseNumeral(highText);
  if (highValue === null) return null;
  const scale = readScale(text, pos + range[0].length, currency !== null, isWordNumeral(highText));
  if (!isWordNumeral(highText) && /^\p{L}/u.test(text.slice(scale.end, scale.end + 1))) return null;
  const lowExponent = exponent === 0 ? scale.exponent : exponent;
  const low = applyScale(value, lowExponent);
  const high = applyScale(highValue, scale.exponent === 0 ? lowExponent : scale.exponent);
  if (high <= low) return null;
  return {
    low,
    high,
    exponent: lowExponent,
    start: between ? start - between[0].length : start,
    end: scale.end,
  };
}

/**
 * The qualifier written before the figure starting at `start` (`about`, `more than`, `up to`), or
 * `more than` for a verb that says so (`exceeded`), which stays part of the sentence's verb.
 */
function readQualifier(
  text: string,
  start: number,
): { qualifier: string | null; qualifierStart: number } {
  const written = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  const particle =
    written?.[1]?.toLowerCase() === "over" &&
    OVER_AS_PARTICLE.test(
      text.slice(Math.max(0, start - written[0].length - 12), start - written[0].length),
    );
  if (written?.[1] && !particle) {
    return {
      qualifier: written[1].replace(/\s+/g, " ").toLowerCase(),
      qualifierStart: start - written[0].length,
    };
  }
  const exceeded = EXCEEDED_BEFORE.test(text.slice(Math.max(0, start - 16), start));
  return { qualifier: exceeded ? "more than" : null, qualifierStart: start };
}

/** The unit of a physical measure, as one spelling: `megawatts` → `MW`, `tons` → `tonnes`. */
function measureUnit(written: string): string {
  const w = written.toLowerCase().replace(/[\s\u00a0]+/g, " ");
  if (/^(?:mw|megawatts?)$/.test(w)) return "MW";
  if (/^(?:gw|gigawatts?)$/.test(w)) return "GW";
  if (w === "kw") return "kW";
  if (/^(?:km|kms|kilomet(?:er|re)s?)$/.test(w)) return "km";
  if (/tonnes?$|tons?$/.test(w)) return "tonnes";
  if (/^m+tpa$/.test(w)) return "mtpa";
  if (/^(?:barrels per day|bpd)$/.test(w)) return "barrels per day";
  if (/^barrels?$/.test(w)) return "barrels";
  if (/^lit(?:re|er)s?$/.test(w)) return "litres";
  if (/^(?:kg|kilograms?)$/.test(w)) return "kg";
  return w;
}

/** Reads the figure whose numeral is `n`, or null when the numeral is no figure. */
function readQuantity(text: string, n: Numeral, phones: [number, number][]): Quantity | null {
  const words = isWordNumeral(n.text);
  const value = parseNumeral(n.text);
  const vague = isVagueNumeral(n.text);
  const after = (from: number, length = 40) => text.slice(from, from + length);

  // A currency mark right before the number.
  let start = n.start;
  let currency: string | null = null;
  const mark = words ? null : CURRENCY_BEFORE.exec(text.slice(Math.max(0, n.start - 12), n.start));
  if (mark?.[1]) {
    currency = prefixCurrency(mark[1]);
    start = n.start - mark[0].length;
  }
  if (!words) {
    if (isNotAFigure(text, n, currency !== null, mark !== null && mark[0] === mark[1])) return null;
    if (phones.some(([s, e]) => n.start >= s && n.start < e)) return null;
  }

  const scale = readScale(text, n.end, currency !== null, words);
  let pos = scale.end;
  let exponent = scale.exponent;
  // Anything else glued to digits makes a code or ordinal (`4G`, `250th`, `3D`), but `3pc` is 3%
  // and `3000MW` a measure.
  if (
    !words &&
    /^\p{L}/u.test(after(pos, 1)) &&
    !PERCENT_AFTER.test(after(pos, 4)) &&
    !MEASURE_AFTER.test(after(pos, 24))
  ) {
    return null;
  }

  let amount = value === null ? null : applyScale(value, exponent);
  let amountHigh: number | null = null;
  const range = value === null ? null : readRange(text, start, pos, value, exponent, currency);
  if (range) {
    amount = range.low;
    amountHigh = range.high;
    exponent = range.exponent;
    start = range.start;
    pos = range.end;
  }

  let kind: FigureKind | null = null;
  let unit: string | null = currency;
  let noun: Quantity["noun"] = null;

  const percent = currency ? null : PERCENT_AFTER.exec(after(pos, 24));
  if (percent) {
    kind = "percent";
    unit = percentUnit(percent);
    pos += percent[0].length;
  }

  if (!kind && vague) {
    // `dozens of companies`, `billions of dollars`: a size without a number.
    const of = /^[ \u00a0]of(?=[ \u00a0])/i.exec(after(pos, 4));
    if (!of) return null;
    pos += of[0].length;
  }

  if (!kind) {
    const named = CURRENCY_AFTER.exec(after(pos, 32));
    const code = named?.[2] ? suffixCurrency(named[1], named[2]) : null;
    if (named && code) {
      if (!currency) currency = code;
      unit = currency;
      pos += named[0].length;
      // `9 US cents`: amounts are in the currency's main unit.
      const minor = minorUnitExponent(named[2] ?? "");
      if (minor !== 0) {
        amount = amount === null ? null : applyScale(amount, minor);
        amountHigh = amountHigh === null ? null : applyScale(amountHigh, minor);
      }
    }
    if (currency) kind = "money";
  }

  if (!kind && !currency) {
    const measure = MEASURE_AFTER.exec(after(pos, 24));
    if (measure?.[1]) {
      kind = "quantity";
      unit = measureUnit(measure[1]);
      pos += measure[0].length;
    } else {
      const compound = COMPOUND_COUNT_AFTER.exec(after(pos, 10));
      if (compound?.[1] && !words) {
        kind = "count";
        unit = compound[1].toLowerCase() === "member" ? "members" : compound[1].toLowerCase();
        pos += compound[0].length;
      }
    }
  }

  if (!kind) {
    const duration = DURATION_AFTER.exec(after(pos, 12));
    if (duration?.[1]) {
      if (AGE_AFTER.test(after(pos + duration[0].length, 6))) return null;
      if (PERIOD_BEFORE_DURATION.test(text.slice(Math.max(0, start - 20), start))) return null;
      kind = "duration";
      unit = durationUnit(duration[1]);
      pos += duration[0].length;
    }
  }

  if (!kind) {
    if (!words && isYearLike(n.text) && exponent === 0) return null;
    // `one` is too often not a count (`one of the`, `one area`).
    if (words && n.text.toLowerCase() === "one" && exponent === 0) return null;
    if (words && ANAPHORIC_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return null;
    const phrase = countedNoun(text, pos, amount);
    if (phrase) {
      kind = "count";
      noun = phrase;
      const head = phrase.head;
      unit = nounUnit(head);
      pos = phrase.end;
    } else if (exponent > 0 && !vague) {
      // `subscribers exceeded 127 million`: a count whose noun is the measure.
      kind = "count";
      unit = null;
    } else {
      return null;
    }
  }

  const { qualifier, qualifierStart } = readQualifier(text, start);
  return {
    kind,
    start,
    end: pos,
    value: text.slice(start, pos),
    amount: vague ? null : amount,
    amountHigh,
    unit,
    qualifier,
    qualifierStart,
    noun: noun && { text: noun.text, start: noun.start, end: noun.end },
  };
}

/**
 * A counted noun as a unit: `Companies` in headline case is `companies`, but a people's name
 * (`Pakistanis`) and an acronym (`MoUs`) stay as written.
 */
export function nounUnit(head: string): string {
  const titleCase = /^\p{Lu}\p{Ll}+$/u.test(head);
  return titleCase && canonicalCountry(head) === undefined ? head.toLowerCase() : head;
}

interface CountedNoun {
  text: string;
  start: number;
  end: number;
  head: string;
}

/** The noun phrase a count counts, starting after one space at `pos`, ending on a plural noun. */
function countedNoun(text: string, pos: number, amount: number | null): CountedNoun | null {
  if (!/^[ \u00a0]\p{L}/u.test(text.slice(pos, pos + 2))) return null;
  const slice = text.slice(pos, pos + 160);
  const tokens = tokenize(slice);
  const phrase = nounPhraseAfter(slice, tokens, 0);
  // End the phrase on its last plural noun: `70 Japanese companies`.
  let last = phrase.length - 1;
  const singular = amount === 1;
  while (last >= 0) {
    const t = phrase[last];
    if (t && (singular || isPluralNoun(t.text)) && !/^(?:and|or|&)$/i.test(t.text)) break;
    last--;
  }
  const first = phrase[0];
  const head = phrase[last];
  if (!first || !head || NOT_COUNTED.has(head.text.toLowerCase())) return null;
  const end = last === phrase.length - 1 ? head.end + ofComplement(slice, head.end) : head.end;
  return {
    text: slice.slice(first.start, end),
    start: pos + first.start,
    end: pos + end,
    head: head.text,
  };
}

/**
 * `of` and one singular noun that completes a counted noun (`memoranda of understanding`,
 * `letters of intent`, `members of parliament`): its length, or 0. A determiner, a place, a plural
 * or a longer phrase after `of` is a complement of its own (`of the forum`, `of Pakistan`).
 */
function ofComplement(slice: string, at: number): number {
  const m =
    /^[ \u00a0]of[ \u00a0](\p{L}[\p{L}-]*)(?![\p{L}\p{N}'’-])(?:[ \u00a0]+(\p{L}[\p{L}-]*))?/u.exec(
      slice.slice(at, at + 60),
    );
  const word = m?.[1];
  if (!m || !word) return 0;
  const lower = word.toLowerCase();
  if (endsNounPhrase(lower) || isPluralNoun(word) || canonicalCountry(word) !== undefined) return 0;
  // The word after must not go on with the phrase (`of trade agreements`).
  const next = m[2]?.toLowerCase();
  if (next !== undefined && !endsNounPhrase(next) && !/(?:ed|ing)$/.test(next)) return 0;
  return 4 + word.length;
}

/** The figures stated in `text` (a sentence), in order, not overlapping. */
export function findQuantities(text: string): Quantity[] {
  const phones = phoneSpans(text);
  const out: Quantity[] = [];
  let consumed = 0;
  for (const n of numeralsOf(text)) {
    if (n.start < consumed) continue;
    const q = readQuantity(text, n, phones);
    if (!q) continue;
    out.push(q);
    consumed = q.end;
  }
  return out;
}
