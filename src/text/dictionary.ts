/**
 * Strings numbered in order of first sight: the term tables that ingest, the index and the
 * snapshot keep as typed arrays of numbers over one list of strings.
 */
export class Dictionary {
  readonly strings: string[] = [];
  readonly #numbers = new Map<string, number>();

  /** How many strings are numbered. */
  get size(): number {
    return this.strings.length;
  }

  /** The string's number, given it now if it has none. */
  numberOf(text: string): number {
    let n = this.#numbers.get(text);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(text);
      this.#numbers.set(text, n);
    }
    return n;
  }
}
