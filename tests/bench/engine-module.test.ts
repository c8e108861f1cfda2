import { describe, expect, it } from "vitest";
import type { EngineModule } from "../../bench/engine-module";
import { generateCorpus } from "../../bench/generate";
import { generateQuestions } from "../../bench/questions";
import * as engineModule from "../../src/engine";

// Compile-time check: the bench loads the engine by path, so this is what keeps their shapes in step.
const engine: EngineModule = engineModule;

describe("the engine as the bench drives it", () => {
  it("builds from generated articles and answers the same from its snapshot", () => {
    const corpus = generateCorpus({ passages: 40, seed: 9 });
    const built = engine.buildEngine(corpus.articles);
    const restored = engine.engineFromSnapshot(engine.engineToSnapshot(built));
    const questions = generateQuestions(corpus, { count: 10, seed: 10 });
    for (const q of questions) {
      expect(restored.ask(q.text)).toEqual(built.ask(q.text));
    }
  });

  it("finds a generated official's title in the facts it extracts", () => {
    const corpus = generateCorpus({ passages: 40, seed: 9 });
    const built = engine.buildEngine(corpus.articles);
    const first = corpus.officials[0];
    const found = built.officials(first?.name);
    expect(found.map((o) => o.name)).toContain(first?.name);
  });
});
