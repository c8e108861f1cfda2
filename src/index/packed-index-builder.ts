import { Dictionary } from "../text/dictionary";
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
  readonly #terms = new Dictionary();
  /**
   * The batches as filed, each with its terms' ids: the postings are laid out once, at `pack`,
   * from these and the count per row (`term * F + field`), rather than pushed one by one into
   * a growing list per row.
   */
  readonly #batches: { data: Uint32Array; termOf: Int32Array; firstDoc: number }[] = [];
  #rowCounts = new Uint32Array(1024);
  readonly #documentIds: string[] = [];
  readonly #seen = new Set<string>();
  readonly #fieldLengths: number[] = [];
  readonly #averageFieldLength: number[] = [];

  /** Files the passages `ids`, whose terms `batch` holds in the same order. */
  file(ids: readonly string[], batch: IndexTermsBatch): void {
    const { vocabulary, data } = batch;
    // Each term of the batch looked up once, on its first use.
    const termOf = new Int32Array(vocabulary.length).fill(-1);
    const firstDoc = this.#documentIds.length;
    // Every id checked before any is filed: a refused batch leaves nothing half-counted.
    const fresh = new Set<string>();
    for (const id of ids) {
      if (this.#seen.has(id) || fresh.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
      fresh.add(id);
    }
    let at = 0;
    for (const id of ids) {
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
          const place = data[at] as number;
          at += 2;
          let term = termOf[place] as number;
          if (term === -1) {
            term = this.#termId(vocabulary[place] as string);
            termOf[place] = term;
          }
          const row = term * this.#fields + field;
          this.#rowCounts[row] = (this.#rowCounts[row] as number) + 1;
        }
      }
    }
    if (at !== data.length) throw new Error("Tijarat: index terms do not match their passages");
    this.#batches.push({ data, termOf, firstDoc });
  }

  #termId(term: string): number {
    const id = this.#terms.numberOf(term);
    const rows = this.#terms.size * this.#fields;
    if (rows > this.#rowCounts.length) {
      const grown = new Uint32Array(Math.max(rows, this.#rowCounts.length * 2));
      grown.set(this.#rowCounts);
      this.#rowCounts = grown;
    }
    return id;
  }

  /** The pack of every passage filed. */
  pack(): PackedIndex {
    const rows = this.#terms.size * this.#fields;
    const ranges = new Uint32Array(rows + 1);
    for (let row = 0; row < rows; row++) {
      ranges[row + 1] = (ranges[row] as number) + (this.#rowCounts[row] as number);
    }
    const total = ranges[rows] as number;
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    // Each row filled in filing order: documents ascending, as MiniSearch's postings.
    const next = ranges.slice(0, rows);
    for (const { data, termOf, firstDoc } of this.#batches) {
      let at = 0;
      for (let doc = firstDoc; at < data.length; doc++) {
        for (let field = 0; field < this.#fields; field++) {
          at++;
          const terms = data[at++] as number;
          for (let t = 0; t < terms; t++) {
            const row = (termOf[data[at] as number] as number) * this.#fields + field;
            const slot = next[row] as number;
            next[row] = slot + 1;
            docs[slot] = doc;
            freqs[slot] = data[at + 1] as number;
            at += 2;
          }
        }
      }
    }
    const count = this.#documentIds.length;
    return {
      meta: {
        documentCount: count,
        nextId: count,
        fieldIds: Object.fromEntries(INDEXED_FIELDS.map((field, i) => [field, i])),
        averageFieldLength: [...this.#averageFieldLength],
        dirtCount: 0,
        documentIds: [...this.#documentIds],
        terms: [...this.#terms.strings],
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
