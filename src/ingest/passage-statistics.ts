import { countCapitalisation, startsWithLetter } from "../answer/knowledge";
import type { EncodedField, IndexTermsWriter } from "../index/index-terms";
import { indexTerm } from "../index/index-terms";
import { contentTermsOfWords } from "../text/terms";

/**
 * A passage's statistics for the whole corpus, counted in one pass over its words: what
 * `passageFrequencyTerms`, `passageWords` and `passageCapitalisation` (answer/knowledge.ts) and
 * the index's `field` would each count in a pass of their own, with the same keys in the same
 * order. Ingest reads every word of the corpus here, so what depends only on the word (its
 * stems, its index term, whether it starts with a letter) is worked out once per distinct word.
 */

/** What a word as `words()` gives it counts as, whatever passage it is in. */
interface WordFacts {
  /** `contentTermsOfWords` of the word alone: its stemmed parts, none for a stop word. */
  content: readonly string[];
  /** The index's term for it (`indexTerm`), null for a stop word. */
  index: string | null;
  /** Counted by `passageWords` and `passageCapitalisation` only if it starts with a letter. */
  letter: boolean;
}

const KNOWN = new Map<string, WordFacts>();
/** A news vocabulary is small; a flood of made-up words must not grow the table for ever. */
const MAX_KNOWN = 200_000;

function factsOf(word: string): WordFacts {
  let facts = KNOWN.get(word);
  if (facts) return facts;
  facts = {
    content: contentTermsOfWords([{ word }]),
    index: indexTerm(word),
    letter: startsWithLetter(word),
  };
  if (KNOWN.size >= MAX_KNOWN) KNOWN.clear();
  KNOWN.set(word, facts);
  return facts;
}

/** Where one passage's counts go: the run's totals, and the run's index terms. */
export interface PassageCounts {
  /** Passages each stemmed term occurs in (`passageFrequency`). */
  passageFrequency: Map<string, number>;
  /** Passages each word occurs in, as written (`wordFrequency`). */
  wordFrequency: Map<string, number>;
  /** [inside a sentence, capitalised there] per word (`capitalisation`). */
  capitalisation: Map<string, [number, number]>;
}

/**
 * Counts a passage of `text` (split by `words()`) into `into`, and returns its text field
 * encoded for the search index by `writer`.
 */
export function countPassage(
  text: string,
  textWords: readonly { word: string; start: number }[],
  into: PassageCounts,
  writer: IndexTermsWriter,
): EncodedField {
  const terms = new Set<string>();
  const letterWords = new Set<string>();
  // Words not starting with a letter (numbers) count only toward the field's length.
  const otherWords = new Set<string>();
  const indexCounts = new Map<string, number>();
  for (const w of textWords) {
    const facts = factsOf(w.word);
    for (const term of facts.content) terms.add(term);
    if (facts.letter) {
      letterWords.add(w.word);
      countCapitalisation(into.capitalisation, text, w);
    } else otherWords.add(w.word);
    if (facts.index !== null) indexCounts.set(facts.index, (indexCounts.get(facts.index) ?? 0) + 1);
  }
  for (const term of terms)
    into.passageFrequency.set(term, (into.passageFrequency.get(term) ?? 0) + 1);
  for (const word of letterWords)
    into.wordFrequency.set(word, (into.wordFrequency.get(word) ?? 0) + 1);
  return writer.counted(letterWords.size + otherWords.size, indexCounts);
}
