import { countryForms, findCountries } from "../facts/language/countries";
import { findPeriods, type PeriodMention } from "../facts/language/periods";
import { PassageIndex } from "../index/passage-index";
import type { TermSet } from "../text/synonyms";
import { contentTerms, contentTermsOfWords, words } from "../text/terms";
import type { Article, Figure, Official, Passage, Sentence } from "../types";
import { passageTermsFromColumns } from "./passage-term-columns";

/**
 * Everything the answerer reads, built once at ingest (or restored from a snapshot) so that a
 * question costs only look-ups: passages by id, figures by term and partner, term statistics.
 */
export interface Knowledge {
  articles: Map<string, Article>;
  passages: Map<string, Passage>;
  passagesByArticle: Map<string, Passage[]>;
  figures: Figure[];
  officials: Official[];
  index: PassageIndex;
  /** In how many passages each stemmed term occurs, for weighting question terms. */
  passageFrequency: Map<string, number>;
  /** In how many passages each word occurs as written (lower-case), for correcting typos. */
  wordFrequency: Map<string, number>;
  /** Per word: [times inside a sentence, times capitalised there], kept for live updates. */
  capitalisation: Map<string, [number, number]>;
  /**
   * Words the corpus writes capitalised inside sentences (names: `osaka`, `expo`, `torkham`), in
   * lower case: a question typed in lower case gets their capitals back.
   */
  properNouns: Set<string>;
  /** Figure positions (into `figures`) by stemmed term of their measure and sentence. */
  figuresByTerm: Map<string, number[]>;
  /** Figure positions by the partner countries they name. */
  figuresByPartner: Map<string, number[]>;
  /** Stemmed terms of each figure's measure, aligned with `figures`. */
  figureMeasureTerms: string[][];
  /** Stemmed terms of each figure's sentence, aligned with `figures`. */
  figureSentenceTerms: string[][];
  /** Figure positions by `articleId:sentenceStart`, for the figures stated together. */
  figuresBySentence: Map<string, number[]>;
  /** See `passageTerms`. */
  passageTermCache: Map<string, ReadonlySet<string>>;
  /** See `passageCountries`. */
  passageCountryCache: Map<string, ReadonlySet<string>>;
  /** See `articleCountries`. */
  articleCountryCache: Map<string, ReadonlySet<string>>;
  /** See `sentenceTerms`. */
  sentenceTermCache: Map<string, ReadonlySet<string>>;
  /** See `sentencePeriods`. */
  sentencePeriodCache: Map<string, readonly PeriodMention[]>;
}

export interface KnowledgeParts {
  articles: Article[];
  passages: Passage[];
  figures: Figure[];
  officials: Official[];
  index?: PassageIndex;
  passageFrequency?: Map<string, number>;
  wordFrequency?: Map<string, number>;
  /** Per word: [times inside a sentence, times capitalised there]; see `passageCapitalisation`. */
  capitalisation?: Map<string, [number, number]>;
  /** Stemmed terms of each figure's measure and sentence, when already worked out (a snapshot). */
  figureTerms?: { measure: string[][]; sentence: string[][] };
  /** The figure look-ups, already made from `figures` and `figureTerms` (a live update). */
  figureTables?: FigureTables;
  /**
   * The passage look-ups, already made (a snapshot makes each passage when first asked for);
   * `passages` is then not read, so the term counts and index must be given too.
   */
  passageMaps?: { passages: Map<string, Passage>; passagesByArticle: Map<string, Passage[]> };
}

/** The figure look-ups of `Knowledge`: positions into `figures` by term, partner and sentence. */
export interface FigureTables {
  byTerm: Map<string, number[]>;
  byPartner: Map<string, number[]>;
  bySentence: Map<string, number[]>;
}

/**
 * The figure look-ups of `figures` (with their measure and sentence terms, aligned), numbering
 * them from `first`: each list ascending, as a figure's terms are counted once.
 */
export function figureTablesOf(
  figures: readonly Figure[],
  measureTerms: readonly (readonly string[])[],
  sentenceTerms: readonly (readonly string[])[],
  first = 0,
): FigureTables {
  const tables: FigureTables = { byTerm: new Map(), byPartner: new Map(), bySentence: new Map() };
  addToFigureTables(tables, figures, measureTerms, sentenceTerms, first);
  return tables;
}

