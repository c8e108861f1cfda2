import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EngineModule } from "../../bench/engine-module";
import { generateCorpus } from "../../bench/generate";
import { generateQuestions } from "../../bench/questions";
import { splitPassages } from "../../src/corpus/passages";
import * as engineModule from "../../src/engine";
import { extractFigures } from "../../src/facts/figures/figures";
import { peopleOfArticle } from "../../src/facts/people/officials";

// Spies that still do the work: they tell a build (which splits and extracts) from a restore
// (which must do neither: the bench's cold start is meant to measure parsing the snapshot only).
vi.mock("../../src/corpus/passages", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/corpus/passages")>();
  return { ...real, splitPassages: vi.fn(real.splitPassages) };
});
vi.mock("../../src/facts/figures/figures", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/facts/figures/figures")>();
  return { ...real, extractFigures: vi.fn(real.extractFigures) };
});
vi.mock("../../src/facts/people/officials", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/facts/people/officials")>();
  return { ...real, peopleOfArticle: vi.fn(real.peopleOfArticle) };
});

// Compile-time check: the bench loads the engine by path, so this is what keeps their shapes in step.
const engine: EngineModule = engineModule;

describe("the engine as the bench drives it", () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("builds from generated articles, and restores from its snapshot without extracting again", () => {
    const corpus = generateCorpus({ passages: 40, seed: 9 });
    const built = engine.buildEngine(corpus.articles);
    expect(vi.mocked(splitPassages)).toHaveBeenCalledTimes(corpus.articles.length);
    expect(vi.mocked(extractFigures)).toHaveBeenCalled();
    expect(vi.mocked(peopleOfArticle)).toHaveBeenCalled();

    vi.clearAllMocks();
    const restored = engine.engineFromSnapshot(engine.engineToSnapshot(built));
    expect(vi.mocked(splitPassages)).not.toHaveBeenCalled();
    expect(vi.mocked(extractFigures)).not.toHaveBeenCalled();
    expect(vi.mocked(peopleOfArticle)).not.toHaveBeenCalled();

    const questions = generateQuestions(corpus, { count: 10, seed: 10 });
    expect(questions.length).toBe(10);
    const answers = questions.map((q) => [restored.ask(q.text), built.ask(q.text)] as const);
    // The questions reach real answers, so agreeing is not two engines that both found nothing.
    expect(answers.filter(([fromSnapshot]) => fromSnapshot.answered).length).toBeGreaterThan(3);
    for (const [fromSnapshot, fromBuild] of answers) expect(fromSnapshot).toEqual(fromBuild);
  });

  it("finds every generated official, with a title the generator gave them", () => {
    const corpus = generateCorpus({ passages: 40, seed: 9 });
    const built = engine.buildEngine(corpus.articles);
    expect(corpus.officials.length).toBeGreaterThan(10);
    const missed = corpus.officials.filter(
      (fact) =>
        !built
          .officials(fact.name)
          .some((o) => o.name === fact.name && o.title !== null && fact.title.includes(o.title)),
    );
    expect(missed).toEqual([]);
  });
});
