import { Dictionary } from "../text/dictionary";
import { STOP_WORDS, stem } from "../text/terms";

/**
 * A passage's search terms, worked out where the passage is read (an ingest worker, which has
 * its words in hand already) and filed into the index by the thread that builds it, which then
 * neither splits nor stems a word of the corpus. The index comes out exactly as if each passage
 * had been `add`ed: the same documents, field lengths, terms and counts (see
 * packed-index-builder.ts).
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
  private readonly vocabulary = new Dictionary();
  private readonly data: number[] = [];

  /** A field's words (as `words()` gives them, tokenised) encoded for this batch. */
  field(tokens: readonly string[]): EncodedField {
    const counts = new Map<string, number>();
    for (const token of tokens) {
      const term = indexTerm(token);
      if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return this.counted(new Set(tokens).size, counts);
  }

  /**
   * A field encoded from its count of distinct words and its terms' counts (in order of first
   * use), for a reader that has counted them already.
   */
  counted(distinctWords: number, counts: ReadonlyMap<string, number>): EncodedField {
    const encoded = [distinctWords, counts.size];
    for (const [term, count] of counts) encoded.push(this.placeOf(term), count);
    return encoded;
  }

  /** Per number of a term in `numberedBy`, its place in `vocabulary` plus one (0: not yet). */
  private placeOfNumber = new Int32Array(0);
  private numberedBy: readonly string[] | null = null;

  /**
   * `counted` for a reader that numbers its terms: `terms` are numbers in `dictionary`, in order of
   * first use, and `counts[n]` is how often term n occurs. Finds a term's place by its number,
   * not by hashing it again.
   */
  countedNumbers(
    distinctWords: number,
    terms: readonly number[],
    counts: Int32Array,
    dictionary: readonly string[],
  ): EncodedField {
    if (this.numberedBy !== dictionary) {
      this.numberedBy = dictionary;
      this.placeOfNumber = new Int32Array(dictionary.length);
    } else if (this.placeOfNumber.length < dictionary.length) {
      const grown = new Int32Array(Math.max(dictionary.length, this.placeOfNumber.length * 2));
      grown.set(this.placeOfNumber);
      this.placeOfNumber = grown;
    }
    const encoded = [distinctWords, terms.length];
    for (const n of terms) {
      let place = (this.placeOfNumber[n] as number) - 1;
      if (place < 0) {
        place = this.placeOf(dictionary[n] as string);
        this.placeOfNumber[n] = place + 1;
      }
      encoded.push(place, counts[n] as number);
    }
    return encoded;
  }

  private placeOf(term: string): number {
    return this.vocabulary.numberOf(term);
  }

  /** The next passage's fields, in `INDEXED_FIELDS` order. */
  passage(fields: readonly EncodedField[]): void {
    for (const field of fields) for (const n of field) this.data.push(n);
  }

  done(): IndexTermsBatch {
    return { vocabulary: this.vocabulary.strings, data: Uint32Array.from(this.data) };
  }
}
