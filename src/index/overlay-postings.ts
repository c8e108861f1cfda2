/**
 * A packed term's postings in one field, open to change: what MiniSearch is handed when it adds
 * or removes a document of that term (an article added while the bot runs). Copying the packed
 * postings into a Map first cost the first article added at 100,000 passages ~300 ms (a common
 * term's Map of 60,000 documents, built to change one entry); here the packed entries stay where
 * they are and only the changes are kept beside them.
 *
 * It behaves as the Map copy would, order included (MiniSearch orders ties by it): packed
 * documents in their order, then documents added, in the order added. A packed document deleted
 * and set again goes to the end, as a Map deletion and insertion would put it.
 */
export class OverlayPostings implements Map<number, number> {
  /** Packed documents deleted. */
  readonly #dead = new Set<number>();
  /** New frequencies of packed documents still present. */
  readonly #changed = new Map<number, number>();
  /** Documents not (or no longer) among the packed ones, in the order set. */
  readonly #added = new Map<number, number>();

  constructor(private readonly packed: ReadonlyMap<number, number>) {}

  #livePacked(doc: number): boolean {
    return !this.#dead.has(doc) && this.packed.has(doc);
  }

  get size(): number {
    return this.packed.size - this.#dead.size + this.#added.size;
  }

  get(doc: number): number | undefined {
    const added = this.#added.get(doc);
    if (added !== undefined) return added;
    if (this.#dead.has(doc)) return undefined;
    return this.#changed.get(doc) ?? this.packed.get(doc);
  }

  has(doc: number): boolean {
    return this.get(doc) !== undefined;
  }

  set(doc: number, freq: number): this {
    if (!this.#added.has(doc) && this.#livePacked(doc)) this.#changed.set(doc, freq);
    else this.#added.set(doc, freq);
    return this;
  }

  delete(doc: number): boolean {
    if (this.#added.delete(doc)) return true;
    if (!this.#livePacked(doc)) return false;
    this.#dead.add(doc);
    this.#changed.delete(doc);
    return true;
  }

  clear(): void {
    for (const doc of this.packed.keys()) this.#dead.add(doc);
    this.#changed.clear();
    this.#added.clear();
  }

  *entries(): MapIterator<[number, number]> {
    for (const [doc, freq] of this.packed) {
      if (!this.#dead.has(doc)) yield [doc, this.#changed.get(doc) ?? freq];
    }
    yield* this.#added.entries();
  }

  *keys(): MapIterator<number> {
    for (const [doc] of this.entries()) yield doc;
  }

  *values(): MapIterator<number> {
    for (const [, freq] of this.entries()) yield freq;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(fn: (freq: number, doc: number, map: Map<number, number>) => void): void {
    for (const [doc, freq] of this.entries()) fn(freq, doc, this);
  }

  get [Symbol.toStringTag](): string {
    return "Map";
  }
}
