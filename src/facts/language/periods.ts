/**
 * Periods as trade news writes them — `FY2022-23`, `fiscal year 2023`, `July-March FY24`,
 * `first half of 2024`, `late 2024`, `2023`, `last year` — with the calendar years they touch and,
 * for Pakistan's fiscal year (July to June), the year it ends in. Used on article sentences (the
 * period a figure refers to) and on questions (`in fiscal year 2023`), so both meet on `years` and
 * `fiscalYear` however each is written.
 *
 * Pakistani convention, relied on here: `2022-23` (a year and the next one's last two digits) is a
 * fiscal year, even without `FY`; `2022-2023` written in full is a span of calendar years unless
 * `FY`/`fiscal year` says otherwise.
 */

export type PeriodKind = "fiscal" | "calendar" | "span" | "date" | "relative";

export interface PeriodMention {
  /** The words as written, with a leading preposition and article (`in the fiscal year 2022-23`). */
  text: string;
  start: number;
  end: number;
  /** The period itself as written, without them (`fiscal year 2022-23`, `late 2024`). */
  label: string;
  /** Calendar years the period touches, e.g. FY2022-23 → [2022, 2023]; "2023" → [2023]. */
  years: number[];
  /**
   * Pakistan's fiscal year named by its END year: "FY2022-23", "fiscal year 2022-23", "FY23",
   * "fiscal year 2023" → 2023; null when not a fiscal year.
   */
  fiscalYear: number | null;
  /**
   * `fiscal`, `calendar` (a year or part of one), `span` (several years), `date` (a day, such as
   * an article's dateline `February 12`), `relative` (`last year`: the years are unknown).
   */
  kind: PeriodKind;
  /**
   * Whether the words point back to a period named before (`during the year`, `in the same
   * period`, `over the nine months`): the caller finds which one from the context.
   */
  refersBack?: boolean;
}

const S = "[ \\u00a0]+";
const Y4 = "(?:19|20)\\d\\d";
const YEAR = `(?:${Y4}|\\d\\d)`;
const DASH = "[ \\u00a0]?[-–—/][ \\u00a0]?";
const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)";
const ORDINAL_PART = "(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast|[Ff]inal|1st|2nd|3rd|4th)";
/** A part of a year: `July-March`, `first half of`, `Q3`, `January`. */
const PART = [
  `${MONTH}(?:${DASH}|${S}to${S})${MONTH}`,
  `${ORDINAL_PART}${S}(?:half|quarter)${S}of(?:${S}the)?`,
  `(?:[Ff]irst|[Ll]ast)${S}(?:\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)${S}months${S}of(?:${S}the)?`,
  "H[12]",
  "Q[1-4]",
  MONTH,
].join("|");
/** A part of a year with its months in brackets: `first eight months (July-February) of`. */
const PART_WITH_MONTHS = `(?:${ORDINAL_PART}${S}(?:half|quarter)|(?:[Ff]irst|[Ll]ast)${S}(?:\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)${S}months)${S}\\(${MONTH}(?:${DASH}|${S}to${S})${MONTH}\\)${S}of(?:${S}the)?`;
const FISCAL_WORDS = `(?:FY|F\\.Y\\.|[Ff]iscal${S}[Yy]ear|[Ff]inancial${S}[Yy]ear|[Ff]iscal)`;
const END = "(?![\\p{L}\\p{N}])";
const START = "(?<![\\p{L}\\p{N}$£€.,])";

interface Pattern {
  kind: PeriodKind;
  regex: RegExp;
  /** Its matches point back to a period named before. */
  back?: boolean;
  /** What every match holds (a digit, a four-digit year): a text without it is passed over. */
  needs?: RegExp;
}

const pattern = (kind: PeriodKind, source: string, needs?: RegExp): Pattern => ({
  kind,
  regex: new RegExp(`${START}(?:${source})${END}`, "gu"),
  ...(needs ? { needs } : {}),
});

const A_DIGIT = /\d/;
const A_YEAR = new RegExp(Y4);

const COUNT_WORD =
  "\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four";
/** The months a relative year is cut to: `first eight months of the`, `seven-month period of`. */
const MONTHS_OF_RELATIVE = `(?:[Ff]irst${S})?(?:${COUNT_WORD})(?:${S}months|[ \\u00a0-]month${S}period)${S}of(?:${S}the)?`;

