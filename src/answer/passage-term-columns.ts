import { Dictionary } from "../text/dictionary";
import type { TermSet } from "../text/synonyms";
import { contentTerms } from "../text/terms";
import type { Knowledge } from "./knowledge";

/**
 * Each passage's content terms — its article title's included, as `passageTerms` takes them — as
 * numbers over one dictionary, counted at ingest where the passage's words are read anyway (and
 * kept in the snapshot), so that weighing a passage at question time is a look-up rather than
 * splitting and stemming its text. On a large corpus a figure question weighs up to 120 figures
 * in passages it has never read: their terms were a quarter of its time.
 *
 * Passages are numbered in corpus order, article by article; `articleFirst[a]` is the number of
 * article a's first passage (one more entry, past the last). Terms of passage n are
 * `ids[at[n] .. at[n + 1]]`, in no order: a passage holds a few dozen, read straight through.
 */
export interface PassageTermColumns {
  dictionary: readonly string[];
  articleIds: readonly string[];
  articleFirst: Uint32Array;
  at: Uint32Array;
  ids: Uint32Array;
}

/** The look-ups the columns need, made on first use and shared by every knowledge they serve. */
interface ColumnMaps {
  numbers: Map<string, number> | null;
  places: Map<string, number> | null;
}

/** The columns of a knowledge, with the look-ups they need made on first use. */
class PassageTermLookup {
  /**
   * `stale`: articles changed since the columns were counted, whose passages are read again;
   * `maps`: those of the knowledge the columns came from, when carried over a live update.
   */
  constructor(
    readonly columns: PassageTermColumns,
    readonly stale: ReadonlySet<string> = new Set(),
    readonly maps: ColumnMaps = { numbers: null, places: null },
  ) {}

  /** Where the passage's terms are in `ids`, or null when the columns do not hold it. */
  private range(articleId: string, index: number): [number, number] | null {
    if (this.stale.has(articleId)) return null;
    this.maps.places ??= new Map(this.columns.articleIds.map((id, i) => [id, i]));
    const place = this.maps.places.get(articleId);
    if (place === undefined || !Number.isInteger(index) || index < 0) return null;
    const { articleFirst, at } = this.columns;
    const n = (articleFirst[place] as number) + index;
    if (n >= (articleFirst[place + 1] as number)) return null;
    return [at[n] as number, at[n + 1] as number];
  }

  /** The passage's terms, or null when the columns do not hold it. */
  termsOf(articleId: string, index: number): TermSet | null {
    const range = this.range(articleId, index);
    if (!range) return null;
    const [from, to] = range;
    const ids = this.columns.ids;
    return {
      has: (term: string) => {
        this.maps.numbers ??= new Map(this.columns.dictionary.map((t, i) => [t, i]));
        const number = this.maps.numbers.get(term);
        if (number === undefined) return false;
        for (let j = from; j < to; j++) if (ids[j] === number) return true;
        return false;
      },
    };
  }

  /** The passage's terms as strings, or null when the columns do not hold it. */
  termsList(articleId: string, index: number): string[] | null {
    const range = this.range(articleId, index);
    if (!range) return null;
    const { dictionary, ids } = this.columns;
    return [...ids.subarray(range[0], range[1])].map((n) => dictionary[n] as string);
  }
}

const LOOKUPS = new WeakMap<Knowledge, PassageTermLookup>();

/** Says that `k`'s passages have the terms `columns` give them. */
export function usePassageTermColumns(k: Knowledge, columns: PassageTermColumns): void {
  LOOKUPS.set(k, new PassageTermLookup(columns));
}

/**
 * After a live update from `before` to `after`: the columns still hold every passage of the
 * articles not changed (`changed`: the article removed, replaced or added), which are read again.
 */
export function carryPassageTermColumns(
  before: Knowledge,
  after: Knowledge,
  changed: string,
): void {
  const lookup = LOOKUPS.get(before);
  if (!lookup) return;
  LOOKUPS.set(
    after,
    new PassageTermLookup(lookup.columns, new Set([...lookup.stale, changed]), lookup.maps),
  );
}

/** The passage's terms from the columns, or null when they do not hold it. */
export function passageTermsFromColumns(k: Knowledge, passageId: string): TermSet | null {
  const lookup = LOOKUPS.get(k);
  if (!lookup) return null;
  const hash = passageId.lastIndexOf("#");
  if (hash < 0) return null;
  // Only an id as passages are named (`article#3`): `article#3.0` is no passage of the columns.
  const written = passageId.slice(hash + 1);
  const index = Number(written);
  if (String(index) !== written) return null;
  return lookup.termsOf(passageId.slice(0, hash), index);
}

/**
 * The columns of every passage of `k`, in the order of `k.articles`: taken from the columns `k`
 * has where they hold the passage, worked out from its text where not (for the snapshot).
 */
export function passageTermColumnsOf(k: Knowledge): PassageTermColumns {
  const lookup = LOOKUPS.get(k);
  if (lookup && lookup.stale.size === 0 && holdsEvery(lookup.columns, k)) return lookup.columns;
  const dictionary = new Dictionary();
  const articleIds = [...k.articles.keys()];
  const articleFirst = new Uint32Array(articleIds.length + 1);
  const at: number[] = [];
  const ids: number[] = [];
  articleIds.forEach((articleId, a) => {
    articleFirst[a] = at.length;
    const title = k.articles.get(articleId)?.title ?? "";
    const titleTerms = contentTerms(title);
    const passages = [...(k.passagesByArticle.get(articleId) ?? [])].sort(
      (p, q) => p.index - q.index,
    );
    for (const [position, p] of passages.entries()) {
      // Passage n of an article is its n-th: the columns find a passage by its index.
      if (p.index !== position)
        throw new Error(`Tijarat: passages of ${articleId} are not numbered in order`);
      at.push(ids.length);
      const kept = lookup?.termsList(articleId, p.index);
      const terms = kept ?? new Set([...titleTerms, ...contentTerms(p.text)]);
      for (const t of terms) ids.push(dictionary.numberOf(t));
    }
  });
  articleFirst[articleIds.length] = at.length;
  at.push(ids.length);
  return {
    dictionary: dictionary.strings,
    articleIds,
    articleFirst,
    at: Uint32Array.from(at),
    ids: Uint32Array.from(ids),
  };
}

/** Whether the columns hold every passage of `k`, its articles in the same order. */
function holdsEvery(columns: PassageTermColumns, k: Knowledge): boolean {
  if (columns.articleIds.length !== k.articles.size) return false;
  let a = 0;
  for (const id of k.articles.keys()) {
    if (columns.articleIds[a] !== id) return false;
    const count = (columns.articleFirst[a + 1] as number) - (columns.articleFirst[a] as number);
    if ((k.passagesByArticle.get(id)?.length ?? 0) !== count) return false;
    a++;
  }
  return true;
}