/**
 * `figureTablesOf` from the figures' term lists as columns of ids over one dictionary (as a
 * snapshot keeps them: snapshot/term-columns.ts): the same tables, keys in the same order, made
 * without a Set of strings per figure — a restored engine makes them before its first answer.
 */
export function figureTablesOfColumns(
  figures: readonly Figure[],
  columns: {
    dictionary: readonly string[];
    measure: { at: Uint32Array; ids: Uint32Array };
    sentence: { at: Uint32Array; ids: Uint32Array };
  },
): FigureTables {
  const tables: FigureTables = { byTerm: new Map(), byPartner: new Map(), bySentence: new Map() };
  const { dictionary, measure, sentence } = columns;
  const byId: number[][] = new Array(dictionary.length);
  const firstUse: number[] = [];
  /** Per term id, the last figure filed under it: a figure's terms are counted once. */
  const last = new Int32Array(dictionary.length).fill(-1);
  const file = (group: { at: Uint32Array; ids: Uint32Array }, i: number) => {
    for (let j = group.at[i] as number; j < (group.at[i + 1] as number); j++) {
      const id = group.ids[j] as number;
      if (last[id] === i) continue;
      last[id] = i;
      const list = byId[id];
      if (list) list.push(i);
      else {
        byId[id] = [i];
        firstUse.push(id);
      }
    }
  };
  figures.forEach((f, i) => {
    addTo(tables.bySentence, sentenceKey(f), i);
    for (const p of f.partners) addTo(tables.byPartner, p, i);
    file(measure, i);
    file(sentence, i);
  });
  for (const id of firstUse) tables.byTerm.set(dictionary[id] as string, byId[id] as number[]);
  return tables;
}

/**
 * Files `figures` (numbered from `first`) into `tables`, after the figures there: run by run in
 * order, the same tables as `figureTablesOf` of them all.
 */
export function addToFigureTables(
  tables: FigureTables,
  figures: readonly Figure[],
  measureTerms: readonly (readonly string[])[],
  sentenceTerms: readonly (readonly string[])[],
  first: number,
): void {
  figures.forEach((f, n) => {
    const i = first + n;
    addTo(tables.bySentence, sentenceKey(f), i);
    for (const p of f.partners) addTo(tables.byPartner, p, i);
    for (const t of new Set([...(measureTerms[n] ?? []), ...(sentenceTerms[n] ?? [])])) {
      addTo(tables.byTerm, t, i);
    }
  });
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function assembleKnowledge(parts: KnowledgeParts): Knowledge {
  const articles = new Map(parts.articles.map((a) => [a.id, a]));
  let { passages, passagesByArticle } = parts.passageMaps ?? {};
  if (!passages || !passagesByArticle) {
    passages = new Map(parts.passages.map((p) => [p.id, p]));
    passagesByArticle = new Map<string, Passage[]>();
    for (const p of parts.passages) addTo(passagesByArticle, p.articleId, p);
  }

  let passageFrequency = parts.passageFrequency;
  if (!passageFrequency) {
    passageFrequency = new Map();
    for (const p of parts.passages) {
      for (const t of passageFrequencyTerms(p)) {
        passageFrequency.set(t, (passageFrequency.get(t) ?? 0) + 1);
      }
    }
  }
  let wordFrequency = parts.wordFrequency;
  if (!wordFrequency) {
    wordFrequency = new Map();
    for (const p of parts.passages) {
      for (const w of passageWords(p)) wordFrequency.set(w, (wordFrequency.get(w) ?? 0) + 1);
    }
  }
  let capitalisation = parts.capitalisation;
  if (!capitalisation) {
    capitalisation = new Map();
    for (const p of parts.passages) addCounts(capitalisation, passageCapitalisation(p), 1);
  }

  const figureMeasureTerms =
    parts.figureTerms?.measure ?? parts.figures.map((f) => figureMeasureTermsOf(f));
  const figureSentenceTerms =
    parts.figureTerms?.sentence ?? parts.figures.map((f) => figureSentenceTermsOf(f));
  const tables =
    (parts.figureTerms && parts.figureTables) ??
    figureTablesOf(parts.figures, figureMeasureTerms, figureSentenceTerms);

  const index =
    parts.index ??
    PassageIndex.build(
      parts.passages.map((p) => ({
        id: p.id,
        title: articles.get(p.articleId)?.title ?? "",
        text: p.text,
      })),
    );

  return {
    articles,
    passages,
    passagesByArticle,
    figures: parts.figures,
    officials: parts.officials,
    index,
    passageFrequency,
    wordFrequency,
    capitalisation,
    properNouns: properNounsOf(capitalisation),
    figuresByTerm: tables.byTerm,
    figuresByPartner: tables.byPartner,
    figureMeasureTerms,
    figureSentenceTerms,
    figuresBySentence: tables.bySentence,
    passageTermCache: new Map(),
    passageCountryCache: new Map(),
    articleCountryCache: new Map(),
    sentencePeriodCache: new Map(),
    sentenceTermCache: new Map(),
  };
}

/** A word capitalised in at least this share of its occurrences inside sentences is a name. */
const PROPER_SHARE = 0.9;

/**
 * How often each word of a passage stands inside a sentence (not after a full stop or an opening
 * quote), and how often capitalised there: [inside, capitalised].
 */
export function passageCapitalisation(
  p: Passage,
  passageWords = words(p.text),
): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  for (const w of passageWords) countCapitalisation(counts, p.text, w);
  return counts;
}

