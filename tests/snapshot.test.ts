import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/load";
import { buildEngine, engineFromSnapshot, engineToSnapshot, loadEngine } from "../src/engine";
import { QuestionFileSchema } from "./support/grading";

const questions = QuestionFileSchema.parse(
  JSON.parse(readFileSync("tests/fixtures/dev-questions.json", "utf8")),
).questions;

describe("the engine snapshot", async () => {
  const { articles } = await loadCorpus("corpus");
  const built = buildEngine(articles);
  const snapshot = engineToSnapshot(built, "test");
  const restored = engineFromSnapshot(snapshot);

  it("answers every dev question exactly as the engine it was made from", () => {
    for (const q of questions) expect(restored.ask(q.question)).toEqual(built.ask(q.question));
  });

  it("restores figures, officials and sources unchanged", () => {
    expect(restored.figures()).toEqual(built.figures());
    expect(restored.officials()).toEqual(built.officials());
    expect(restored.sources()).toEqual(built.sources());
  });

  it("keeps each article body once and stores sentences as offsets", () => {
    const body = articles[0]?.body ?? "";
    const firstSentence = body.slice(0, 80);
    expect(snapshot.split(firstSentence).length - 1).toBe(1);
  });

  it("refuses a snapshot of another layout rather than answering from it", () => {
    const old = snapshot.replace(/^\{"version":\d+/, '{"version":1');
    expect(() => engineFromSnapshot(old)).toThrow();
  });
});

describe("loading with a cache folder", () => {
  function corpusCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), "tijarat-snap-"));
    cpSync("corpus", dir, { recursive: true });
    return dir;
  }

  it("writes a snapshot on the first load and answers the same from it on the next", async () => {
    const corpusDir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-cache-"));
    const first = await loadEngine({ corpusDir, cacheDir });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    const second = await loadEngine({ corpusDir, cacheDir });
    const q = "What was the trade volume between Pakistan and Japan?";
    expect(second.ask(q)).toEqual(first.ask(q));
  });

  it("rebuilds when an article changed since the snapshot was written", async () => {
    const corpusDir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-cache-"));
    await loadEngine({ corpusDir, cacheDir });
    writeFileSync(
      join(corpusDir, "pakistan-turkey-trade.md"),
      "---\ntitle: Pakistan and Turkey trade\n---\nBilateral trade between Pakistan and Turkey stood at $1.4 billion in 2023, according to the Turkish Statistical Institute.\n",
    );
    const after = await loadEngine({ corpusDir, cacheDir });
    const answer = after.ask("What was bilateral trade between Pakistan and Turkey in 2023?");
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("$1.4 billion");
  });
});
