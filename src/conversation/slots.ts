import { findCountries } from "../facts/language/countries";
import { findPeriods, type PeriodMention } from "../facts/language/periods";
import { STOP_WORDS } from "../text/terms";

/**
 * The slots a question fills in its own words — partners, period, measure, person — read the
 * same way for a first question and for a follow-up, so what one turn keeps the next can take.
 */
export interface Slots {
  partners: string[];
  period: string | null;
  measure: string | null;
  person: string | null;
}

/** Words that frame a question without saying what it measures. */
const FRAME = new Set(
  (
    "what whats how much many who whom when where why which was were is are did does do tell " +
    "figure figures number numbers value values total amount amounts stand stood reach reached " +
    "ok okay so please now like else also well hmm oh right sure cool thanks and about"
  ).split(" "),
);

/**
 * A word of a measure: anything but framing, function words, and bare numbers. An acronym is a
 * topic even when it spells a function word ("IT exports").
 */
const measureWord = (word: string) => {
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  return !FRAME.has(lower) && !STOP_WORDS.has(lower) && !/^\d+$/.test(lower);
};

/** The periods a text names that say which years they mean, or name a period as written ("last year"). */
export function namedPeriods(text: string): PeriodMention[] {
  return findPeriods(text).filter(
    (p) => p.kind !== "date" && !p.refersBack && (p.years.length > 0 || p.kind === "relative"),
  );
}

/** Whether the text points back to a period named before ("that year", "the same period"). */
export const refersBackToPeriod = (text: string): boolean =>
  findPeriods(text).some((p) => p.refersBack === true);

/**
 * The slots of `text`. `personNamed` says which of its capitalised word runs name a person the
 * corpus knows (returning the name the engine gives them), so a name is not read as a measure.
 */
export function slotsOf(text: string, personNamed: (run: string) => string | null): Slots {
  const countries = findCountries(text);
  const periods = findPeriods(text);
  const partners = [
    ...new Set(countries.map((c) => c.country).filter((country) => country !== "Pakistan")),
  ];
  let rest = text;
  for (const span of [...countries, ...periods].sort((a, b) => b.start - a.start)) {
    rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  }
  let person: string | null = null;
  // Capitalised runs of two or more letters (not acronyms): names, when the corpus knows them.
  rest = rest.replace(/\p{Lu}[\p{Ll}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu, (run) => {
    const name = personNamed(run);
    if (name === null) return run;
    person ??= name;
    return " ";
  });
  const measure = (rest.match(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu) ?? []).filter(measureWord);
  return {
    partners,
    period: namedPeriods(text)[0]?.label ?? null,
    measure: measure.length > 0 ? measure.join(" ") : null,
    person,
  };
}

/**
 * Whether two periods as written name the same period: the same fiscal year, or the same
 * calendar years, with the same months when either names months. Stricter than the answer
 * layer's fit on purpose: a follow-up's figure must be for the period its reply says it assumed.
 */
export function samePeriod(assumed: string, stated: string | null): boolean {
  if (stated === null) return false;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  if (norm(assumed) === norm(stated)) return true;
  const [a] = findPeriods(assumed);
  const [b] = findPeriods(stated);
  if (!a || !b || a.kind === "relative" || b.kind === "relative") return false;
  if (monthWords(a.label) !== monthWords(b.label)) return false;
  if (a.fiscalYear !== null || b.fiscalYear !== null) return a.fiscalYear === b.fiscalYear;
  return a.years.join() === b.years.join();
}

const MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:first|second|third|fourth|last)\s+(?:half|quarter)\b|\bq[1-4]\b|\bh[12]\b/gi;

const monthWords = (label: string) =>
  (label.match(MONTH) ?? []).map((m) => m.toLowerCase().slice(0, 3)).join(",");
