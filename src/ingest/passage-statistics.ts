import { CAPITALISATION, capitalisationAt, startsWithLetter } from "../answer/knowledge";
import type { EncodedField, IndexTermsWriter } from "../index/index-terms";
import { indexTerm } from "../index/index-terms";
import { Dictionary } from "../text/dictionary";
import { contentTermsOfWords } from "../text/terms";

/**
 * A run's passage statistics for the whole corpus, counted in one pass over each passage's words:
 * what `passageFrequencyTerms`, `passageWords` and `passageCapitalisation` (answer/knowledge.ts)
 * and the index's `field` would each count in a pass of their own, with the same keys in the same
 * order. Ingest reads every word of the corpus here, so a word is looked up once per occurrence:
 * what depends only on the word (its stems, its index term, whether it starts with a letter) is
 * worked out once per distinct word, and words and terms are numbered, so that everything counted
 * per passage and per run is counted in arrays by number rather than in maps and sets by string.
 */

/** What a word as `words()` gives it counts as, whatever passage it is in. */
interface WordFacts {
  /** The word's number in its vocabulary. */
  word: number;
  /** `contentTermsOfWords` of the word alone, as term numbers: its stemmed parts, none for a stop word. */
  content: readonly number[];
  /** The number of the index's term for it (`indexTerm`), -1 for a stop word. */
  index: number;
  /** Counted by `passageWords` and `passageCapitalisation` only if it starts with a letter. */
  letter: boolean;
}

/** The words and terms a worker has read, numbered in order of first sight. */
class Vocabulary {
  private readonly facts = new Map<string, WordFacts>();
  readonly words: string[] = [];
  private readonly termDictionary = new Dictionary();

  get size(): number {
    return this.words.length;
  }

  /** Every term, by number. */
  get terms(): readonly string[] {
    return this.termDictionary.strings;
  }

  factsOf(word: string): WordFacts {
    let facts = this.facts.get(word);
    if (facts) return facts;
    const index = indexTerm(word);
    facts = {
      word: this.words.length,
      content: contentTermsOfWords([{ word }]).map((t) => this.term(t)),
      index: index === null ? -1 : this.term(index),
      letter: startsWithLetter(word),
    };
    this.words.push(word);
    this.facts.set(word, facts);
    return facts;
  }

  private term(term: string): number {
    return this.termDictionary.numberOf(term);
  }
}

/** A news vocabulary is small; a flood of made-up words must not grow the table for ever. */
const MAX_KNOWN = 200_000;
let shared = new Vocabulary();

