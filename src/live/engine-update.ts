import {
  addCounts,
  assembleKnowledge,
  type FigureTables,
  figureMeasureTermsOf,
  figureSentenceTermsOf,
  figureTablesOf,
  type Knowledge,
  type KnowledgeParts,
  passageCapitalisation,
  passageFrequencyTerms,
  passageWords,
} from "../answer/knowledge";
import { carryPassageTermColumns } from "../answer/passage-term-columns";
import { splitPassages } from "../corpus/passages";
import { engineFromKnowledge, knowledgeOf } from "../engine";
import { extractFigures } from "../facts/figures/figures";
import type { ArticleText } from "../facts/people/officials";
import type { Article, Engine, Figure, Passage } from "../types";
import { OfficialsLedger } from "./officials-ledger";
import { shiftedFigureTables } from "./shifted-tables";

/**
 * One article into or out of a built engine without rebuilding it: the article's passages are
 * split and its figures extracted; MiniSearch adds or discards its passages in place; the passage
 * counts of stemmed terms and of words as written change by that article's; figure terms already
 * worked out are kept; officials come from the ledger (see officials-ledger.ts). The knowledge is
 * then assembled from those parts, which derives every other look-up table from them (figures by
 * term, partner and sentence; passages by article), so those stay right without this module
 * knowing of them. Tables assembleKnowledge takes as given (a part) must be passed here too, or
 * assembleKnowledge works them out over the whole corpus again: right, but slow.
 *
 * Articles, passages and figures stay in file-name order, the order `loadCorpus` reads, so the
 * updated engine holds the same facts as one built from the new corpus folder.
 */

/** The officials ledger of each knowledge, once worked out (it costs a full officials pass). */
const ledgers = new WeakMap<Knowledge, OfficialsLedger>();

const fileOf = (id: string) => `${id}.md`;

function docsOf(k: Knowledge): ArticleText[] {
  return [...k.articles.values()].map((article) => ({
    article,
    passages: k.passagesByArticle.get(article.id) ?? [],
  }));
}

function ledgerOf(k: Knowledge): OfficialsLedger {
  let ledger = ledgers.get(k);
  if (!ledger) {
    ledger = OfficialsLedger.fromArticles(docsOf(k));
    ledgers.set(k, ledger);
  }
  return ledger;
}

/**
 * Works out the officials ledger of the engine's knowledge ahead of the first update, yielding to
 * the event loop between articles so a large corpus does not stall the bot while it answers.
 */
export async function prepareLiveUpdates(engine: Engine): Promise<void> {
  const k = knowledgeOf(engine);
  if (ledgers.has(k)) return;
  const ledger = await OfficialsLedger.fromArticlesInTurns(docsOf(k));
  k.index.prepareForChanges();
  if (!ledgers.has(k)) ledgers.set(k, ledger);
}

/** Whether the ledger of this engine is ready, so an update costs only the article's own work. */
export function liveUpdatesReady(engine: Engine): boolean {
  return ledgers.has(knowledgeOf(engine));
}

/** The engine with `article` in it, in place of an article with the same id if there was one. */
export function engineWithArticle(engine: Engine, article: Article): Engine {
  const k = knowledgeOf(engine);
  const passages = splitPassages(article);
  const figures = extractFigures(article, passages);
  const ledger = ledgerOf(k).withArticle({ article, passages });
  const articles = [...k.articles.values()].filter((a) => a.id !== article.id);
  const at = articles.findIndex((a) => fileOf(a.id) > fileOf(article.id));
  articles.splice(at === -1 ? articles.length : at, 0, article);
  return updated(engine, k, ledger, {
    articles,
    removed: article.id,
    added: { article, passages, figures },
  });
}

/** The engine without article `id`; the same engine when it holds no such article. */
export function engineWithoutArticle(engine: Engine, id: string): Engine {
  const k = knowledgeOf(engine);
  if (!k.articles.has(id)) return engine;
  const ledger = ledgerOf(k).withoutArticle(id);
  const articles = [...k.articles.values()].filter((a) => a.id !== id);
  return updated(engine, k, ledger, { articles, removed: id, added: null });
}

interface Change {
  /** Every article after the change, in file-name order. */
  articles: Article[];
  /** The id whose old passages and figures go. */
  removed: string;
  added: { article: Article; passages: Passage[]; figures: Figure[] } | null;
}

