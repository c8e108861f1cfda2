import { INDEXED_FIELDS, type IndexTermsBatch } from "./index-terms";
import type { PackedIndex } from "./packed-index";

/**
 * Builds the packed index (packed-index.ts) of passages straight from their index terms
 * (`IndexTermsWriter` batches, in corpus order), never making MiniSearch's maps: at 100,000
 * passages, filing seven million postings into nested Maps was a quarter of ingest's CPU and
 * most of its heap, only for the snapshot to pack them into arrays again.
 *
 * The pack is the one `packIndex` makes of a MiniSearch that `add`ed the same passages in the
 * same order: the same short ids, field lengths, average field lengths (MiniSearch's running
 * average, operation for operation), terms and postings. Only the order of the terms' rows
 * differs (first use here, the radix tree's order there), which no search reads.
 */
export class PackedIndexBuilder {
  readonly #fields = INDEXED_FIELDS.length;
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  /** Per term and field (`term * F + field`): document, frequency, document, frequency, … */
  readonly #postings: number[][] = [];
  readonly #documentIds: string[] = [];
  readonly #seen = new Set<string>();
  readonly #fieldLengths: number[] = [];
  readonly #averageFieldLength: number[] = [];

  /** Files the passages `ids`, whose terms `batch` holds in the same order. */
  file(ids: readonly string[], batch: IndexTermsBatch): void {
    const { vocabulary, data } = batch;
    // Each term of the batch looked up once, on its first use.
    const termOf = new Int32Array(vocabulary.length).fill(-1);
    let at = 0;
    for (const id of ids) {
      if (this.#seen.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
      this.#seen.add(id);
      const doc = this.#documentIds.length;
      this.#documentIds.push(id);
      this.#fieldLengths.push(doc);
      for (let field = 0; field < this.#fields; field++) {
        const length = data[at++] as number;
        this.#fieldLengths.push(length);
        // MiniSearch's addFieldLength, with `count` the documents before this one.
        const average = this.#averageFieldLength[field] || 0;
        this.#averageFieldLength[field] = (average * doc + length) / (doc + 1);
        const terms = data[at++] as number;
        for (let t = 0; t < terms; t++) {
          const place = data[at++] as number;
          const count = data[at++] as number;
          let term = termOf[place] as number;
          if (term === -1) {
            term = this.#termId(vocabulary[place] as string);
            termOf[place] = term;
          }
          const list = this.#postings[term * this.#fields + field] as number[];
          // A passage's terms come counted, once each per field: never the same document twice.
          list.push(doc, count);
        }
      }
    }
    if (at !== data.length) throw new Error("Tijarat: index terms do not match their passages");
  }

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#terms.push(term);
      this.#termIds.set(term, id);
      for (let f = 0; f < this.#fields; f++) this.#postings.push([]);
    }
    return id;
  }

  /** The pack of every passage filed. */
  pack(): PackedIndex {
    let total = 0;
    for (const list of this.#postings) total += list.length / 2;
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    const ranges = new Uint32Array(this.#postings.length + 1);
    let at = 0;
    this.#postings.forEach((list, row) => {
      for (let i = 0; i < list.length; i += 2) {
        docs[at] = list[i] as number;
        freqs[at] = list[i + 1] as number;
        at++;
      }
      ranges[row + 1] = at;
    });
    const count = this.#documentIds.length;
    return {
      meta: {
        documentCount: count,
        nextId: count,
        fieldIds: Object.fromEntries(INDEXED_FIELDS.map((field, i) => [field, i])),
        averageFieldLength: [...this.#averageFieldLength],
        dirtCount: 0,
        documentIds: [...this.#documentIds],
        terms: [...this.#terms],
        ascending: true,
      },
      shortIds: Uint32Array.from(this.#documentIds, (_, i) => i),
      fieldLengths: Uint32Array.from(this.#fieldLengths),
      ranges,
      docs,
      freqs,
    };
  }
}