/** What `the …` may point back with: `year`, `full fiscal year`, `same period`, `nine months`. */
const BACK_REFERENCE = [
  `(?:(?:full|whole|entire)${S})?(?:(?:fiscal|financial|calendar)${S})?(?:year|quarter|month)`,
  `(?:(?:same|corresponding|comparable|review|reporting)${S})?period(?!${S}(?:of${S})?(?:the${S})?(?:last|previous|preceding|prior|a${S}year))`,
  `(?:first${S})?(?:${COUNT_WORD})${S}(?:months|quarters|weeks)(?!${S}of)`,
  `(?:first|second)${S}(?:half|quarter)(?!${S}of)`,
].join("|");

/** Labels that point back wherever they stand: `same period` (without `last year`). */
const BACK_LABEL = /^(?:same|corresponding|comparable)[ \u00a0]+period$/iu;

const PATTERNS: Pattern[] = [
  // FY2022-23, FY23, fiscal year 2023, July-March FY24, Q1 FY2024
  pattern(
    "fiscal",
    `(?:(?:${PART_WITH_MONTHS}|${PART})${S})?${FISCAL_WORDS}[ \\u00a0]?(${YEAR})(?:${DASH}(${YEAR}))?`,
    A_DIGIT,
  ),
  // the 2022-23 fiscal year
  pattern("fiscal", `(${Y4})${DASH}(${YEAR})${S}(?:fiscal|financial)${S}year`, A_YEAR),
  // 2022-23, July-March 2023-24, 2019-2023
  pattern("span", `(?:(?:${PART})${S})?(${Y4})${DASH}(${YEAR})`, A_YEAR),
  // 2019 to 2023, between 2019 and 2023 (the label keeps `between`: `2019 and 2023` alone reads
  // as two years)
  pattern(
    "span",
    `(?:[Bb]etween${S}|[Ff]rom${S})?(${Y4})${S}(?:to|and|through|until)${S}(${Y4})`,
    A_YEAR,
  ),
  // late 2024, mid-2024, calendar year 2017, first half of 2024, Q3 2024, January 2024
  pattern(
    "calendar",
    `(?:(?:${PART_WITH_MONTHS}|[Cc]alendar${S}[Yy]ear|CY|[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd|[Ee]nd${S}of|[Ss]tart${S}of|[Bb]eginning${S}of|[Cc]lose${S}of|${PART})(?:[ \\u00a0]?-[ \\u00a0]?|[ \\u00a0]|,${S}))(${Y4})`,
    A_YEAR,
  ),
  pattern("calendar", `[Ss]ince${S}(${Y4})`, A_YEAR),
  // February 12, August 16, 2025, 12 February 2025, 1st of May
  pattern("date", `${MONTH}${S}(\\d{1,2})(?:st|nd|rd|th)?(?:,?${S}(${Y4}))?`, A_DIGIT),
  pattern("date", `(\\d{1,2})(?:st|nd|rd|th)?${S}(?:of${S})?${MONTH}(?:,?${S}(${Y4}))?`, A_DIGIT),
  // the first eight months of the ongoing year, the seven-month period of this year
  pattern(
    "relative",
    `(?:${MONTHS_OF_RELATIVE})${S}(?:[Ll]ast|[Tt]his|[Cc]urrent|[Oo]ngoing|[Pp]revious)${S}(?:(?:fiscal|financial|calendar)${S})?year`,
  ),
  // last year, the current fiscal year, the past five years, recent years
  pattern(
    "relative",
    `(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Cc]urrent|[Oo]ngoing|[Cc]oming|[Ss]ame|[Pp]receding|[Ff]ollowing)${S}(?:(?:fiscal|financial|calendar)${S})?(?:year|quarter|month|decade|week)`,
  ),
  pattern(
    "relative",
    `(?:[Pp]ast|[Ll]ast|[Pp]revious|[Nn]ext|[Cc]oming)${S}(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})${S}(?:years|months|decades|quarters)`,
  ),
  pattern("relative", `[Rr]ecent${S}years|a${S}year${S}(?:ago|earlier)`),
  // the same period last year, the corresponding period of the previous year
  pattern(
    "relative",
    `(?:[Ss]ame|[Cc]orresponding|[Cc]omparable)${S}period(?:${S}(?:of${S})?(?:the${S})?(?:last|previous|preceding|prior)${S}(?:fiscal${S})?year|${S}a${S}year${S}(?:ago|earlier))?`,
  ),
  // during the year, in the same period, over the nine months, that year: periods named before
  {
    ...pattern(
      "relative",
      `(?<=(?:[Dd]uring|[Ii]n|[Oo]ver|[Ff]or|[Tt]hrough|[Tt]hroughout|[Aa]cross|[Ww]ithin)${S}(?:the|that|this)${S})(?:${BACK_REFERENCE})`,
    ),
    back: true,
  },
  {
    ...pattern(
      "relative",
      `(?<=(?:^|[^\\p{L}])[Tt]hat${S})(?:(?:fiscal|financial|calendar)${S})?year`,
    ),
    back: true,
  },
  // in June: a month of a year the sentence does not name
  pattern("relative", `(?<=(?:[Ii]n|during|since|by|until|till|through|from)${S})(?:${PART})`),
  pattern("calendar", `(${Y4})`, A_YEAR),
];