/** Counts by number, growing with the vocabulary. */
class Counts {
  values: Int32Array;
  constructor(size: number) {
    this.values = new Int32Array(Math.max(size, 1024));
  }
  fit(size: number): Int32Array {
    if (size > this.values.length) {
      const grown = new Int32Array(Math.max(size, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    return this.values;
  }
}

export class PassageStatistics {
  /** Numbered once per run: a run's numbers never change under it. */
  private readonly vocabulary: Vocabulary;
  private passage = 0;
  // Per term number.
  private readonly termSeen: Counts;
  private readonly passageFrequency: Counts;
  private readonly termOrder: number[] = [];
  private readonly indexSeen: Counts;
  private readonly indexCount: Counts;
  // Per word number.
  private readonly wordSeen: Counts;
  private readonly wordFrequency: Counts;
  private readonly wordOrder: number[] = [];
  private readonly inside: Counts;
  private readonly capital: Counts;
  private readonly capitalisationOrder: number[] = [];
  // Each passage's terms, for the columns (answer/passage-term-columns.ts), numbered for the run.
  private readonly runPlace: Counts;
  private readonly runTerms: string[] = [];
  private readonly termsAt: number[] = [];
  private readonly termIds: number[] = [];

  constructor() {
    if (shared.size >= MAX_KNOWN) shared = new Vocabulary();
    this.vocabulary = shared;
    const terms = this.vocabulary.terms.length;
    const words = this.vocabulary.size;
    this.termSeen = new Counts(terms);
    this.passageFrequency = new Counts(terms);
    this.indexSeen = new Counts(terms);
    this.indexCount = new Counts(terms);
    this.wordSeen = new Counts(words);
    this.wordFrequency = new Counts(words);
    this.inside = new Counts(words);
    this.capital = new Counts(words);
    this.runPlace = new Counts(terms);
  }

  /** A title's distinct content terms, as numbers for `count`. */
  titleTerms(titleWords: readonly { word: string }[]): number[] {
    const terms = new Set<number>();
    for (const w of titleWords)
      for (const t of this.vocabulary.factsOf(w.word).content) terms.add(t);
    return [...terms];
  }

  /**
   * Counts a passage of `text` (split by `words()`) into the run's totals, keeps its terms with
   * its title's (`titleTerms`), and returns its text field encoded for the search index by
   * `writer`.
   */
  count(
    text: string,
    textWords: readonly { word: string; start: number }[],
    writer: IndexTermsWriter,
    titleTerms: readonly number[] = [],
  ): EncodedField {
    const passage = ++this.passage;
    const vocabulary = this.vocabulary;
    let termSeen = this.termSeen.values;
    let passageFrequency = this.passageFrequency.values;
    let indexSeen = this.indexSeen.values;
    let indexCount = this.indexCount.values;
    let wordSeen = this.wordSeen.values;
    let wordFrequency = this.wordFrequency.values;
    let inside = this.inside.values;
    let capital = this.capital.values;
    let distinctWords = 0;
    const indexOrder: number[] = [];
    const passageTerms: number[] = [];
    for (const w of textWords) {
      const facts = vocabulary.factsOf(w.word);
      if (vocabulary.terms.length > termSeen.length) {
        const size = vocabulary.terms.length;
        termSeen = this.termSeen.fit(size);
        passageFrequency = this.passageFrequency.fit(size);
        indexSeen = this.indexSeen.fit(size);
        indexCount = this.indexCount.fit(size);
      }
      if (vocabulary.size > wordSeen.length) {
        const size = vocabulary.size;
        wordSeen = this.wordSeen.fit(size);
        wordFrequency = this.wordFrequency.fit(size);
        inside = this.inside.fit(size);
        capital = this.capital.fit(size);
      }
      for (const t of facts.content) {
        if (termSeen[t] === passage) continue;
        termSeen[t] = passage;
        passageTerms.push(t);
        if ((passageFrequency[t] as number) === 0) this.termOrder.push(t);
        passageFrequency[t] = (passageFrequency[t] as number) + 1;
      }
      const word = facts.word;
      if (wordSeen[word] !== passage) {
        wordSeen[word] = passage;
        distinctWords++;
        // Words not starting with a letter (numbers) count only toward the field's length.
        if (facts.letter) {
          if ((wordFrequency[word] as number) === 0) this.wordOrder.push(word);
          wordFrequency[word] = (wordFrequency[word] as number) + 1;
        }
      }
      if (facts.letter) {
        const seen = capitalisationAt(text, w.start);
        if (seen !== CAPITALISATION.uncounted) {
          if ((inside[word] as number) === 0) this.capitalisationOrder.push(word);
          inside[word] = (inside[word] as number) + 1;
          if (seen === CAPITALISATION.capital) capital[word] = (capital[word] as number) + 1;
        }
      }
      const term = facts.index;
      if (term >= 0) {
        if (indexSeen[term] !== passage) {
          indexSeen[term] = passage;
          indexCount[term] = 0;
          indexOrder.push(term);
        }
        indexCount[term] = (indexCount[term] as number) + 1;
      }
    }
    for (const t of titleTerms) if (termSeen[t] !== passage) passageTerms.push(t);
    this.keepTerms(passageTerms);
    return writer.countedNumbers(distinctWords, indexOrder, indexCount, vocabulary.terms);
  }

  private keepTerms(terms: readonly number[]): void {
    const place = this.runPlace.fit(this.vocabulary.terms.length);
    this.termsAt.push(this.termIds.length);
    for (const t of terms) {
      let p = (place[t] as number) - 1;
      if (p < 0) {
        p = this.runTerms.length;
        this.runTerms.push(this.vocabulary.terms[t] as string);
        place[t] = p + 1;
      }
      this.termIds.push(p);
    }
  }

  /** Every passage's terms so far, in order: passage i's are `ids[at[i] .. at[i + 1]]` of `vocabulary`. */
  passageTerms(): { vocabulary: string[]; at: Uint32Array; ids: Uint32Array } {
    return {
      vocabulary: this.runTerms,
      at: Uint32Array.from([...this.termsAt, this.termIds.length]),
      ids: Uint32Array.from(this.termIds),
    };
  }

  /** The run's totals, keys in order of first count. Call once, when the run is read. */
  totals(): {
    /** Passages each stemmed term occurs in (`passageFrequency`). */
    passageFrequency: Map<string, number>;
    /** Passages each word occurs in, as written (`wordFrequency`). */
    wordFrequency: Map<string, number>;
    /** [inside a sentence, capitalised there] per word (`capitalisation`). */
    capitalisation: Map<string, [number, number]>;
  } {
    const { terms, words } = this.vocabulary;
    // One run read in one go (a corpus read without workers) may grow the table past its cap:
    // the next run starts a new one, and this one goes with the run.
    if (shared === this.vocabulary && shared.size >= MAX_KNOWN) shared = new Vocabulary();
    const frequency = this.passageFrequency.values;
    const wordFrequency = this.wordFrequency.values;
    const inside = this.inside.values;
    const capital = this.capital.values;
    return {
      passageFrequency: new Map(
        this.termOrder.map((t) => [terms[t] as string, frequency[t] as number]),
      ),
      wordFrequency: new Map(
        this.wordOrder.map((w) => [words[w] as string, wordFrequency[w] as number]),
      ),
      capitalisation: new Map(
        this.capitalisationOrder.map((w) => [
          words[w] as string,
          [inside[w] as number, capital[w] as number] as [number, number],
        ]),
      ),
    };
  }
}
