/**
 * A Map whose entries are made on first use: `get` and `has` make only the entry asked for, and
 * anything that sees every entry (iteration, a change) makes all of them first, in key order.
 * A snapshot's 100,000 passages (and their 500,000 sentences) cost a third of a restore and 70 MB
 * when made up front; a question reads a few dozen of them. Keys are strings unless said (the
 * packed index's tables are keyed by MiniSearch's numeric short ids).
 */
export class LazyMap<V, K = string> extends Map<K, V> {
  readonly #make: (key: K) => V | undefined;
  readonly #keys: () => Iterable<K>;
  readonly #count: number;
  #complete = false;

  /**
   * `make(key)`: the value of `key`, or undefined when there is none; `keys()`: every key in
   * order, `count` of them.
   */
  constructor(make: (key: K) => V | undefined, keys: () => Iterable<K>, count: number) {
    super();
    this.#make = make;
    this.#keys = keys;
    this.#count = count;
  }

  override get(key: K): V | undefined {
    let value = super.get(key);
    if (value === undefined && !this.#complete) {
      value = this.#make(key);
      if (value !== undefined) super.set(key, value);
    }
    return value;
  }

  override has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  override get size(): number {
    return this.#complete ? super.size : this.#count;
  }

  /** Makes every entry now, ahead of a change that would make them all then. */
  makeWhole(): void {
    this.#fill();
  }

  /** Makes every entry, in key order. */
  #fill(): void {
    if (this.#complete) return;
    const entries: [K, V][] = [];
    // Made here without storing each first (`get` would): a whole table is made at once.
    for (const key of this.#keys()) {
      const value = super.get(key) ?? this.#make(key);
      if (value !== undefined) entries.push([key, value]);
    }
    super.clear();
    for (const [key, value] of entries) super.set(key, value);
    this.#complete = true;
  }

  override set(key: K, value: V): this {
    this.#fill();
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.#fill();
    return super.delete(key);
  }

  override clear(): void {
    this.#fill();
    super.clear();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, self?: unknown): void {
    this.#fill();
    super.forEach(fn, self);
  }

  override keys(): MapIterator<K> {
    this.#fill();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.#fill();
    return super.values();
  }

  override entries(): MapIterator<[K, V]> {
    this.#fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
