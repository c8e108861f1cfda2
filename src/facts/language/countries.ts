/**
 * A gazetteer of the countries and blocs Pakistan trades with, with the names and adjectives news
 * text uses for them. Shared by figure extraction (partners), official extraction (country) and
 * question analysis (which partner is asked about), so that all three agree on one canonical name.
 */

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

const entry = (
  name: string,
  names: string[],
  adjectives: string[],
  abbreviations: string[] = [],
  capitals: string[] = [],
): CountryEntry => ({ name, names: [name, ...names], adjectives, abbreviations, capitals });

export const COUNTRIES: readonly CountryEntry[] = [
  entry("Pakistan", [], ["Pakistani", "Pakistanis"], [], ["Islamabad"]),
  entry("Japan", [], ["Japanese"], [], ["Tokyo"]),
  entry(
    "United States",
    ["United States of America", "America"],
    ["American", "Americans"],
    ["US", "USA", "U.S.", "U.S.A."],
    ["Washington"],
  ),
  entry(
    "United Kingdom",
    ["Britain", "Great Britain", "England"],
    ["British", "Briton", "Britons"],
    ["UK", "U.K."],
    ["London"],
  ),
  entry("China", ["People's Republic of China"], ["Chinese"], ["PRC"], ["Beijing"]),
  entry("Saudi Arabia", ["Kingdom of Saudi Arabia"], ["Saudi", "Saudis"], ["KSA"], ["Riyadh"]),
  entry(
    "United Arab Emirates",
    ["Emirates"],
    ["Emirati", "Emiratis"],
    ["UAE", "U.A.E."],
    ["Abu Dhabi"],
  ),
  entry("Turkey", ["Türkiye", "Turkiye"], ["Turkish", "Turks"], [], ["Ankara"]),
  entry("European Union", [], ["European"], ["EU", "E.U."], ["Brussels"]),
  entry("Russia", ["Russian Federation"], ["Russian", "Russians"], [], ["Moscow"]),
  entry("Iran", ["Islamic Republic of Iran"], ["Iranian", "Iranians"], [], ["Tehran"]),
  entry("Afghanistan", [], ["Afghan", "Afghans"], [], ["Kabul"]),
  entry("Indonesia", [], ["Indonesian", "Indonesians"], [], ["Jakarta"]),
  entry("Malaysia", [], ["Malaysian", "Malaysians"], [], ["Kuala Lumpur"]),
  entry("Kazakhstan", [], ["Kazakh", "Kazakhstani"], [], ["Astana"]),
  entry("Uzbekistan", [], ["Uzbek", "Uzbekistani"], [], ["Tashkent"]),
  entry("Turkmenistan", [], ["Turkmen"], [], ["Ashgabat"]),
  entry("Kyrgyzstan", ["Kyrgyz Republic"], ["Kyrgyz"], [], ["Bishkek"]),
  entry("Tajikistan", [], ["Tajik"], [], ["Dushanbe"]),
  entry("Azerbaijan", [], ["Azerbaijani", "Azeri"], [], ["Baku"]),
  entry("India", [], ["Indian", "Indians"], [], ["New Delhi"]),
  entry("Bangladesh", [], ["Bangladeshi"], [], ["Dhaka"]),
  entry("Sri Lanka", [], ["Sri Lankan"], [], ["Colombo"]),
  entry("Nepal", [], ["Nepalese", "Nepali"], [], ["Kathmandu"]),
  entry("Qatar", [], ["Qatari"], [], ["Doha"]),
  entry("Kuwait", [], ["Kuwaiti"], []),
  entry("Oman", [], ["Omani"], [], ["Muscat"]),
  entry("Bahrain", [], ["Bahraini"], [], ["Manama"]),
  entry("Iraq", [], ["Iraqi"], [], ["Baghdad"]),
  entry("Egypt", [], ["Egyptian"], [], ["Cairo"]),
  entry(
    "South Korea",
    ["Republic of Korea", "Korea"],
    ["Korean", "South Korean"],
    ["ROK"],
    ["Seoul"],
  ),
  entry("Singapore", [], ["Singaporean"], []),
  entry("Thailand", [], ["Thai"], [], ["Bangkok"]),
  entry("Vietnam", ["Viet Nam"], ["Vietnamese"], [], ["Hanoi"]),
  entry("Philippines", [], ["Filipino", "Philippine"], [], ["Manila"]),
  entry("Germany", [], ["German", "Germans"], [], ["Berlin"]),
  entry("France", [], ["French"], [], ["Paris"]),
  entry("Italy", [], ["Italian"], [], ["Rome"]),
  entry("Spain", [], ["Spanish"], [], ["Madrid"]),
  entry("Netherlands", ["Holland"], ["Dutch"], [], ["The Hague", "Amsterdam"]),
  entry("Belgium", [], ["Belgian"], []),
  entry("Poland", [], ["Polish"], [], ["Warsaw"]),
  entry("Canada", [], ["Canadian", "Canadians"], [], ["Ottawa"]),
  entry("Australia", [], ["Australian", "Australians"], [], ["Canberra"]),
  entry("New Zealand", [], ["New Zealander"], [], ["Wellington"]),
  entry("Brazil", [], ["Brazilian"], [], ["Brasilia"]),
  entry("South Africa", [], ["South African"], [], ["Pretoria"]),
  entry("Nigeria", [], ["Nigerian"], [], ["Abuja"]),
  entry("Kenya", [], ["Kenyan"], [], ["Nairobi"]),
  entry("Morocco", [], ["Moroccan"], [], ["Rabat"]),
  entry("Switzerland", [], ["Swiss"], [], ["Bern"]),
  entry("Sweden", [], ["Swedish"], [], ["Stockholm"]),
  entry("Norway", [], ["Norwegian"], [], ["Oslo"]),
  entry("Ukraine", [], ["Ukrainian"], [], ["Kyiv"]),
  entry("Belarus", [], ["Belarusian"], [], ["Minsk"]),
  entry("Hong Kong", [], [], []),
  entry("Taiwan", [], ["Taiwanese"], [], ["Taipei"]),
  // Regions and blocs that trade news treats as one partner.
  entry(
    "Central Asia",
    ["Central Asian republics", "Central Asian states"],
    ["Central Asian"],
    ["CARs"],
  ),
  entry("Gulf Cooperation Council", ["Gulf states"], [], ["GCC"]),
  entry("ASEAN", ["Association of Southeast Asian Nations"], [], ["ASEAN"]),
];

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
    g.regex.lastIndex = 0;
    for (const m of text.matchAll(g.regex)) {
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
