/**
 * Currencies as news text marks them, before the number (`$`, `US$`, `Rs.`, `PKR`, `£`) or after it
 * (`dollars`, `Euros`, `Pakistani rupees`), mapped to ISO 4217 codes so that figures in different
 * spellings of one currency compare equal.
 */

/** Symbols and codes written before the number, longest first where one is a prefix of another. */
const PREFIXES: [string, string][] = [
  ["U.S.$", "USD"],
  ["US$", "USD"],
  ["USD", "USD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["C$", "CAD"],
  ["A$", "AUD"],
  ["S$", "SGD"],
  ["$", "USD"],
  ["£", "GBP"],
  ["€", "EUR"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["Rs.", "PKR"],
  ["Rs", "PKR"],
  ["PKR", "PKR"],
  ["INR", "INR"],
  ["GBP", "GBP"],
  ["EUR", "EUR"],
  ["JPY", "JPY"],
  ["CNY", "CNY"],
  ["RMB", "CNY"],
  ["SAR", "SAR"],
  ["AED", "AED"],
  ["Dhs", "AED"],
  ["Dh", "AED"],
  ["QAR", "QAR"],
  ["KWD", "KWD"],
  ["OMR", "OMR"],
  ["BHD", "BHD"],
  ["TRY", "TRY"],
  ["RUB", "RUB"],
  ["CHF", "CHF"],
  ["CAD", "CAD"],
  ["AUD", "AUD"],
  ["SGD", "SGD"],
  ["HKD", "HKD"],
  ["MYR", "MYR"],
  ["IDR", "IDR"],
  ["BDT", "BDT"],
  ["AFN", "AFN"],
  ["IRR", "IRR"],
  ["KRW", "KRW"],
];

const PREFIX_CODES = new Map(PREFIXES);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Source of a regex matching one currency mark written before a number. */
export const CURRENCY_MARK_SOURCE = PREFIXES.map(([mark]) => escapeRegExp(mark)).join("|");

/**
 * A currency mark that ends right where a numeral starts, allowing one space (`US$ 5`, `Rs. 120`,
 * `$ 50,000`) or none (`Rs1,200`). Letters must not precede it, so `COUNTRY 5` is not `TRY 5`.
 */
export const CURRENCY_BEFORE = new RegExp(
  // `USD $1.8 billion`: a code written before the mark as well is part of the value.
  `(?<![\\p{L}\\p{N}])(?:(?:USD|US|U\\.S\\.)[ \\u00a0]?(?=\\$))?(${CURRENCY_MARK_SOURCE})[ \\u00a0]?$`,
  "u",
);

/** The ISO code for a mark matched by {@link CURRENCY_BEFORE}. */
export function prefixCurrency(mark: string): string | null {
  return PREFIX_CODES.get(mark) ?? null;
}

const NATIONAL = [
  "US",
  "U\\.S\\.",
  "American",
  "Pakistani",
  "Indian",
  "Saudi",
  "Chinese",
  "Japanese",
  "Emirati",
  "UAE",
  "Qatari",
  "Omani",
  "Iranian",
  "Kuwaiti",
  "Bahraini",
  "Iraqi",
  "Hong\\sKong",
  "Canadian",
  "Australian",
  "Singapore",
  "New\\sZealand",
  "Turkish",
  "Russian",
  "Swiss",
  "British",
].join("|");

const WORDS =
  "cents?|paisas?|paise|dollars?|euros?|pounds?(?:\\ssterling)?|sterling|rupees?|yen|yuan|renminbi|riyals?|rials?|dirhams?|liras?|roubles?|rubles?|taka|ringgit|dinars?|francs?";

const SUFFIX_CODES = "USD|PKR|INR|GBP|EUR|JPY|CNY|RMB|SAR|AED|QAR|KWD|TRY|RUB|CHF";
const SUFFIX_CODE_SET = new Set(SUFFIX_CODES.split("|"));

/**
 * A currency named after the amount (`dollars`, `6.28 billion Euros`, `Pakistani rupees`,
 * `5 billion USD`), starting right after the amount with one space. Group 1 is the nationality,
 * group 2 the currency word or code.
 */
export const CURRENCY_AFTER = new RegExp(
  `^[ \\u00a0](?:(${NATIONAL})[ \\u00a0])?(${WORDS}|${SUFFIX_CODES})(?![\\p{L}\\p{N}])`,
  "iu",
);

/** The power of ten of a currency's minor unit named by `word` (`cents` → -2), else 0. */
export function minorUnitExponent(word: string): number {
  return /^(?:cents?|paisas?|paise)$/i.test(word) ? -2 : 0;
}

/** The ISO code for a currency word with its nationality, if any (`Indian rupees` → INR). */
export function suffixCurrency(nationality: string | undefined, word: string): string | null {
  const nation = (nationality ?? "").toLowerCase().replace(/\s+/g, " ");
  const w = word.toLowerCase();
  // Codes count only in capitals: `TRY` is the lira, `try` is a verb.
  if (SUFFIX_CODE_SET.has(word)) return word === "RMB" ? "CNY" : word;
  if (w.startsWith("dollar")) {
    const byNation: Record<string, string> = {
      canadian: "CAD",
      australian: "AUD",
      "hong kong": "HKD",
      singapore: "SGD",
      "new zealand": "NZD",
    };
    return byNation[nation] ?? "USD";
  }
  if (w.startsWith("rupee") || w.startsWith("paisa") || w === "paise") {
    return nation === "indian" ? "INR" : "PKR";
  }
  if (w.startsWith("cent")) {
    const byNation: Record<string, string> = { euro: "EUR", canadian: "CAD", australian: "AUD" };
    return byNation[nation] ?? "USD";
  }
  if (w.startsWith("riyal") || w.startsWith("rial")) {
    const byNation: Record<string, string> = { qatari: "QAR", omani: "OMR", iranian: "IRR" };
    return byNation[nation] ?? "SAR";
  }
  if (w.startsWith("dinar")) {
    const byNation: Record<string, string> = { bahraini: "BHD", iraqi: "IQD" };
    return byNation[nation] ?? "KWD";
  }
  if (w.startsWith("euro")) return "EUR";
  if (w.startsWith("pound") || w === "sterling") return "GBP";
  if (w === "yen") return "JPY";
  if (w === "yuan" || w === "renminbi") return "CNY";
  if (w.startsWith("dirham")) return "AED";
  if (w.startsWith("lira")) return "TRY";
  if (w.startsWith("rouble") || w.startsWith("ruble")) return "RUB";
  if (w === "taka") return "BDT";
  if (w === "ringgit") return "MYR";
  if (w.startsWith("franc")) return "CHF";
  return null;
}
