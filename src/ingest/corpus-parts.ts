import { addCounts, assembleKnowledge, type Knowledge } from "../answer/knowledge";
import { type ArticlePerson, mergeOfficials } from "../facts/people/officials";
import { PackedIndexBuilder } from "../index/packed-index-builder";
import { PassageIndex } from "../index/passage-index";
import type { Article, Figure, Passage } from "../types";
import type { RunFacts } from "./article-facts";

/**
 * Puts the runs of `readRunFacts` back together, in corpus order, into the knowledge of the whole
 * corpus: the same knowledge whether the runs were read on this thread or on workers, in one run
 * or many. Passages go into the search index as each run arrives (so indexing overlaps with the
 * workers still reading), packed as the snapshot keeps it; officials are merged across articles
 * once, at the end, here only.
 */
export class CorpusParts {
  private readonly passages: Passage[] = [];
  private readonly figures: Figure[] = [];
  private readonly people: ArticlePerson[][] = [];
  private readonly passageFrequency = new Map<string, number>();
  private readonly wordFrequency = new Map<string, number>();
  private readonly capitalisation = new Map<string, [number, number]>();
  private readonly figureTerms: { measure: string[][]; sentence: string[][] } = {
    measure: [],
    sentence: [],
  };
  private readonly index = new PackedIndexBuilder();

  constructor(private readonly articles: Article[]) {}

  /** The next run of articles, in corpus order. */
  add(run: RunFacts): void {
    const ids: string[] = [];
    for (const facts of run.articles) {
      for (const p of facts.passages) {
        this.passages.push(p);
        ids.push(p.id);
      }
      for (const f of facts.figures) this.figures.push(f);
      this.people.push(facts.people);
    }
    this.index.file(ids, run.indexTerms);
    addUp(this.passageFrequency, run.passageFrequency);
    addUp(this.wordFrequency, run.wordFrequency);
    addCounts(this.capitalisation, run.capitalisation, 1);
    for (const terms of run.figureTerms.measure) this.figureTerms.measure.push(terms);
    for (const terms of run.figureTerms.sentence) this.figureTerms.sentence.push(terms);
  }

  /** The knowledge of every run added. */
  knowledge(): Knowledge {
    return assembleKnowledge({
      articles: this.articles,
      passages: this.passages,
      figures: this.figures,
      officials: mergeOfficials(this.people),
      index: PassageIndex.fromPack(this.index.pack()),
      passageFrequency: this.passageFrequency,
      wordFrequency: this.wordFrequency,
      capitalisation: this.capitalisation,
      figureTerms: this.figureTerms,
    });
  }
}

/** Adds a run's counts; keys new to `into` come after the ones it has, as counting in order would. */
function addUp(into: Map<string, number>, counts: ReadonlyMap<string, number>): void {
  for (const [key, n] of counts) into.set(key, (into.get(key) ?? 0) + n);
}
