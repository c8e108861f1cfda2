import type { Article, Passage, Sentence } from "../types";

/**
 * Splits an article body into passages (paragraphs) and sentences, keeping character offsets into
 * the body so every excerpt can be cited verbatim. Boilerplate lines that news sites add around an
 * article ("Breaking News", the headline repeated, "Also Read: …") are dropped: they are not the
 * article's words and must yield no facts.
 */

/** Words that end with a dot without ending the sentence. Lower-cased, without the dot. */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "engr",
  "h.e",
  "sr",
  "jr",
  "st",
  "no",
  "nos",
  "pvt",
  "ltd",
  "inc",
  "co",
  "corp",
  "bros",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "cdr",
  "adm",
  "sgt",
  "sen",
  "rep",
  "gov",
  "govt",
  "hon",
  "rs",
  "re",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "approx",
  "est",
  "dept",
  "mt",
  "fig",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "u.s",
  "u.k",
  "u.a.e",
  "u.n",
  "e.u",
  "a.m",
  "p.m",
  "ph.d",
]);

/** Lines that sites wrap around an article: never passages. */
const BOILERPLATE =
  /^(?:breaking(?:\s+news)?[:!]?|developing(?:\s+story)?|exclusive|advertisement|sponsored|share(?:\s+this)?(?:\s+article)?|(?:also|read|see|related|more)(?:\s+(?:read|more|also|stories|news|articles?))?(?:\s*[:|–—]|\s+-)\s*.*|click here\b.*|subscribe\b.*|follow us\b.*|photo(?:\s*:|\s+credit).*|image(?:\s*:|\s+credit).*)$/i;

/** A dateline alone on its line: `KARACHI:`, `ISLAMABAD —`. */
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,30}\s*[:—–-]?$/u;

const TERMINAL = /[.!?]["'”’)\]]*$/u;

/** Normalise for comparing a line with the title: case, quotes, dashes and spacing do not count. */
export function looseKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―−]/g, "-")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(body: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  for (const raw of body.split(/\r\n|\r|\n/)) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    lines.push({ text, start: at + lead, end: at + lead + text.length });
    at += raw.length + (body.startsWith("\r\n", at + raw.length) ? 2 : 1);
  }
  return lines;
}

/** Whether the whole line is site furniture rather than article text. */
export function isBoilerplate(line: string, title: string, seen: Set<string>): boolean {
  return isBoilerplateKeyed(line, looseKey(line), looseKey(title), seen);
}

/** `isBoilerplate` with the line's and the title's `looseKey` worked out once by the caller. */
function isBoilerplateKeyed(
  line: string,
  key: string,
  titleKey: string,
  seen: Set<string>,
): boolean {
  if (key.length === 0) return true;
  if (BOILERPLATE.test(line.trim()) || DATELINE.test(line.trim())) return true;
  if (key === titleKey) return true;
  // A short line without end punctuation seen before is a repeated heading.
  if (seen.has(key) && !TERMINAL.test(line)) return true;
  // Markdown furniture: rules, image lines.
  if (/^(?:[-*_]\s*){3,}$/.test(line) || /^!\[[^\]]*\]\([^)]*\)$/.test(line)) return true;
  return false;
}

/** A line cut mid-sentence by hard wrapping, as opposed to a finished line or a heading. */
function continuesOnNextLine(text: string, next: string, wrapped: boolean): boolean {
  if (TERMINAL.test(text) || BOILERPLATE.test(text) || DATELINE.test(text)) return false;
  // A Markdown heading, list item or quote starts a block of its own.
  if (/^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>)/.test(next)) return false;
  // A sentence does not start in lower case, nor does a finished line end on a comma.
  if (/^\p{Ll}/u.test(next) || text.endsWith(",")) return true;
  if (!wrapped || text.length < 50) return false;
  const words = text.split(/\s+/);
  const capitalised = words.filter((w) => /^["“‘'(]?[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised / words.length < 0.6;
}

/**
 * Paragraphs: a blank line always ends one. A line break ends one too when the line reads as
 * finished (ends in sentence punctuation or is a short heading); otherwise the text was hard-wrapped
 * and the next line continues it.
 */
function paragraphsOf(body: string): Line[] {
  const lines = linesOf(body);
  const wrapped = isHardWrapped(lines);
  const paragraphs: Line[] = [];
  let current: Line | null = null;
  let last = "";
  for (const line of lines) {
    if (line.text === "") {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    if (current && continuesOnNextLine(last, line.text, wrapped)) {
      current = {
        text: body.slice(current.start, line.end),
        start: current.start,
        end: line.end,
      };
      last = line.text;
      continue;
    }
    if (current) paragraphs.push(current);
    current = { ...line };
    last = line.text;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/**
 * Whether the writer broke lines inside paragraphs (a text wrapped at a fixed width) rather than
 * one paragraph a line, as pasted web articles are: many lines stop mid-sentence and run on.
 */
function isHardWrapped(lines: Line[]): boolean {
  let filled = 0;
  let runOn = 0;
  lines.forEach((line, i) => {
    if (line.text === "") return;
    filled++;
    const next = lines[i + 1];
    if (next && next.text !== "" && line.text.length >= 40 && !TERMINAL.test(line.text)) runOn++;
  });
  return runOn >= 3 && runOn >= 0.4 * filled;
}

/** Markdown heading marks and list bullets are not words of the paragraph. */
function stripMarkup(p: Line): Line {
  const m = /^(?:#{1,6}\s+|[-*+]\s+|>\s*)+/.exec(p.text);
  if (!m) return p;
  return { text: p.text.slice(m[0].length), start: p.start + m[0].length, end: p.end };
}

/** Whether a dot at `dot` (index into text) ends a sentence, judged by the word before it. */
function dotEndsSentence(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? "")) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  // A single capital letter is an initial (`Natalie A. Baker`).
  if (/^\p{Lu}$/u.test(text.slice(i, dot))) return false;
  // Dotted abbreviations (`U.S.`) other than at a clear sentence end.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

/** Splits a paragraph into sentences with offsets relative to `base`. */
export function splitSentences(text: string, base = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  // A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
  const re = /[.!?]+["'”’)\]]*(?=\s+)/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    // The next sentence must start like one: capital, digit, opening quote or bracket.
    const rest = text.slice(end).trimStart();
    if (!/^["“‘'([\p{Lu}\p{N}$£€]/u.test(rest)) continue;
    if (m[0].startsWith(".") && m[0].length === 1 && !dotEndsSentence(text, at)) continue;
    pushSentence(sentences, text, start, end, base);
    start = end;
  }
  pushSentence(sentences, text, start, text.length, base);
  return sentences;
}

function pushSentence(out: Sentence[], text: string, from: number, to: number, base: number) {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed.length === 0) return;
  out.push({ text: trimmed, start: base + from + lead, end: base + from + lead + trimmed.length });
}

/** The article's passages, in order, without boilerplate. */
export function splitPassages(article: Pick<Article, "id" | "title" | "body">): Passage[] {
  const passages: Passage[] = [];
  const seen = new Set<string>();
  const titleKey = looseKey(article.title);
  for (const raw of paragraphsOf(article.body)) {
    const p = stripMarkup(raw);
    const key = looseKey(p.text);
    const boiler = isBoilerplateKeyed(p.text, key, titleKey, seen);
    seen.add(key);
    if (boiler) continue;
    const index = passages.length;
    passages.push({
      id: `${article.id}#${index}`,
      articleId: article.id,
      index,
      text: p.text,
      start: p.start,
      end: p.end,
      sentences: splitSentences(p.text, p.start),
    });
  }
  return passages;
}