function updated(engine: Engine, k: Knowledge, ledger: OfficialsLedger, change: Change): Engine {
  const { articles, removed, added } = change;
  const gone = k.passagesByArticle.get(removed) ?? [];

  const passageFrequency = recounted(k.passageFrequency, passageFrequencyTerms, gone, added);
  const wordFrequency = recounted(k.wordFrequency, passageWords, gone, added);
  const capitalisation = new Map(
    [...k.capitalisation].map(([w, c]): [string, [number, number]] => [w, [c[0], c[1]]]),
  );
  for (const p of gone) addCounts(capitalisation, passageCapitalisation(p), -1);
  for (const p of added?.passages ?? []) addCounts(capitalisation, passageCapitalisation(p), 1);

  // Figures and their worked-out terms, regrouped by article in the new order.
  const figuresOf = new Map<string, number[]>();
  k.figures.forEach((f, i) => {
    const list = figuresOf.get(f.articleId);
    if (list) list.push(i);
    else figuresOf.set(f.articleId, [i]);
  });
  const figures: Figure[] = [];
  const measureTerms: string[][] = [];
  const sentenceTerms: string[][] = [];
  let addedAt = -1;
  for (const article of articles) {
    if (added && article.id === added.article.id) {
      addedAt = figures.length;
      for (const f of added.figures) {
        figures.push(f);
        measureTerms.push(figureMeasureTermsOf(f));
        sentenceTerms.push(figureSentenceTermsOf(f));
      }
      continue;
    }
    for (const i of figuresOf.get(article.id) ?? []) {
      figures.push(k.figures[i] as Figure);
      measureTerms.push(k.figureMeasureTerms[i] ?? []);
      sentenceTerms.push(k.figureSentenceTerms[i] ?? []);
    }
  }
  const figureTables = figureTablesAfter(k, figuresOf.get(removed) ?? [], {
    figures,
    measureTerms,
    sentenceTerms,
    addedAt,
    addedCount: added?.figures.length ?? 0,
  });
  const passageMaps = passageMapsAfter(k, articles, removed, gone, added);

  // The index is changed in place (rebuilding it is the cost this module avoids), so a failure
  // after this point puts it back before the error goes on.
  const indexed = (article: Article, list: readonly Passage[]) =>
    list.map((p) => ({ id: p.id, title: article.title, text: p.text }));
  const before = k.articles.get(removed);
  // Removed postings and all (not discarded), so the index keeps its fast ranked search.
  if (before) k.index.remove(indexed(before, gone));
  else k.index.discard(gone.map((p) => p.id));
  try {
    if (added) k.index.add(indexed(added.article, added.passages));
    const knowledge = assembleKnowledge({
      articles,
      // Not read: the passage look-ups are given, made from the old ones.
      passages: [],
      figures,
      officials: [...ledger.officials],
      index: k.index,
      passageFrequency,
      wordFrequency,
      capitalisation,
      figureTerms: { measure: measureTerms, sentence: sentenceTerms },
      figureTables,
      passageMaps,
    });
    ledgers.set(knowledge, ledger);
    carryPassageTermColumns(k, knowledge, removed);
    const file = added?.article.file ?? before?.file;
    return engineFromKnowledge(
      knowledge,
      engine.issues.filter((issue) => issue.file !== file),
    );
  } catch (error) {
    if (added) k.index.remove(indexed(added.article, added.passages));
    if (before) k.index.add(indexed(before, gone));
    throw error;
  }
}

/**
 * A per-passage count (passage frequency of terms, of words) with the removed passages taken off
 * and the added ones counted, as counting the new corpus from scratch would give it.
 */
function recounted(
  counts: ReadonlyMap<string, number>,
  keysOf: (p: Passage) => Iterable<string>,
  gone: readonly Passage[],
  added: Change["added"],
): Map<string, number> {
  const next = new Map(counts);
  const count = (list: readonly Passage[], by: number) => {
    for (const p of list) {
      for (const key of keysOf(p)) {
        const n = (next.get(key) ?? 0) + by;
        if (n > 0) next.set(key, n);
        else next.delete(key);
      }
    }
  };
  count(gone, -1);
  if (added) count(added.passages, +1);
  return next;
}

/**
 * The passage look-ups after the change. Passages stay in corpus order, so the table of passages
 * by id is copied with the old article's taken out when the new one comes last (or none comes),
 * and made again in the new order otherwise.
 */
function passageMapsAfter(
  k: Knowledge,
  articles: readonly Article[],
  removed: string,
  gone: readonly Passage[],
  added: Change["added"],
): NonNullable<KnowledgeParts["passageMaps"]> {
  const passagesByArticle = new Map(k.passagesByArticle);
  passagesByArticle.delete(removed);
  if (added) passagesByArticle.set(added.article.id, added.passages);
  let passages: Map<string, Passage>;
  if (!added || articles[articles.length - 1]?.id === added.article.id) {
    passages = new Map(k.passages);
    for (const p of gone) passages.delete(p.id);
    for (const p of added?.passages ?? []) passages.set(p.id, p);
  } else {
    passages = new Map();
    for (const article of articles) {
      for (const p of passagesByArticle.get(article.id) ?? []) passages.set(p.id, p);
    }
  }
  return { passages, passagesByArticle };
}

/**
 * The figure look-ups after the change: the old ones shifted past the removed article's figures
 * (`gone`, positions in the old figures) and the added article's (`addedAt`, in the new ones; -1
 * for none). An article's figures sit together, so the look-ups only shift; were they apart,
 * they are made afresh.
 */
function figureTablesAfter(
  k: Knowledge,
  gone: readonly number[],
  after: {
    figures: Figure[];
    measureTerms: string[][];
    sentenceTerms: string[][];
    addedAt: number;
    addedCount: number;
  },
): FigureTables {
  const { figures, measureTerms, sentenceTerms, addedAt, addedCount } = after;
  const first = gone[0];
  if (first !== undefined && (gone[gone.length - 1] as number) - first !== gone.length - 1) {
    return figureTablesOf(figures, measureTerms, sentenceTerms);
  }
  const start = addedAt === -1 ? figures.length : addedAt;
  const end = start + addedCount;
  return shiftedFigureTables(
    { byTerm: k.figuresByTerm, byPartner: k.figuresByPartner, bySentence: k.figuresBySentence },
    {
      removed: { start: first ?? k.figures.length, count: gone.length },
      added: {
        start,
        count: addedCount,
        tables: figureTablesOf(
          figures.slice(start, end),
          measureTerms.slice(start, end),
          sentenceTerms.slice(start, end),
          start,
        ),
      },
    },
  );
}