/** Counts one word of `text` into `passageCapitalisation`'s counts, if it counts there. */
export function countCapitalisation(
  counts: Map<string, [number, number]>,
  text: string,
  w: { word: string; start: number },
): void {
  if (!startsWithLetter(w.word)) return;
  const seen = capitalisationAt(text, w.start);
  if (seen === CAPITALISATION.uncounted) return;
  const c = counts.get(w.word) ?? [0, 0];
  c[0]++;
  if (seen === CAPITALISATION.capital) c[1]++;
  counts.set(w.word, c);
}

/** What the word of a letter starting at `start` of `text` tells of its word's capitalisation. */
export const CAPITALISATION = { uncounted: 0, lower: 1, capital: 2 } as const;

/** A word at a sentence's start says nothing of its case; inside one, capital or not. */
export function capitalisationAt(text: string, start: number): 0 | 1 | 2 {
  if (!insideSentence(text, start)) return CAPITALISATION.uncounted;
  return isCapital(text.charCodeAt(start), text.charAt(start))
    ? CAPITALISATION.capital
    : CAPITALISATION.lower;
}

// Ingest asks these of every word of the corpus: ASCII is answered by its code, the rest by the
// Unicode classes.
const LETTER_FIRST = /^\p{L}/u;
export const startsWithLetter = (word: string): boolean => {
  const code = word.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_FIRST.test(word);
};

const CAPITAL = /^\p{Lu}/u;
const isCapital = (code: number, char: string): boolean =>
  code < 128 ? code >= 65 && code <= 90 : CAPITAL.test(char);

const SPACE = /\s/;
const isSpace = (code: number, char: string): boolean =>
  code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(char);

/** Ends a sentence or opens a quote or bracket: a word after it starts something. */
const OPENS_SENTENCE = new Set([".", "!", "?", ":", '"', "“", "‘", "("]);

/**
 * Whether the word at `start` stands inside a sentence: neither first in the text nor after
 * sentence punctuation or an opening quote among the (up to three) characters before it, spaces
 * aside.
 */
function insideSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - 3);
  let i = start - 1;
  while (i >= from && isSpace(text.charCodeAt(i), text.charAt(i))) i--;
  return i >= from && !OPENS_SENTENCE.has(text.charAt(i));
}

/** Adds (sign 1) or takes away (sign -1) one passage's capitalisation counts. */
export function addCounts(
  into: Map<string, [number, number]>,
  counts: ReadonlyMap<string, readonly [number, number]>,
  sign: 1 | -1,
): void {
  for (const [word, [all, capital]] of counts) {
    const had = into.get(word);
    const c = had ?? [0, 0];
    c[0] += sign * all;
    c[1] += sign * capital;
    // A word counted already is changed in place: one look-up, not two.
    if (c[0] <= 0) into.delete(word);
    else if (!had) into.set(word, c);
  }
}

/** The words written capitalised inside sentences nearly always: names rather than words. */
function properNounsOf(
  capitalisation: ReadonlyMap<string, readonly [number, number]>,
): Set<string> {
  const proper = new Set<string>();
  for (const [word, [all, capital]] of capitalisation) {
    if (word.length > 2 && capital / all >= PROPER_SHARE) proper.add(word);
  }
  return proper;
}

/** The terms a passage counts once toward `passageFrequency`. */
export const passageFrequencyTerms = (p: Passage, passageWords = words(p.text)): Set<string> =>
  new Set(contentTermsOfWords(passageWords));

