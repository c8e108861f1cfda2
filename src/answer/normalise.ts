import { z } from "zod";
import { capitalisedCountryForms } from "../facts/language/countries";
import chatForms from "./data/chat-forms.json" with { type: "json" };

/**
 * The first step of answering: a question as people type it in Discord ("whats pak-japan trade
 * rn??", "who's the uae amb") rewritten the way articles write ("what is Pakistan Japan trade",
 * "who is the UAE ambassador"), with what was changed noted for `--explain`. Pure text work that
 * needs no corpus; spelling is corrected against the corpus's own words later (`spelling.ts`).
 *
 * The word lists are data (`data/chat-forms.json`); the rules here are the ones a word list cannot
 * say: a form whose meaning depends on its neighbours ("us", "btw", "n", "cos"), numbers with
 * scale letters ("$4bn"), fiscal years as typed ("fy23", "22-23"), months in lower case and
 * partner pairs joined by a hyphen ("pak-japan", "Sino-Pak").
 */

const ChatFormsSchema = z.object({
  about: z.string(),
  words: z.record(z.string(), z.string()),
  openers: z.array(z.string()),
  closers: z.array(z.string()),
  phrases: z.record(z.string(), z.string()),
  fillers: z.array(z.string()),
  timeNow: z.array(z.string()),
});

const FORMS = ChatFormsSchema.parse(chatForms);

