import MiniSearch, { type Options, type SearchResult } from "minisearch";
import { words } from "../text/terms";
import { INDEXED_FIELDS, indexTerm } from "./index-terms";
import {
  makeDocumentTablesWhole,
  type PackedIndex,
  packedFieldLengths,
  packIndex,
  unpackInto,
} from "./packed-index";
import { RankedSearch } from "./ranked-search";

/**
 * Full-text search over passages with MiniSearch. All options live here, in one place:
 *
 * - `fields: ["title", "text"]`: a passage is found by its own words and by its article's title.
 * - `tokenize`: the shared `words()` so that `U.S.`, `IT-enabled` and `Pakistan’s` split the same way
 *   in articles and in questions.
 * - `processTerm`: stop words are not indexed (a smaller index that loads faster, and queries that do
 *   not wade through postings of "the"); the rest are stemmed with the shared `stem()`.
 * - Queries: AND over the question's topic terms first (few, precise candidates), OR only when AND
 *   finds too few. No fuzzy or prefix matching: the stemmer already folds word forms, and fuzzy
 *   expansion is what makes bare MiniSearch slow on a large vocabulary.
 * - `boost: { text: 2 }`: a passage's own words count more than its title's.
 */
export interface IndexedPassage {
  id: string;
  title: string;
  text: string;
}

export const INDEX_OPTIONS: Options<IndexedPassage> = {
  idField: "id",
  fields: [...INDEXED_FIELDS],
  storeFields: [],
  tokenize: (text) => words(text).map((w) => w.word),
  processTerm: indexTerm,
  searchOptions: {
    boost: { text: 2 },
    prefix: false,
    fuzzy: false,
  },
};

export interface PassageHit {
  id: string;
  score: number;
}

export class PassageIndex {
  private readonly ranked: RankedSearch;

  private constructor(
    private readonly search: MiniSearch<IndexedPassage>,
    fieldLengths: Float64Array[] | null = null,
  ) {
    this.ranked = new RankedSearch(search as MiniSearch<unknown>, fieldLengths);
  }

  static build(passages: Iterable<IndexedPassage>): PassageIndex {
    const index = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
    for (const p of passages) index.add(p);
    return new PassageIndex(index);
  }

  static fromJSON(json: string): PassageIndex {
    return new PassageIndex(MiniSearch.loadJSON<IndexedPassage>(json, INDEX_OPTIONS));
  }

  static fromObject(object: unknown): PassageIndex {
    // loadJS takes the parsed form, so the snapshot is parsed once as a whole.
    return new PassageIndex(
      MiniSearch.loadJS<IndexedPassage>(
        object as Parameters<typeof MiniSearch.loadJS>[0],
        INDEX_OPTIONS,
      ),
    );
  }

  toJSON(): unknown {
    return this.search.toJSON();
  }

  /** The index as flat arrays, for the snapshot (see packed-index.ts). */
  pack(): PackedIndex {
    return packIndex(this.search);
  }

  /** The index of `pack()`, searching the arrays in place rather than rebuilding MiniSearch's maps. */
  static fromPack(pack: PackedIndex): PassageIndex {
    return new PassageIndex(
      unpackInto(new MiniSearch<IndexedPassage>(INDEX_OPTIONS), pack),
      packedFieldLengths(pack),
    );
  }

  /** Works out now what the first passage added or removed would work out then. */
  prepareForChanges(): void {
    makeDocumentTablesWhole(this.search as MiniSearch<unknown>);
  }

  /** Indexes more passages in place (an article added while the bot runs). */
  add(passages: Iterable<IndexedPassage>): void {
    for (const p of passages) this.search.add(p);
    this.ranked.changed();
  }

  /**
   * Takes passages out of the index in place, postings and all, as they were indexed: the index
   * stays as if built without them, so searches keep their fast path (`RankedSearch`), which a
   * discarded passage's leftover postings would turn off until a vacuum.
   */
  remove(passages: Iterable<IndexedPassage>): void {
    for (const p of passages) if (this.search.has(p.id)) this.search.remove(p);
    this.ranked.changed();
  }

  /**
   * Takes passages out of the index in place, at once for searches; MiniSearch cleans its
   * postings up later, in the background.
   */
  discard(ids: Iterable<string>): void {
    for (const id of ids) if (this.search.has(id)) this.search.discard(id);
    this.ranked.changed();
  }

  get size(): number {
    return this.search.documentCount;
  }

  /**
   * The best passages for a list of topic terms (already free of stop words): AND first, then OR
   * over `looseTerms` (by default the same) when AND yields fewer than `limit`. Callers pass the
   * rarer terms as `looseTerms`: an OR over a word in every other passage costs the most and
   * ranks nothing.
   */
  find(terms: string[], limit: number, looseTerms: string[] = terms): PassageHit[] {
    if (terms.length === 0) return [];
    const take = (results: SearchResult[]) =>
      results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score }));
    // The same hits either way; the ranked search skips the passages that cannot make the list.
    const fast = this.ranked.usable();
    const strict = fast
      ? this.ranked.and(terms.join(" "), limit)
      : take(this.search.search(terms.join(" "), { combineWith: "AND" }));
    if (strict.length >= limit || looseTerms.length === 0) return strict;
    const seen = new Set(strict.map((h) => h.id));
    const loose = (
      fast
        ? this.ranked.or(looseTerms.join(" "), limit)
        : take(this.search.search(looseTerms.join(" "), { combineWith: "OR" }))
    ).filter((h) => !seen.has(h.id));
    return [...strict, ...loose].slice(0, limit);
  }
}
