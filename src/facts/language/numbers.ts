/**
 * Numbers as news text writes them: digits with thousands separators and decimals (`1,200`,
 * `1.26`), number words (`three`, `twenty-five`, `a dozen`, `two hundred`) and scale words
 * (`billion`, `bn`, `crore`, `lakh`). Shared by figure extraction and question analysis so that
 * `$2bn` in an article and `2 billion dollars` in a question come out as the same amount.
 */

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const UNIT_WORDS = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const TEN_WORDS = Object.keys(TENS).join("|");
const ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine";

/** `twenty-five`, `forty`, `seventeen`. */
const BELOW_HUNDRED = `(?:(?:${TEN_WORDS})(?:[-\\s](?:${ONE_TO_NINE}))?|${UNIT_WORDS})`;

/** Source of a regex matching a numeral in digits: `1,200.5`, `1.26`, `70`. */
export const DIGITS_SOURCE = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

/**
 * Source of a regex matching a numeral in words: `twenty-five`, `two hundred`, `a dozen`,
 * `dozens`, and `a` before a scale word (`a billion dollars`). Use with the `i` flag. Every
 * quantifier is bounded or over disjoint characters, so no input makes it backtrack badly.
 */
export const NUMBER_WORDS_SOURCE = [
  `(?:${BELOW_HUNDRED}|a)\\s(?:hundred|dozen)(?:\\s(?:and\\s)?${BELOW_HUNDRED})?`,
  BELOW_HUNDRED,
  "dozens|hundreds|thousands|millions|billions",
  "a(?=\\s(?:thousand|million|billion|trillion)\\b)",
].join("|");

/** Vague plural amounts (`dozens of firms`): a count without a definite number. */
const VAGUE = new Set(["dozens", "hundreds", "thousands", "millions", "billions"]);

/** Whether a numeral is a vague plural such as `dozens`. */
export function isVagueNumeral(text: string): boolean {
  return VAGUE.has(text.toLowerCase());
}

/** Whether a numeral is written in words rather than digits. */
export function isWordNumeral(text: string): boolean {
  return /^[a-z]/i.test(text);
}

function wordsBelowHundred(text: string): number | null {
  const parts = text.split(/[-\s]+/);
  const [first, second] = parts;
  if (first === undefined) return null;
  if (parts.length === 1) return UNITS[first] ?? TENS[first] ?? null;
  const ten = TENS[first];
  const unit = second === undefined ? undefined : UNITS[second];
  if (parts.length === 2 && ten !== undefined && unit !== undefined && unit < 10) return ten + unit;
  return null;
}

/**
 * The value of one numeral as matched by {@link NUMERAL_SOURCE}: `1,200` → 1200, `1.26` → 1.26,
 * `twenty-five` → 25, `a dozen` → 12, `two hundred and five` → 205. Null for vague plurals
 * (`dozens`) and for anything that is not a numeral.
 */
export function parseNumeral(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/.test(t) && /\d/.test(t)) {
    return Number(t.replace(/,/g, ""));
  }
  if (VAGUE.has(t)) return null;
  if (t === "a") return 1;
  const multiplied = /^(.+?)\s(hundred|dozen)(?:\s(?:and\s)?(.+))?$/.exec(t);
  if (multiplied) {
    const [, head = "", word, rest] = multiplied;
    const base = head === "a" ? 1 : wordsBelowHundred(head);
    if (base === null) return null;
    const tail = rest === undefined ? 0 : wordsBelowHundred(rest);
    if (tail === null) return null;
    return base * (word === "hundred" ? 100 : 12) + tail;
  }
  return wordsBelowHundred(t);
}

/** Powers of ten for scale words; `b`, `m`, `k` only count when glued to a money figure. */
const SCALE_EXPONENTS: Record<string, number> = {
  trillion: 12,
  trillions: 12,
  tn: 12,
  trn: 12,
  billion: 9,
  billions: 9,
  bn: 9,
  bln: 9,
  b: 9,
  million: 6,
  millions: 6,
  mn: 6,
  mln: 6,
  m: 6,
  thousand: 3,
  thousands: 3,
  k: 3,
  crore: 7,
  crores: 7,
  cr: 7,
  lakh: 5,
  lakhs: 5,
  lac: 5,
  lacs: 5,
};

/** Scale words written out, matched after a numeral with a space or none. */
export const SCALE_WORD_SOURCE =
  "trillions?|billions?|millions?|thousands?|crores?|lakhs?|lacs?|tn|trn|bn|bln|mn|mln|cr";

/** One-letter scales, only taken when glued to the numeral of a money figure (`$846m`, `$1.3B`). */
export const SCALE_LETTER_SOURCE = "[bBmMkK]";

/** The power of ten a scale word stands for (`billion` → 9, `crore` → 7), or null. */
export function scaleExponent(word: string): number | null {
  return SCALE_EXPONENTS[word.toLowerCase()] ?? null;
}

/**
 * `value × 10^exponent` computed through the decimal string so that `1.26` billion is exactly
 * 1260000000 rather than 1260000000.0000002.
 */
export function applyScale(value: number, exponent: number): number {
  if (exponent === 0) return value;
  const written = String(value);
  return written.includes("e") ? value * 10 ** exponent : Number(`${written}e${exponent}`);
}
