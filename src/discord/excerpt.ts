/**
 * A verbatim window of a sentence around the words it is cited for, so that a reply citing many
 * sentences stays within Discord's limits and still shows each figure inside its own words.
 */

export interface Excerpt {
  /** A slice of the sentence, unchanged. */
  text: string;
  /** Whether words were left out before or after it. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * The part of `sentence` around every one of `values` (each as written in it), at most `max`
 * characters when the values allow it, cut at spaces. The whole sentence when it fits.
 */
export function excerptAround(sentence: string, values: readonly string[], max: number): Excerpt {
  if (sentence.length <= max) return { text: sentence, cutBefore: false, cutAfter: false };
  const spans = values
    .map((v) => ({ start: sentence.indexOf(v), length: v.length }))
    .filter((s) => s.start >= 0);
  const first = spans.length > 0 ? Math.min(...spans.map((s) => s.start)) : 0;
  const last = spans.length > 0 ? Math.max(...spans.map((s) => s.start + s.length)) : 0;
  const room = max - (last - first);
  let from = first;
  let to = last;
  if (room > 0) {
    // Centred on the values, then pushed back inside the sentence at either end.
    from = Math.max(0, first - Math.floor(room / 2));
    to = Math.min(sentence.length, from + max);
    from = Math.max(0, to - max);
  }
  if (from > 0) {
    const space = sentence.indexOf(" ", from);
    if (space !== -1 && space < first) from = space + 1;
  }
  if (to < sentence.length) {
    const space = sentence.lastIndexOf(" ", to);
    if (space >= last) to = space;
  }
  return {
    text: sentence.slice(from, to).trim(),
    cutBefore: from > 0,
    cutAfter: to < sentence.length,
  };
}

/** `“…text…”` with an ellipsis where words were left out. */
export const quoted = (excerpt: Excerpt, escapeWords: (text: string) => string): string =>
  `“${excerpt.cutBefore ? "…" : ""}${escapeWords(excerpt.text)}${excerpt.cutAfter ? "…" : ""}”`;
