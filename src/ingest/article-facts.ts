import { figureMeasureTermsOf, figureSentenceTermsOf } from "../answer/knowledge";
import { splitPassages } from "../corpus/passages";
import { extractFigures } from "../facts/figures/figures";
import { type ArticlePerson, peopleOfArticle } from "../facts/people/officials";
import { type EncodedField, type IndexTermsBatch, IndexTermsWriter } from "../index/index-terms";
import { words } from "../text/terms";
import type { Article, Figure, Passage } from "../types";
import { PassageStatistics } from "./passage-statistics";

/**
 * The per-article half of ingest, for a run of consecutive articles: everything that reads one
 * article (or one passage) at a time, so it can run on any thread and in any order. What joins
 * articles — officials merged across them, the search index, the maps of the whole corpus — is
 * left to whoever puts the runs back together in corpus order (`ingest-parts.ts`).
 *
 * Plain data only (arrays, maps, strings, numbers), so a run's facts cross a worker's message
 * port by structured clone.
 */
export interface ArticleFacts {
  articleId: string;
  passages: Passage[];
  figures: Figure[];
  /** `peopleOfArticle`: this article's people, for `mergeOfficials`. */
  people: ArticlePerson[];
}

export interface RunFacts {
  articles: ArticleFacts[];
  /** Over the run's passages, in order: see `Knowledge.passageFrequency`. */
  passageFrequency: Map<string, number>;
  /** See `Knowledge.wordFrequency`. */
  wordFrequency: Map<string, number>;
  /** See `Knowledge.capitalisation`. */
  capitalisation: Map<string, [number, number]>;
  /** Stemmed measure and sentence terms of the run's figures, in order. */
  figureTerms: { measure: string[][]; sentence: string[][] };
  /** The search index's terms of the run's passages, in order (title, then text). */
  indexTerms: IndexTermsBatch;
  /** Each passage's content terms with its title's, in order: see passage-term-columns.ts. */
  passageTerms: { vocabulary: string[]; at: Uint32Array; ids: Uint32Array };
}

/** An article whose facts could not be read: which one, and why. */
export class ArticleFactsError extends Error {
  constructor(
    readonly articleId: string,
    readonly reason: string,
  ) {
    super(`could not read the facts of article ${articleId}: ${reason}`);
    this.name = "ArticleFactsError";
  }
}

/** Passages, figures, people and passage statistics of `articles`, in their order. */
export function readRunFacts(articles: readonly Article[]): RunFacts {
  const indexTerms = new IndexTermsWriter();
  const statistics = new PassageStatistics();
  const run: Pick<RunFacts, "articles" | "figureTerms"> = {
    articles: [],
    figureTerms: { measure: [], sentence: [] },
  };
  for (const article of articles) {
    let facts: ArticleFacts;
    let titleTerms: EncodedField;
    let titleContent: number[];
    try {
      const passages = splitPassages(article);
      facts = {
        articleId: article.id,
        passages,
        figures: extractFigures(article, passages),
        people: peopleOfArticle({ article, passages }),
      };
      const titleWords = words(article.title);
      titleTerms = indexTerms.field(tokens(titleWords));
      titleContent = statistics.titleTerms(titleWords);
    } catch (error) {
      throw new ArticleFactsError(String(article?.id), String(error));
    }
    run.articles.push(facts);
    for (const p of facts.passages) {
      indexTerms.passage([
        titleTerms,
        statistics.count(p.text, words(p.text), indexTerms, titleContent),
      ]);
    }
    for (const f of facts.figures) {
      run.figureTerms.measure.push(figureMeasureTermsOf(f));
      run.figureTerms.sentence.push(figureSentenceTermsOf(f));
    }
  }
  return {
    ...run,
    ...statistics.totals(),
    indexTerms: indexTerms.done(),
    passageTerms: statistics.passageTerms(),
  };
}

/** Words as the search index takes them (`INDEX_OPTIONS.tokenize`). */
const tokens = (found: readonly { word: string }[]): string[] => found.map((w) => w.word);