export interface NormalisedQuestion {
  /** The question as the engine reads it. */
  text: string;
  /** The question asks for the latest figure ("right now", "currently", "latest"). */
  latest: boolean;
  /** What was rewritten, in order, e.g. `whats → what is`, for explaining an answer. */
  changes: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const byLength = (a: string, b: string) => b.length - a.length;

/** A word with the apostrophes and slashes chat forms are written with (`b/w`, `who's`, `w/`). */
const TOKEN_WITH_DOT = /[\p{L}\p{N}]+(?:['/][\p{L}\p{N}]*)*\.?/gu;

const WORD_FORMS = new Map(Object.entries(FORMS.words).map(([k, v]) => [k.toLowerCase(), v]));

/** Openers and closers as one alternation each, longest first so "hey bot" wins over "hey". */
const OPENER = new RegExp(
  `^(?:${[...FORMS.openers].sort(byLength).map(escapeRegExp).join("|")})(?:[\\s,:;!.?-]+|$)`,
  "iu",
);
const CLOSER = new RegExp(
  `(?:^|[\\s,;!.-]+)(?:${[...FORMS.closers].sort(byLength).map(escapeRegExp).join("|")})[\\s!.?]*$`,
  "iu",
);
const PHRASE_FORMS = new Map(Object.entries(FORMS.phrases).map(([k, v]) => [k.toLowerCase(), v]));
const PHRASE = new RegExp(
  `(?<![\\p{L}])(?:${[...PHRASE_FORMS.keys()].sort(byLength).map(escapeRegExp).join("|")})(?![\\p{L}])`,
  "giu",
);
const FILLER = new RegExp(
  `\\b(?:${[...FORMS.fillers].sort(byLength).map(escapeRegExp).join("|")})\\b`,
  "giu",
);
const TIME_NOW = new RegExp(
  `\\b(?:${[...FORMS.timeNow].sort(byLength).map(escapeRegExp).join("|")})\\b(?!\\s+account)`,
  "giu",
);

const MONTHS: Record<string, string> = {
  jan: "January",
  january: "January",
  feb: "February",
  february: "February",
  mar: "March",
  march: "March",
  apr: "April",
  april: "April",
  may: "May",
  jun: "June",
  june: "June",
  jul: "July",
  july: "July",
  aug: "August",
  august: "August",
  sep: "September",
  sept: "September",
  september: "September",
  oct: "October",
  october: "October",
  nov: "November",
  november: "November",
  dec: "December",
  december: "December",
};
const MONTH_WORD = Object.keys(MONTHS).sort(byLength).join("|");

/** Words after which a lower-case "us" is the country ("the us", "us exports"), not the pronoun. */
const US_NOUNS =
  "trade|exports?|imports?|ambassador|envoy|embassy|companies|firms|investors?|investment|market|government|president|congress|officials?|side|delegation|economy|tariffs?|aid|dollars?";
/** Nouns that "IT" qualifies when typed in lower case ("it exports"). */
const IT_NOUNS =
  "exports?|sector|industry|companies|firms|services|parks?|zones?|professionals|graduates|workers|minister|ministry";

/** English words that are also country adjectives: left alone in lower case. */
const COMMON_WORDS = new Set(["polish", "turks", "swiss"]);
const COUNTRY_FORMS = new Map(
  capitalisedCountryForms()
    .filter((f) => !COMMON_WORDS.has(f.toLowerCase()))
    .map((f) => [f.toLowerCase(), f]),
);
/** Country adjectives and capitals typed in lower case ("iranian", "sri lankan", "kabul"). */
const COUNTRY_FORM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...COUNTRY_FORMS.keys()].sort(byLength).map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

interface Step {
  re: RegExp;
  to: string | ((m: string, ...groups: string[]) => string);
  /** Not worth a line in the explanation (typography). */
  silent?: boolean;
}

/** Rules whose meaning depends on the words around them, applied in order. */
const CONTEXT_STEPS: Step[] = [
  // Curly apostrophes and quotes as typed on phones.
  { re: /[’‘]/g, to: "'", silent: true },
  // "?!?!", "...": one mark says as much.
  { re: /([?!.])[?!.]+/g, to: "$1", silent: true },
  // "12pc": per cent, as Pakistani papers abbreviate it.
  { re: /(\d)\s?pc\b/gi, to: "$1 percent" },
  // Numbers with scale letters: "$4bn", "4 bn", "1.2b", "450mn", "500k".
  {
    re: /(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(bn|bln|b)\b/gi,
    to: (_m, n) => `${n} billion`,
  },
  {
    re: /(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(mn|mln|m)\b/gi,
    to: (_m, n) => `${n} million`,
  },
  { re: /(\d(?:[\d,]*\d)?(?:\.\d+)?)\s?k\b/gi, to: (_m, n) => `${n} thousand` },
  // Fiscal years as typed: "fy23", "fy 23", "FY'23", "fy-2023" → FY23 / FY2023.
  {
    re: /\bf\.?y\.?\s?['’-]?\s?(\d{2}(?:\d{2})?(?:\s?[-–/]\s?\d{2,4})?)\b/gi,
    to: (_m, y) => `FY${y.replace(/\s/g, "").replace(/\//, "-")}`,
  },
  // A bare "22-23" or "21/22": the fiscal year 2022-23.
  {
    re: /(?<![\d$£€.,/-])(\d{2})\s?[-/]\s?(\d{2})(?![\d%])/g,
    to: (m, a, b) => (Number(b) === (Number(a) + 1) % 100 ? `20${a}-${b}` : m),
  },
  // "2021/22" → "2021-22".
  {
    re: /\b((?:19|20)\d{2})\/(\d{2})\b/g,
    to: (_m, a, b) => `${a}-${b}`,
  },
  // Month names in lower case beside a year, a range or another month ("jan-aug 2024").
  {
    re: new RegExp(
      `\\b(${MONTH_WORD})\\.?(\\s?(?:-|–|to|through|till|until)\\s?)(${MONTH_WORD})\\b\\.?`,
      "gi",
    ),
    to: (_m, a, sep, b) => `${MONTHS[a.toLowerCase()]}${sep}${MONTHS[b.toLowerCase()]}`,
  },
  {
    re: new RegExp(`\\b(${MONTH_WORD})\\.?(?=\\s*,?\\s*(?:19|20)\\d\\d\\b)`, "gi"),
    to: (m) => MONTHS[m.replace(/\.$/, "").toLowerCase()] ?? m,
  },
  // Partner pairs joined by a hyphen or slash: "pak-japan", "Sino-Pak", "pak/afghan".
  {
    re: /\b(pak|pakistan|sino|indo)\s?[-/–]\s?([a-z]+)\b/gi,
    to: (_m, a, b) => `${pairWord(a)} ${pairWord(b)}`,
  },
  {
    re: /\b([a-z]+)\s?[-/–]\s?(pak|pakistan)\b/gi,
    to: (_m, a, b) => `${pairWord(a)} ${pairWord(b)}`,
  },
  // "btw X and Y" asks about trade between two; elsewhere "btw" is "by the way".
  { re: /\bbtw\b(?=\s+\S+\s+(?:and|n|&)\s)/gi, to: "between" },
  { re: /\bbtw\b[,]?\s*/gi, to: "" },
  // "n" and "&" between words: and.
  { re: /(?<=[\p{L}\p{N}])\s+(?:n|&)\s+(?=[\p{L}\p{N}])/gu, to: " and " },
  // Lower-case "us" is the country after "the", in a partner pair, or before a noun it qualifies.
  { re: /\b(the|pakistan|and|vs|versus)\s+us\b/gi, to: (_m, w) => `${w} US` },
  { re: new RegExp(`\\bus\\s+(?=(?:${US_NOUNS})\\b)`, "gi"), to: "US " },
  { re: /\bus(?=\s+(?:pak|pakistan)\b)/gi, to: "US" },
  // Country adjectives and capitals in lower case: the gazetteer matches them capitalised.
  { re: COUNTRY_FORM, to: (m) => COUNTRY_FORMS.get(m.toLowerCase()) ?? m },
  // Lower-case "it" before a noun of the trade: information technology.
  { re: new RegExp(`\\bit(?=\\s+(?:${IT_NOUNS})\\b)`, "gi"), to: "IT" },
];

function pairWord(w: string): string {
  const lower = w.toLowerCase();
  if (lower === "pak" || lower === "pakistan") return "Pakistan";
  if (lower === "us") return "US";
  const form = WORD_FORMS.get(lower);
  return form && form.length > 0 ? form : w;
}

/** The form of a phrase, capitalised as typed ("Pakistan get" → "Pakistan receive"). */
function phraseForm(typed: string): string {
  const form = PHRASE_FORMS.get(typed.toLowerCase());
  if (form === undefined) return typed;
  return /^\p{Lu}/u.test(typed) ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}

/** Rewrites a question typed in chat into the words articles use. */
export function normaliseQuestion(question: string): NormalisedQuestion {
  const changes: string[] = [];
  let text = question.normalize("NFC").replace(/\s+/g, " ").trim();

  const apply = (next: string, what: string) => {
    if (next !== text) {
      changes.push(what);
      text = next;
    }
  };

  for (const step of CONTEXT_STEPS) {
    const before = text;
    const next =
      typeof step.to === "string"
        ? text.replace(step.re, step.to)
        : text.replace(step.re, step.to as (m: string, ...g: string[]) => string);
    if (next !== before && !step.silent) changes.push(shortDiff(before, next));
    text = next;
  }

  // Filler before and after the question, as often as it is stacked ("hey bot, quick q: …");
  // a message that is nothing but filler ("hi", "thanks!") asks nothing.
  for (let i = 0; i < 4 && text; i++) {
    const m = OPENER.exec(text);
    if (!m) break;
    apply(text.slice(m[0].length).trim(), `dropped “${m[0].trim()}”`);
  }
  for (let i = 0; i < 3 && text; i++) {
    const m = CLOSER.exec(text);
    if (!m) break;
    apply(text.slice(0, m.index).trim(), `dropped “${m[0].trim()}”`);
  }

  // Several words typed for one ("charge d affaires").
  apply(text.replace(PHRASE, phraseForm), "phrases as articles write them");

  // "how much did exports go up by in dollar terms": the money is already asked by "how much".
  for (const m of text.match(FILLER) ?? []) apply(text.replace(m, " "), `dropped “${m}”`);

  // Chat forms, word by word; a form written with its full stop ("no.", "cos.") takes it along.
  text = text.replace(TOKEN_WITH_DOT, (written: string, at: number, whole: string) => {
    // A letter of a dotted abbreviation (`U.S.`) is not a chat form.
    if (/^\p{L}\.$/u.test(written) && /^\p{L}/u.test(whole.slice(at + written.length))) {
      return written;
    }
    if (/\p{L}\.$/u.test(whole.slice(Math.max(0, at - 2), at))) return written;
    const dotted = written.endsWith(".") ? WORD_FORMS.get(written.toLowerCase()) : undefined;
    const token = dotted === undefined ? written.replace(/\.$/, "") : written;
    const rest = written.slice(token.length);
    // "pm's", "govt's": the chat form with its possessive.
    const possessive = /^(.+)'s$/i.exec(token);
    const owner = possessive?.[1] ? WORD_FORMS.get(possessive[1].toLowerCase()) : undefined;
    if (dotted === undefined && owner && !WORD_FORMS.has(token.toLowerCase())) {
      const cased = /^\p{Lu}\p{Ll}/u.test(token)
        ? owner.charAt(0).toUpperCase() + owner.slice(1)
        : owner;
      if (owner === "" || owner.toLowerCase() === (possessive?.[1] ?? "").toLowerCase())
        return written;
      changes.push(`${token} → ${cased}'s`);
      return `${cased}'s${rest}`;
    }
    const form = dotted ?? WORD_FORMS.get(token.toLowerCase());
    if (form === undefined) return written;
    // An acronym typed in capitals stays; so does a form that only changes case.
    if (form.toLowerCase() === token.toLowerCase() && form !== token) {
      if (token === token.toUpperCase() && token.length > 1) return token;
    }
    // One-letter forms ("r", "u") are typed in lower case; "U" in capitals is a name's initial.
    if (token.length === 1 && token !== token.toLowerCase()) return written;
    const cased = /^\p{Lu}\p{Ll}/u.test(token)
      ? form.charAt(0).toUpperCase() + form.slice(1)
      : form;
    if (cased !== token) changes.push(cased === "" ? `dropped “${token}”` : `${token} → ${cased}`);
    return cased + rest;
  });

  // A phrase the word forms have just spelled out ("pak get" → "Pakistan get" → "Pakistan receive").
  apply(text.replace(PHRASE, phraseForm), "phrases as articles write them");

  const latest = TIME_NOW.test(text);
  TIME_NOW.lastIndex = 0;
  if (latest) apply(text.replace(TIME_NOW, " "), "asks for the latest figure");
  text = text
    .replace(/\s+([,?!.])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .replace(/^[\s,;:.-]+/, "")
    .trim();
  return { text, latest, changes };
}

const WORD_CHAR = /[\p{L}\p{N}'/$-]/u;

/** "A → B" for the stretch of whole words that differs between two versions of the text. */
function shortDiff(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  while (start > 0 && WORD_CHAR.test(before[start - 1] ?? "")) start--;
  while (endA < before.length && WORD_CHAR.test(before[endA] ?? "")) {
    endA++;
    endB++;
  }
  const from = before.slice(start, endA).trim();
  const to = after.slice(start, endB).trim();
  return from ? `${from} → ${to || "(dropped)"}` : `+ ${to}`;
}
