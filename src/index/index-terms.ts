import type MiniSearch from "minisearch";
import { STOP_WORDS, stem } from "../text/terms";

/**
 * A passage's search terms, worked out where the passage is read (an ingest worker, which has
 * its words in hand already) and filed into the index by the thread that builds it, which then
 * neither splits nor stems a word of the corpus. The index comes out exactly as if each passage
 * had been `add`ed: the same documents, field lengths, terms and counts, created in the same
 * order (see `fileIndexTerms`).
 *
 * A batch crosses threads as a few strings and one typed array: each distinct term of the batch
 * once (`vocabulary`), then per passage and field, in `INDEXED_FIELDS` order: the field's count of
 * distinct words (MiniSearch's field length), its count of distinct terms, and for each term in
 * order of first use its place in `vocabulary` and how often it occurs.
 */

/** The fields a passage is indexed by, in the order MiniSearch numbers them. */
export const INDEXED_FIELDS = ["title", "text"] as const;

/** A word as the index holds it (MiniSearch's `processTerm`): stop words are left out (null). */
export const indexTerm = (word: string): string | null =>
  STOP_WORDS.has(word) ? null : stem(word);

export interface IndexTermsBatch {
  vocabulary: string[];
  data: Uint32Array;
}

/** A field's encoding: see the module comment. Reusable for every passage of one title. */
export type EncodedField = readonly number[];

export class IndexTermsWriter {
  private readonly vocabulary: string[] = [];
  private readonly places = new Map<string, number>();
  private readonly data: number[] = [];

  /** A field's words (as `words()` gives them, tokenised) encoded for this batch. */
  field(tokens: readonly string[]): EncodedField {
    const counts = new Map<string, number>();
    for (const token of tokens) {
      const term = indexTerm(token);
      if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const encoded = [new Set(tokens).size, counts.size];
    for (const [term, count] of counts) {
      let place = this.places.get(term);
      if (place === undefined) {
        place = this.vocabulary.length;
        this.vocabulary.push(term);
        this.places.set(term, place);
      }
      encoded.push(place, count);
    }
    return encoded;
  }

  /** The next passage's fields, in `INDEXED_FIELDS` order. */
  passage(fields: readonly EncodedField[]): void {
    for (const field of fields) for (const n of field) this.data.push(n);
  }

  done(): IndexTermsBatch {
    return { vocabulary: this.vocabulary, data: Uint32Array.from(this.data) };
  }
}

/** The parts of MiniSearch's `add` that file a document (kept `@ignore`/private in its types). */
interface MiniSearchInternals {
  _idToShortId: Map<unknown, number>;
  _documentCount: number;
  _index: {
    fetch(
      term: string,
      initial: () => Map<number, Map<number, number>>,
    ): Map<number, Map<number, number>>;
  };
  addDocumentId(id: unknown): number;
  saveStoredFields(shortId: number, document: unknown): void;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

/**
 * Files a batch into `search` as MiniSearch's `add` (minisearch 7.2) would file each passage
 * `ids[i]`: a term occurring n times is counted n at once rather than fetched n times, which
 * leaves every map as counting one by one would (the document's place in a term's map is set on
 * first use either way).
 */
export function fileIndexTerms(
  search: MiniSearch<unknown>,
  ids: readonly string[],
  batch: IndexTermsBatch,
): void {
  const ms = search as unknown as MiniSearchInternals;
  const { vocabulary, data } = batch;
  const createMap = () => new Map<number, Map<number, number>>();
  // Each term's postings, looked up in the radix tree on its first use in the batch only: the
  // same lookups in the same order as filing one use at a time (a term's postings stay the same
  // object however the tree grows).
  const postings: (Map<number, Map<number, number>> | undefined)[] = new Array(vocabulary.length);
  let at = 0;
  for (const id of ids) {
    if (ms._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    const shortId = ms.addDocumentId(id);
    ms.saveStoredFields(shortId, { id });
    for (let fieldId = 0; fieldId < INDEXED_FIELDS.length; fieldId++) {
      ms.addFieldLength(shortId, fieldId, ms._documentCount - 1, data[at++] as number);
      const terms = data[at++] as number;
      for (let t = 0; t < terms; t++) {
        const place = data[at++] as number;
        const count = data[at++] as number;
        let indexData = postings[place];
        if (indexData === undefined) {
          indexData = ms._index.fetch(vocabulary[place] as string, createMap);
          postings[place] = indexData;
        }
        const fieldIndex = indexData.get(fieldId);
        if (fieldIndex == null) indexData.set(fieldId, new Map([[shortId, count]]));
        else fieldIndex.set(shortId, (fieldIndex.get(shortId) ?? 0) + count);
      }
    }
  }
  if (at !== data.length) throw new Error("Tijarat: index terms do not match their passages");
}