/** Capitalised words a bare year may follow; after any other, it is part of a name (`Expo 2025`). */
const BEFORE_YEAR_OK = new Set(
  `in by since during from until till to through for of before after and or between year fiscal
  calendar early late mid end the by around about circa as at on`
    .split(/\s+/)
    .filter(Boolean),
);

/** A preposition and article before a period belong to its text, not its label. */
const LEAD =
  /(?<![\p{L}])(?:(?:in|on|during|for|by|over|through|throughout|at|until|till|from|between|within|of)[ \u00a0]+)?(?:the[ \u00a0]+)?$/iu;

/** A bare year after a capitalised word other than a preposition is part of a name. */
function inName(text: string, start: number): boolean {
  const word = /(\p{L}[\p{L}.'’-]*)[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 30), start));
  if (!word?.[1]) return false;
  const w = word[1];
  if (!/^\p{Lu}/u.test(w)) return false;
  // An acronym names a measure, not an event: "GDP 2024", "FDI 2023" are periods.
  if (/^\p{Lu}{2,}$/u.test(w)) return false;
  return !BEFORE_YEAR_OK.has(w.toLowerCase());
}

/** A year followed by a unit or scale is an amount (`2023 companies` is rare; `2023%` never a year). */
function amountAfter(text: string, end: number): boolean {
  return /^(?:[ \u00a0]?%|[ \u00a0](?:percent|per cent|million|billion|crore|lakh)\b)/i.test(
    text.slice(end, end + 10),
  );
}

function fullYear(written: string, century: number): number {
  if (written.length === 4) return Number(written);
  const yy = Number(written);
  return century === 0 ? (yy > 50 ? 1900 + yy : 2000 + yy) : century + yy;
}

function yearsBetween(first: number, last: number): number[] {
  if (last < first || last - first > 50) return [first];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

interface Candidate {
  kind: PeriodKind;
  back: boolean;
  start: number;
  end: number;
  groups: string[];
  text: string;
}

function describe(c: Candidate): Pick<PeriodMention, "years" | "fiscalYear" | "kind"> | null {
  const [a, b] = c.groups;
  if (c.kind === "relative") return { years: [], fiscalYear: null, kind: "relative" };
  if (c.kind === "date") {
    const year = /(?:19|20)\d\d$/.exec(c.text);
    return { years: year ? [Number(year[0])] : [], fiscalYear: null, kind: "date" };
  }
  if (a === undefined) return null;
  const first = fullYear(a, 0);
  const century = Math.floor(first / 100) * 100;
  if (c.kind === "fiscal") {
    if (b === undefined) return { years: [first - 1, first], fiscalYear: first, kind: "fiscal" };
    const last = fullYear(b, century);
    if (last === first + 1) return { years: [first, last], fiscalYear: last, kind: "fiscal" };
    // `fiscal year 2022-21` runs backwards: a misprint whose year cannot be told.
    if (last < first) return { years: [], fiscalYear: null, kind: "span" };
    return { years: yearsBetween(first, last), fiscalYear: null, kind: "span" };
  }
  if (c.kind === "span") {
    if (b === undefined) return null;
    const last = fullYear(b, century);
    if (last <= first) return null;
    // `2022-23` is Pakistan's fiscal year; `2022-2023` in full is left as calendar years.
    if (b.length === 2 && last === first + 1) {
      return { years: [first, last], fiscalYear: last, kind: "fiscal" };
    }
    return { years: yearsBetween(first, last), fiscalYear: null, kind: "span" };
  }
  return { years: [first], fiscalYear: null, kind: "calendar" };
}

/** Every period named in `text`, in order, not overlapping (the longest reading wins). */
/** Every period names a number, a month, or one of these words; most sentences can be passed over. */
const MAY_NAME_A_PERIOD =
  /\d|year|month|quarter|half|period|week|fiscal|\bFY|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

export function findPeriods(text: string): PeriodMention[] {
  if (!MAY_NAME_A_PERIOD.test(text)) return [];
  const candidates: Candidate[] = [];
  for (const p of PATTERNS) {
    if (p.needs && !p.needs.test(text)) continue;
    // exec on the pattern itself: matchAll would copy the regex on every call, and this runs on
    // every sentence of the corpus. No pattern matches the empty string.
    const re = p.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      candidates.push({
        kind: p.kind,
        back: p.back === true,
        start,
        end: start + m[0].length,
        groups: m.slice(1).filter((g): g is string => g !== undefined),
        text: m[0],
      });
    }
  }
  candidates.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: PeriodMention[] = [];
  let taken = 0;
  for (const c of candidates) {
    if (c.start < taken) continue;
    if (c.kind === "calendar" && /^\d{4}$/.test(c.text)) {
      if (inName(text, c.start) || amountAfter(text, c.end)) continue;
    }
    const described = describe(c);
    if (!described) continue;
    const lead = LEAD.exec(text.slice(Math.max(0, c.start - 24), c.start));
    const textStart = c.start - (lead?.[0].length ?? 0);
    out.push({
      text: text.slice(textStart, c.end),
      start: textStart,
      end: c.end,
      label: c.text,
      ...described,
      ...(c.back || BACK_LABEL.test(c.text) ? { refersBack: true } : {}),
    });
    taken = c.end;
  }
  return out;
}

/**
 * A relative period ("last year", "the current fiscal year", "next year") as the calendar or
 * fiscal year it names, counted from the day an article was published; null when it cannot be
 * placed (no date, or a span such as "the past five years"). Pakistan's fiscal year runs July to
 * June, so an article of 5 July 2021 calls FY2020-21 "the last fiscal year".
 */
export function resolveRelative(p: PeriodMention, published: string | null): PeriodMention | null {
  if (p.kind !== "relative" || !published) return null;
  const date = /^(\d{4})-(\d{2})/.exec(published);
  if (!date) return null;
  const year = Number(date[1]);
  const month = Number(date[2]);
  const fiscalNow = month >= 7 ? year + 1 : year;
  const label = p.label.replace(/\s+/g, " ").trim();
  // "the first eight months of the ongoing year": the year placed, its months kept in the label.
  const months = /^(?:first )?([\w-]+)(?: months|[ -]month period) of (?:the )?/i.exec(label);
  const m =
    /^(last|this|next|previous|current|ongoing|coming|preceding|following)\s+(?:(fiscal|financial|calendar)\s+)?year$/i.exec(
      months ? label.slice(months[0].length) : label,
    );
  if (!m) return null;
  const step: Record<string, number> = {
    last: -1,
    previous: -1,
    preceding: -1,
    this: 0,
    current: 0,
    ongoing: 0,
    next: 1,
    coming: 1,
    following: 1,
  };
  const shift = step[(m[1] ?? "").toLowerCase()] ?? 0;
  if (m[2] && m[2].toLowerCase() !== "calendar") {
    const fy = fiscalNow + shift;
    const placed = months ? `first ${months[1]} months of FY${fy}` : p.label;
    return { ...p, label: placed, kind: "fiscal", years: [fy - 1, fy], fiscalYear: fy };
  }
  const placed = months ? `first ${months[1]} months of ${year + shift}` : p.label;
  return { ...p, label: placed, kind: "calendar", years: [year + shift], fiscalYear: null };
}