/** The words (as written, lower-case) a passage counts once toward `wordFrequency`. */
export const passageWords = (p: Passage, passageWords = words(p.text)): Set<string> => {
  const set = new Set<string>();
  for (const { word } of passageWords) if (startsWithLetter(word)) set.add(word);
  return set;
};

/** A figure's stemmed measure terms, as `figureMeasureTerms` holds them. */
export const figureMeasureTermsOf = (f: Figure): string[] => [
  ...new Set(contentTerms(f.measure ?? "")),
];

/** A figure's stemmed sentence terms, as `figureSentenceTerms` holds them. */
export const figureSentenceTermsOf = (f: Figure): string[] => [
  ...new Set(contentTerms(f.sentence)),
];

export const sentenceKey = (f: { articleId: string; sentenceStart: number }) =>
  `${f.articleId}:${f.sentenceStart}`;

const PASSAGE_TERMS_CACHED = 5000;

/**
 * A passage's stemmed terms (and its article title's), for judging a sentence in its context.
 * Computed on demand and cached, since a question looks at a few dozen passages at most.
 */
export function passageTerms(k: Knowledge, passageId: string): TermSet {
  const counted = passageTermsFromColumns(k, passageId);
  if (counted) return counted;
  return memo(k.passageTermCache, passageId, () => {
    const p = k.passages.get(passageId);
    const title = p ? (k.articles.get(p.articleId)?.title ?? "") : "";
    return new Set(contentTerms(`${title} ${p?.text ?? ""}`));
  });
}

/** A small memo: questions look at a few dozen passages, the same ones again and again. */
function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= PASSAGE_TERMS_CACHED) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * The countries a passage names, by canonical name; with `withTitle`, those of its article's title
 * too (context for a sentence), without it only the passage's own (whose figure it is).
 */
export function passageCountries(
  k: Knowledge,
  passageId: string,
  withTitle = true,
): ReadonlySet<string> {
  return memo(k.passageCountryCache, withTitle ? passageId : `${passageId}|own`, () => {
    const p = k.passages.get(passageId);
    const title = p && withTitle ? (k.articles.get(p.articleId)?.title ?? "") : "";
    return new Set(findCountries(`${title} ${p?.text ?? ""}`).map((c) => c.country));
  });
}

/** A sentence's stemmed terms. */
export function sentenceTerms(k: Knowledge, articleId: string, s: Sentence): ReadonlySet<string> {
  return memo(k.sentenceTermCache, `${articleId}:${s.start}`, () => new Set(contentTerms(s.text)));
}

/** The periods a sentence names. */
export function sentencePeriods(
  k: Knowledge,
  articleId: string,
  s: Sentence,
): readonly PeriodMention[] {
  return memo(k.sentencePeriodCache, `${articleId}:${s.start}`, () => findPeriods(s.text));
}

/** Inverse passage frequency: rare terms say more about what is asked. */
export function termWeight(k: Knowledge, term: string): number {
  const n = k.passages.size || 1;
  const df = k.passageFrequency.get(term) ?? 0;
  return Math.log(1 + (n + 1) / (df + 0.5));
}

/** The countries an article's title names. */
export function titleCountries(k: Knowledge, articleId: string): ReadonlySet<string> {
  const title = k.articles.get(articleId)?.title ?? "";
  let found = TITLE_COUNTRIES.get(title);
  if (!found) {
    found = new Set(findCountries(title).map((c) => c.country));
    if (TITLE_COUNTRIES.size > 20_000) TITLE_COUNTRIES.clear();
    TITLE_COUNTRIES.set(title, found);
  }
  return found;
}

const TITLE_COUNTRIES = new Map<string, ReadonlySet<string>>();

/** The countries any passage of an article names (its title included). */
export function articleCountries(k: Knowledge, articleId: string): ReadonlySet<string> {
  return memo(k.articleCountryCache, articleId, () => {
    const set = new Set<string>();
    for (const p of k.passagesByArticle.get(articleId) ?? []) {
      for (const c of passageCountries(k, p.id)) set.add(c);
    }
    return set;
  });
}

/**
 * Whether any passage names the country, by its name, adjective or abbreviation: read off the
 * term counts, so it costs the same whatever the size of the corpus.
 */
export function corpusNamesCountry(k: Knowledge, country: string): boolean {
  return countryForms(country).some((form) => {
    const terms = contentTerms(form);
    return terms.length > 0 && terms.every((t) => (k.passageFrequency.get(t) ?? 0) > 0);
  });
}
