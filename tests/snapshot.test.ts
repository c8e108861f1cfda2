import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { loadCorpus } from "../src/corpus/load";
import { buildEngine, engineFromSnapshot, engineToSnapshot, loadEngine } from "../src/engine";
import { extractFigures } from "../src/facts/figures/figures";
import { peopleOfArticle } from "../src/facts/people/officials";
import { knowledgeFromSnapshot, SNAPSHOT_VERSION } from "../src/snapshot";
import { QuestionFileSchema } from "./support/grading";

// Spies that still do the work: they say whether a load read the corpus and extracted facts, or
// restored the snapshot.
vi.mock("../src/corpus/load", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/corpus/load")>();
  return { ...real, loadCorpus: vi.fn(real.loadCorpus) };
});
vi.mock("../src/facts/figures/figures", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/facts/figures/figures")>();
  return { ...real, extractFigures: vi.fn(real.extractFigures) };
});
vi.mock("../src/facts/people/officials", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/facts/people/officials")>();
  return { ...real, peopleOfArticle: vi.fn(real.peopleOfArticle) };
});
vi.mock("../src/snapshot", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/snapshot")>();
  return { ...real, knowledgeFromSnapshot: vi.fn(real.knowledgeFromSnapshot) };
});

const questions = QuestionFileSchema.parse(
  JSON.parse(readFileSync("tests/fixtures/dev-questions.json", "utf8")),
).questions;

describe("the engine snapshot", async () => {
  const { articles } = await loadCorpus("corpus");
  const built = buildEngine(articles);
  const snapshot = engineToSnapshot(built, "test");
  const restored = engineFromSnapshot(snapshot);

  it("answers every dev question exactly as the engine it was made from", () => {
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(restored.ask(q.question)).toEqual(built.ask(q.question));
  });

  it("restores figures, officials and sources unchanged", () => {
    expect(built.figures().length).toBeGreaterThan(0);
    expect(built.officials().length).toBeGreaterThan(0);
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
    expect(old).not.toBe(snapshot);
    expect(() => engineFromSnapshot(old)).toThrow(ZodError);
    expect(() => engineFromSnapshot(old)).toThrow(
      new RegExp(
        `"path": \\[\\s*"version"\\s*\\],\\s*"message": "Invalid input: expected ${SNAPSHOT_VERSION}"`,
      ),
    );
  });
});

describe("loading with a cache folder", () => {
  function corpusCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), "tijarat-snap-"));
    cpSync("corpus", dir, { recursive: true });
    return dir;
  }

  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("writes a snapshot on the first load, and on the next reads it and parses no article", async () => {
    const corpusDir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-cache-"));
    const first = await loadEngine({ corpusDir, cacheDir });
    const written = readdirSync(cacheDir).filter((f) => f.endsWith(".json"));
    expect(written).toHaveLength(1);
    expect(vi.mocked(loadCorpus)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(knowledgeFromSnapshot)).not.toHaveBeenCalled();

    vi.clearAllMocks();
    const second = await loadEngine({ corpusDir, cacheDir });
    // The cache was read: the snapshot file's own text was restored...
    expect(vi.mocked(knowledgeFromSnapshot)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(knowledgeFromSnapshot)).toHaveBeenCalledWith(
      readFileSync(join(cacheDir, written[0] ?? ""), "utf8"),
    );
    // ...and nothing was parsed or extracted again.
    expect(vi.mocked(loadCorpus)).not.toHaveBeenCalled();
    expect(vi.mocked(extractFigures)).not.toHaveBeenCalled();
    expect(vi.mocked(peopleOfArticle)).not.toHaveBeenCalled();
    const q = "What was the trade volume between Pakistan and Japan?";
    expect(second.ask(q).text).toContain("$1.26 billion");
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
    vi.clearAllMocks();
    const after = await loadEngine({ corpusDir, cacheDir });
    expect(vi.mocked(knowledgeFromSnapshot)).not.toHaveBeenCalled();
    expect(vi.mocked(loadCorpus)).toHaveBeenCalledTimes(1);
    const answer = after.ask("What was bilateral trade between Pakistan and Turkey in 2023?");
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("$1.4 billion");
  });
});
