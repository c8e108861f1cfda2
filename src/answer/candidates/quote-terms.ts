import { contentTerms } from "../../text/terms";
import type { Quote } from "../../types";

/**
 * A quote's stemmed terms, and those of the sentence around it, worked out once per quote: someone
 * quoted across a large corpus has hundreds of quotes, and every question about them ranked all
 * of them by their words. Kept with the quote object (a quote the corpus drops is forgotten with
 * it) and checked against its text, so an edited quote is never read by its old words.
 */
const TERMS = new WeakMap<
  Quote,
  { text: string; sentence: string; own?: string[]; around?: string[] }
>();

function entry(q: Quote) {
  let e = TERMS.get(q);
  if (!e || e.text !== q.text || e.sentence !== q.sentence) {
    e = { text: q.text, sentence: q.sentence };
    TERMS.set(q, e);
  }
  return e;
}

/** `contentTerms(q.text)`, once per quote. */
export function quoteTerms(q: Quote): readonly string[] {
  const e = entry(q);
  e.own ??= contentTerms(q.text);
  return e.own;
}

/** `contentTerms(q.sentence)`, once per quote. */
export function quoteSentenceTerms(q: Quote): readonly string[] {
  const e = entry(q);
  e.around ??= contentTerms(q.sentence);
  return e.around;
}
