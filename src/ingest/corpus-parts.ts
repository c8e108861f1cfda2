import {
  addCounts,
  addToFigureTables,
  assembleKnowledge,
  type FigureTables,
  type Knowledge,
} from "../answer/knowledge";
import { type PassageTermColumns, usePassageTermColumns } from "../answer/passage-term-columns";
import { OfficialsMerge } from "../facts/people/officials";
import { PackedIndexBuilder } from "../index/packed-index-builder";
import { PassageIndex } from "../index/passage-index";
import { Dictionary } from "../text/dictionary";
import type { Article, Figure, Passage } from "../types";
import type { RunFacts } from "./article-facts";

/**
 * Puts the runs of `readRunFacts` back together, in corpus order, into the knowledge of the whole
 * corpus: the same knowledge whether the runs were read on this thread or on workers, in one run
 * or many. Passages go into the search index and the look-ups as each run arrives (so that work
 * overlaps with the workers still reading), packed as the snapshot keeps it; each article's
 * people are filed as they come, and merged into officials across articles once, at the end.
 */
export class CorpusParts {
  private readonly passages: Passage[] = [];
  private readonly figures: Figure[] = [];
  private readonly officials = new OfficialsMerge();
  private readonly passageFrequency = new Tally();
  private readonly wordFrequency = new Tally();
  private readonly capitalisation = new Map<string, [number, number]>();
  private readonly figureTerms: { measure: string[][]; sentence: string[][] } = {
    measure: [],
    sentence: [],
  };
  private readonly index = new PackedIndexBuilder();
  private readonly passageTerms = new PassageTermsBuilder();
  // The look-ups, made run by run while the workers read on, rather than all at the end.
  private readonly passageMap = new Map<string, Passage>();
  private readonly passagesByArticle = new Map<string, Passage[]>();
  private readonly figureTables: FigureTables = {
    byTerm: new Map(),
    byPartner: new Map(),
    bySentence: new Map(),
  };

  constructor(private readonly articles: Article[]) {}

  /** The next run of articles, in corpus order. */
  add(run: RunFacts): void {
    const ids: string[] = [];
    const firstFigure = this.figures.length;
    for (const facts of run.articles) {
      this.passageTerms.article(facts.articleId, facts.passages.length);
      for (const p of facts.passages) {
        this.passages.push(p);
        ids.push(p.id);
        this.passageMap.set(p.id, p);
        const list = this.passagesByArticle.get(p.articleId);
        if (list) list.push(p);
        else this.passagesByArticle.set(p.articleId, [p]);
      }
      for (const f of facts.figures) this.figures.push(f);
      this.officials.article(facts.people);
    }
    addToFigureTables(
      this.figureTables,
      this.figures.slice(firstFigure),
      run.figureTerms.measure,
      run.figureTerms.sentence,
      firstFigure,
    );
    this.index.file(ids, run.indexTerms);
    this.passageTerms.add(run.passageTerms);
    this.passageFrequency.add(run.passageFrequency);
    this.wordFrequency.add(run.wordFrequency);
    addCounts(this.capitalisation, run.capitalisation, 1);
    for (const terms of run.figureTerms.measure) this.figureTerms.measure.push(terms);
    for (const terms of run.figureTerms.sentence) this.figureTerms.sentence.push(terms);
  }

  /** The knowledge of every run added. */
  knowledge(): Knowledge {
    const knowledge = assembleKnowledge({
      articles: this.articles,
      passages: this.passages,
      figures: this.figures,
      officials: this.officials.officials(),
      index: PassageIndex.fromPack(this.index.pack()),
      passageFrequency: this.passageFrequency.counts(),
      wordFrequency: this.wordFrequency.counts(),
      capitalisation: this.capitalisation,
      figureTerms: this.figureTerms,
      figureTables: this.figureTables,
      passageMaps: { passages: this.passageMap, passagesByArticle: this.passagesByArticle },
    });
    usePassageTermColumns(knowledge, this.passageTerms.columns());
    return knowledge;
  }
}

/** The runs' passage terms as one set of columns over one dictionary. */
class PassageTermsBuilder {
  private readonly dictionary = new Dictionary();
  private readonly articleIds: string[] = [];
  private readonly articleFirst: number[] = [];
  private passages = 0;
  private readonly at: number[] = [];
  private readonly chunks: Uint32Array[] = [];
  private length = 0;

  /** The next article, with its count of passages. */
  article(id: string, passages: number): void {
    this.articleIds.push(id);
    this.articleFirst.push(this.passages);
    this.passages += passages;
  }

  /** The terms of the next run's passages, numbered for the run. */
  add(run: RunFacts["passageTerms"]): void {
    const number = run.vocabulary.map((term) => this.dictionary.numberOf(term));
    for (let i = 0; i + 1 < run.at.length; i++) this.at.push(this.length + (run.at[i] as number));
    const ids = new Uint32Array(run.ids.length);
    for (let j = 0; j < ids.length; j++) ids[j] = number[run.ids[j] as number] as number;
    this.chunks.push(ids);
    this.length += ids.length;
  }

  columns(): PassageTermColumns {
    if (this.at.length !== this.passages) {
      throw new Error("Tijarat: the runs' passage terms do not match their passages");
    }
    const ids = new Uint32Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      ids.set(chunk, offset);
      offset += chunk.length;
    }
    return {
      dictionary: this.dictionary.strings,
      articleIds: this.articleIds,
      articleFirst: Uint32Array.from([...this.articleFirst, this.passages]),
      at: Uint32Array.from([...this.at, this.length]),
      ids,
    };
  }
}

/**
 * Counts added up run by run; keys new to it come after the ones it has, as counting in order
 * would. Each count is a box changed in place, so a key already counted costs one look-up.
 */
class Tally {
  private readonly boxes = new Map<string, [number]>();

  add(counts: ReadonlyMap<string, number>): void {
    for (const [key, n] of counts) {
      const box = this.boxes.get(key);
      if (box) box[0] += n;
      else this.boxes.set(key, [n]);
    }
  }

  counts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, [n]] of this.boxes) out.set(key, n);
    return out;
  }
}
