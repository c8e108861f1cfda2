import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import {
  type FigureTables,
  figureTablesOf,
  figureTablesOfColumns,
  type Knowledge,
} from "../../src/answer/knowledge";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine, knowledgeOf } from "../../src/engine";
import { termColumns } from "../../src/snapshot/term-columns";

/**
 * A restored engine makes its figure look-ups from the snapshot's term columns: they must be the
 * look-ups made from the term lists, keys in the same order, every list the same.
 */

const inOrder = (t: FigureTables) => ({
  byTerm: [...t.byTerm],
  byPartner: [...t.byPartner],
  bySentence: [...t.bySentence],
});

function expectSameTables(k: Knowledge) {
  const columns = termColumns([k.figureMeasureTerms, k.figureSentenceTerms]);
  const [measure, sentence] = columns.groups as [
    (typeof columns.groups)[number],
    (typeof columns.groups)[number],
  ];
  const fromColumns = figureTablesOfColumns(k.figures, {
    dictionary: columns.dictionary,
    measure,
    sentence,
  });
  const fromLists = figureTablesOf(k.figures, k.figureMeasureTerms, k.figureSentenceTerms);
  expect(inOrder(fromColumns)).toEqual(inOrder(fromLists));
  return fromLists.byTerm.size;
}

describe("figure look-ups from term columns", () => {
  it("are the look-ups of the term lists on the seed corpus", async () => {
    const k = knowledgeOf(buildEngine((await loadCorpus("corpus")).articles));
    expect(expectSameTables(k)).toBeGreaterThan(50);
  });

  it("are the look-ups of the term lists on a generated corpus, terms shared across figures", () => {
    const k = knowledgeOf(buildEngine(generateCorpus({ passages: 400, seed: 5 }).articles));
    expect(k.figures.length).toBeGreaterThan(100);
    expectSameTables(k);
  });
});
