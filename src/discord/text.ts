/**
 * Text helpers for Discord: shortening that never breaks a figure, a link or a bold span, and
 * escaping so that text we echo back (the user's question, article text) cannot format, ping or
 * open code blocks.
 */

const ELLIPSIS = "…";
const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const RANGE = String.raw`${NUMBER}(?:\s?(?:–|—|-|to)\s?${NUMBER})?`;
const CURRENCY = String.raw`(?:US\s?\$|\$|Rs\.?|PKR|USD|EUR|GBP|JPY|€|£|¥)\s?`;
const SCALE = String.raw`\s(?:billion|million|trillion|thousand|crore|lakh|bn|mn)\b`;
const PERCENT = String.raw`(?:\s?%|\sper\s?cent\b|\spercent\b)`;

/**
 * Spans a cut must not fall inside: figures as news writes them (`$1.26 billion`, `US$ 5
 * billion`, `6–7%`, `70 companies`), a number with the word after it, bold spans and markdown
 * links.
 */
const PROTECTED = new RegExp(
  [
    String.raw`\*\*[^*\n]{1,200}?\*\*`,
    String.raw`\[[^\]\n]{0,300}\]\([^)\s]{1,600}\)`,
    `${CURRENCY}${RANGE}(?:${SCALE})?`,
    `${RANGE}${SCALE}`,
    `${RANGE}${PERCENT}`,
    // A count keeps the noun it counts: "70 companies".
    String.raw`${RANGE}\s\p{L}+`,
    RANGE,
  ].join("|"),
  "gu",
);

interface Span {
  start: number;
  end: number;
}

function protectedSpans(text: string, keep: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(PROTECTED)) {
    if (match[0].length > 1) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const phrase of keep) {
    if (phrase.length === 0) continue;
    let at = text.indexOf(phrase);
    while (at !== -1) {
      spans.push({ start: at, end: at + phrase.length });
      at = text.indexOf(phrase, at + 1);
    }
  }
  return spans;
}

const insideAny = (position: number, spans: readonly Span[]): boolean =>
  spans.some((span) => span.start < position && position < span.end);

const isLowSurrogateAt = (text: string, position: number): boolean => {
  const code = text.charCodeAt(position);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Drops a dangling escape backslash so the cut cannot escape the ellipsis. */
function tidyEnd(text: string): string {
  let trimmed = text.trimEnd();
  const trailing = /\\+$/.exec(trimmed)?.[0].length ?? 0;
  if (trailing % 2 === 1) trimmed = trimmed.slice(0, -1).trimEnd();
  return trimmed;
}

/**
 * Shortens `text` to at most `max` UTF-16 units, ending with "…". Cuts after a sentence when one
 * ends in the second half of the budget, else at a word boundary; never inside a figure, a
 * `keep` phrase, a bold span or a link, unless one of those alone is longer than the budget.
 */
export function shorten(text: string, max: number, keep: readonly string[] = []): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  const spans = protectedSpans(text, keep);

  // A sentence end: punctuation (maybe closed by a quote or bracket) followed by whitespace.
  for (let cut = Math.min(budget - 1, text.length - 1); cut >= budget / 2; cut--) {
    if (!/\s/.test(text.charAt(cut))) continue;
    if (!/[.!?]["'”’)\]]?$/.test(text.slice(Math.max(0, cut - 2), cut))) continue;
    if (insideAny(cut, spans)) continue;
    return `${tidyEnd(text.slice(0, cut))} ${ELLIPSIS}`;
  }
  for (let cut = budget; cut > 0; cut--) {
    if (!/\s/.test(text.charAt(cut))) continue;
    if (insideAny(cut, spans)) continue;
    const head = tidyEnd(text.slice(0, cut));
    if (head.length > 0) return `${head}${ELLIPSIS}`;
  }
  // One unbroken token: cut hard, but outside a protected span and a surrogate pair when possible.
  let cut = budget;
  while (cut > 0 && (insideAny(cut, spans) || isLowSurrogateAt(text, cut))) cut--;
  if (cut === 0) {
    cut = budget;
    if (isLowSurrogateAt(text, cut)) cut--;
  }
  return `${tidyEnd(text.slice(0, cut))}${ELLIPSIS}`;
}

const ZWSP = "\u200b";

/**
 * Makes mention-like text inert even before `allowed_mentions`: `@everyone`/`@here` and
 * `<@123>`, `<@!123>`, `<@&456>`, `<#789>`, `</cmd:1>`, `<t:1>`, `<:emoji:1>` get a zero-width
 * space so Discord shows them as typed.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:|t:)/g, `<${ZWSP}`);
}

/** Escapes Discord markdown so that text shows as typed: no bold, links, code or headings. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>-]|\d+\.)(?=\s|$|#)/gm, (_all, space: string, mark: string) => {
      return `${space}\\${mark}`;
    });
}

/** Text from outside (the user, an article) made safe to show verbatim. */
export function escapeText(text: string): string {
  return neutralizeMentions(escapeMarkdown(text));
}

/** A one-line version of text: runs of whitespace become one space. */
export const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** A markdown block quote of text, every line prefixed. */
export const blockQuote = (text: string): string =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => `> ${line}`)
    .join("\n");

/** An http(s) URL made safe inside a markdown link, or null when it is not a web address. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
  } catch {
    return null;
  }
}

/** `[label](url)` when the url is a web address, else the label alone; label is escaped. */
export function link(label: string, url: string | null | undefined): string {
  const safe = safeUrl(url);
  const escaped = escapeText(label);
  return safe ? `[${escaped}](${safe})` : escaped;
}
