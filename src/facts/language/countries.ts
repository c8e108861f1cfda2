/**
 * A gazetteer of the countries and blocs Pakistan trades with, with the names and adjectives news
 * text uses for them. Shared by figure extraction (partners), official extraction (country) and
 * question analysis (which partner is asked about), so that all three agree on one canonical name.
 */

import { z } from "zod";
import countriesFile from "./data/countries.json" with { type: "json" };

export interface CountryEntry {
  /** Canonical name, e.g. `United States`. */
  name: string;
  /** Names matched case-insensitively (`Japan`, `Türkiye`). */
  names: string[];
  /** Adjectives and demonyms (`Japanese`, `American`). */
  adjectives: string[];
  /** Abbreviations matched only in capitals, with or without dots (`US`, `U.S.`, `UAE`). */
  abbreviations: string[];
  /** Capital or government seat used as a metonym in news (`Tokyo`, `Washington`). */
  capitals: string[];
}

const CountriesSchema = z.object({
  about: z.string(),
  countries: z.array(
    z.object({
      name: z.string(),
      names: z.array(z.string()),
      adjectives: z.array(z.string()),
      abbreviations: z.array(z.string()),
      capitals: z.array(z.string()),
    }),
  ),
});

/** The gazetteer, from `data/countries.json`; each entry's own name is the first of its names. */
export const COUNTRIES: readonly CountryEntry[] = CountriesSchema.parse(
  countriesFile,
).countries.map((c) => ({ ...c, names: [c.name, ...c.names] }));

/** A place in a text where a country is named. */
export interface CountryMatch {
  country: string;
  /** The words as written. */
  matched: string;
  start: number;
  end: number;
  /** Matched through an adjective or demonym (`Japanese`) rather than a name. */
  adjective: boolean;
  /** Matched through a capital city used as a metonym. */
  capital: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Alternative {
  country: string;
  adjective: boolean;
  capital: boolean;
}

/**
 * Two regular expressions for the whole gazetteer — one for names, matched in any case, one for
 * abbreviations, adjectives and capitals, matched as written — so a text is scanned twice rather
 * than once per country. Longest alternatives first, so `United States of America` wins over
 * `United States`; the matched words lead back to their country through a map.
 */
function gazetteer(entries: [string, Alternative][], flags: string, before: string) {
  const byText = new Map<string, Alternative>();
  for (const [text, alt] of entries) {
    const key = flags.includes("i") ? text.toLowerCase() : text;
    if (!byText.has(key)) byText.set(key, alt);
  }
  const alternation = [...byText.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  const regex = new RegExp(`(?<![${before}])(?:${alternation})(?![\\p{L}\\p{N}])`, `gu${flags}`);
  return { regex, byText, fold: flags.includes("i") };
}

const NAMES = gazetteer(
  COUNTRIES.flatMap((c) =>
    c.names.map((n): [string, Alternative] => [
      n,
      { country: c.name, adjective: false, capital: false },
    ]),
  ),
  "i",
  "\\p{L}\\p{N}",
);

const AS_WRITTEN = gazetteer(
  COUNTRIES.flatMap((c) => [
    ...c.abbreviations.map((n): [string, Alternative] => [
      n,
      { country: c.name, adjective: false, capital: false },
    ]),
    ...c.adjectives.map((n): [string, Alternative] => [
      n,
      { country: c.name, adjective: true, capital: false },
    ]),
    ...c.capitals.map((n): [string, Alternative] => [
      n,
      { country: c.name, adjective: false, capital: true },
    ]),
  ]),
  "",
  // `U.S.` inside `U.S.A.` or after another dotted letter is not a match of its own.
  "\\p{L}\\p{N}.",
);

/** Every place a country is named in `text`, in order; overlapping matches keep the longest. */
export function findCountries(text: string): CountryMatch[] {
  const found: CountryMatch[] = [];
  for (const g of [NAMES, AS_WRITTEN]) {
    // exec on the pattern itself: matchAll would copy it for every sentence read.
    const re = g.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const alt = g.byText.get(g.fold ? m[0].toLowerCase() : m[0]);
      if (!alt) continue;
      const start = m.index ?? 0;
      found.push({ ...alt, matched: m[0], start, end: start + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CountryMatch[] = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/**
 * The adjectives and capitals, as the gazetteer writes them: the forms matched only in capitals,
 * for restoring the case of a question typed in lower case ("iranian envoy", "kabul").
 */
export function capitalisedCountryForms(): string[] {
  return COUNTRIES.flatMap((c) => [...c.adjectives, ...c.capitals]);
}

/** Every way the gazetteer knows to write a country: names, adjectives, abbreviations. */
export function countryForms(country: string): string[] {
  const c = COUNTRIES.find((entry) => entry.name === country);
  return c ? [...c.names, ...c.adjectives, ...c.abbreviations, ...c.capitals] : [country];
}

const BY_KEY = new Map<string, string>();
for (const c of COUNTRIES) {
  for (const n of [...c.names, ...c.adjectives, ...c.abbreviations]) {
    BY_KEY.set(n.toLowerCase().replace(/\./g, ""), c.name);
  }
}

/** The canonical name for a country name, adjective or abbreviation (`us` → `United States`). */
export function canonicalCountry(name: string): string | undefined {
  return BY_KEY.get(
    name
      .trim()
      .toLowerCase()
      .replace(/\./g, "")
      .replace(/['’]s$/, ""),
  );
}
