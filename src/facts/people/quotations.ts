/**
 * Where an article puts words inside quotation marks. News text mixes the marks: curly “…”,
 * straight "…", both in one quote ("… cooperation.”), single ‘…’, and quotes that run on over a
 * paragraph break and close in the next paragraph. Which of these words are a person's, and
 * whose, is decided in `quotes.ts`; here only the spans are found, each mark looked at once.
 */

import type { Passage } from "../../types";

/** Where a quotation stands: the offsets of its opening and closing marks in the body. */
export interface QuotationSpan {
  open: number;
  /** The closing mark, or the end of the paragraph when the quote runs on unclosed. */
  close: number;
}

/** A quotation in an article, with the passages it opens and closes in. */
export interface Quotation extends QuotationSpan {
  /** Index of the passage holding the opening mark. */
  openPassage: number;
  /** Index of the passage holding the closing mark (later than `openPassage` when it runs on). */
  closePassage: number;
  /** The words inside, trimmed. */
  text: string;
  /** How many words it holds. */
  words: number;
  /** Written like the name of a thing (`“Enhanced Framework”`, `"Meet the Press”`). */
  named: boolean;
  /** A closing mark ends it; false for a quote left open at its paragraph's end. */
  closed: boolean;
}

/** Fewer words than this inside quotation marks are a partial quote at most (`“pivotal role”`). */
export const FULL_QUOTE_WORDS = 4;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Small words a name of a thing leaves in lower case (`Ease of Doing Business`, `Meet the Press`). */
const NAME_SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "and",
  "for",
  "to",
  "in",
  "on",
  "at",
  "by",
  "with",
  "&",
]);

/**
 * Whether quoted words are written as the name of a thing (a programme, a slogan in title case,
 * a show): every word capitalised save the small ones, no sentence punctuation, at most eight
 * words. Such words are nobody's quote.
 */
export function isNameOfThing(text: string): boolean {
  const trimmed = text.trim().replace(/[,.]$/u, "");
  if (/[.!?;:]/u.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  if (!/^\p{Lu}/u.test(words[0] ?? "")) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_SMALL_WORDS.has(w.toLowerCase()));
}

type Kind = "double" | "single";

interface RawSpan {
  open: number;
  close: number;
  closed: boolean;
}

interface PassageMarks {
  spans: RawSpan[];
  /** A closing double mark before any opening one: the end of a quote begun in an earlier paragraph. */
  strayClose: number | null;
}

/**
 * The quotation marks of one paragraph. Double marks of either style pair up (a straight mark
 * opens when none is open and closes when one is); a single quote opens only after a space or a
 * bracket, so a curly apostrophe between letters (`Pakistan’s`) never closes one.
 */
function marksOf(text: string, start: number): PassageMarks {
  const spans: RawSpan[] = [];
  let strayClose: number | null = null;
  let open = -1;
  let kind: Kind = "double";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0) {
      if (ch === "“" || ch === '"') {
        // A straight mark right after a word, before any opening mark, closes a quote begun in an
        // earlier paragraph (`… security team",`); so does a curly closing one.
        if (
          ch === '"' &&
          spans.length === 0 &&
          strayClose === null &&
          /\S/u.test(text[i - 1] ?? " ")
        ) {
          if (/[\s,.;:)—–-]|$/u.test(text[i + 1] ?? "")) {
            strayClose = start + i;
            continue;
          }
        }
        open = i;
        kind = "double";
      } else if (ch === "”") {
        if (spans.length === 0 && strayClose === null) strayClose = start + i;
      } else if (ch === "‘" && (i === 0 || /[\s([—–-]/u.test(text[i - 1] ?? ""))) {
        open = i;
        kind = "single";
      }
      continue;
    }
    const closes =
      (kind === "double" && (ch === "”" || ch === '"')) ||
      (kind === "single" &&
        ch === "’" &&
        !/[\p{L}\p{N}]/u.test(text[i + 1] ?? "") &&
        /\S/u.test(text[i - 1] ?? ""));
    if (closes) {
      spans.push({ open: start + open, close: start + i, closed: true });
      open = -1;
    }
  }
  // A quote running on to the paragraph's end (news closes it in a later paragraph, or never).
  if (open >= 0 && kind === "double")
    spans.push({ open: start + open, close: start + text.length, closed: false });
  return { spans, strayClose };
}

function quotation(
  body: (from: number, to: number) => string,
  span: QuotationSpan,
  openPassage: number,
  closePassage: number,
  closed: boolean,
): Quotation {
  const text = body(span.open + 1, span.close).trim();
  return {
    open: span.open,
    close: span.close,
    openPassage,
    closePassage,
    text,
    words: wordCount(text),
    named: isNameOfThing(text),
    closed,
  };
}

/**
 * The quotations in a paragraph: curly “…”, straight "…", the two mixed, and single ‘…’ opened
 * after a space. Scare quotes of fewer than four words are left out.
 */
export function findQuotations(passage: Pick<Passage, "text" | "start">): QuotationSpan[] {
  const { text, start } = passage;
  return marksOf(text, start)
    .spans.filter(
      (q) => wordCount(text.slice(q.open - start + 1, q.close - start)) >= FULL_QUOTE_WORDS,
    )
    .map(({ open, close }) => ({ open, close }));
}

/**
 * Every quotation of an article, in order. A quote left open at a paragraph's end that the next
 * paragraph closes before opening another (“… prepare, over prepare…¶All sectors … team”, he
 * said) is one quotation over both; one the next paragraph reopens stays two, as news writes a
 * quote of several paragraphs.
 */
export function articleQuotations(
  passages: readonly Pick<Passage, "text" | "start" | "end">[],
  body: (from: number, to: number) => string,
): Quotation[] {
  const out: Quotation[] = [];
  let running: { open: number; passage: number } | null = null;
  passages.forEach((p, index) => {
    const { spans, strayClose } = marksOf(p.text, p.start);
    let rest = spans;
    if (
      running &&
      strayClose !== null &&
      (spans[0]?.open ?? Number.POSITIVE_INFINITY) > strayClose
    ) {
      out.push(
        quotation(body, { open: running.open, close: strayClose }, running.passage, index, true),
      );
    } else if (running) {
      const from = passages[running.passage];
      if (from) {
        out.push(
          quotation(
            body,
            { open: running.open, close: from.end },
            running.passage,
            running.passage,
            false,
          ),
        );
      }
    }
    running = null;
    const last = rest[rest.length - 1];
    if (last && !last.closed) {
      running = { open: last.open, passage: index };
      rest = rest.slice(0, -1);
    }
    for (const s of rest) out.push(quotation(body, s, index, index, s.closed));
  });
  const open = running as { open: number; passage: number } | null;
  if (open) {
    const from = passages[open.passage];
    if (from)
      out.push(
        quotation(body, { open: open.open, close: from.end }, open.passage, open.passage, false),
      );
  }
  return out.sort((a, b) => a.open - b.open);
}
