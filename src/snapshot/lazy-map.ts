/**
 * A Map whose entries are made on first use: `get` and `has` make only the entry asked for, and
 * anything that sees every entry (iteration, a change) makes all of them first, in key order.
 * A snapshot's 100,000 passages (and their 500,000 sentences) cost a third of a restore and 70 MB
 * when made up front; a question reads a few dozen of them.
 */
export class LazyMap<V> extends Map<string, V> {
  readonly #make: (key: string) => V | undefined;
  readonly #keys: () => Iterable<string>;
  readonly #count: number;
  #complete = false;

  /**
   * `make(key)`: the value of `key`, or undefined when there is none; `keys()`: every key in
   * order, `count` of them.
   */
  constructor(make: (key: string) => V | undefined, keys: () => Iterable<string>, count: number) {
    super();
    this.#make = make;
    this.#keys = keys;
    this.#count = count;
  }

  override get(key: string): V | undefined {
    let value = super.get(key);
    if (value === undefined && !this.#complete) {
      value = this.#make(key);
      if (value !== undefined) super.set(key, value);
    }
    return value;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  override get size(): number {
    return this.#complete ? super.size : this.#count;
  }

  /** Makes every entry, in key order. */
  #fill(): void {
    if (this.#complete) return;
    const entries: [string, V][] = [];
    for (const key of this.#keys()) {
      const value = this.get(key);
      if (value !== undefined) entries.push([key, value]);
    }
    super.clear();
    for (const [key, value] of entries) super.set(key, value);
    this.#complete = true;
  }

  override set(key: string, value: V): this {
    this.#fill();
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.#fill();
    return super.delete(key);
  }

  override clear(): void {
    this.#fill();
    super.clear();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, self?: unknown): void {
    this.#fill();
    super.forEach(fn, self);
  }

  override keys(): MapIterator<string> {
    this.#fill();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.#fill();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    this.#fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
