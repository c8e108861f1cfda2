import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadCorpus } from "../src/corpus/load";
import {
  buildEngine,
  engineFromSnapshot,
  engineFromSnapshotFile,
  engineToSnapshot,
  knowledgeOf,
  loadEngine,
  readSnapshotFingerprint,
  snapshotFile,
} from "../src/engine";
import { extractFigures } from "../src/facts/figures/figures";
import { peopleOfArticle } from "../src/facts/people/officials";
import { engineWithArticle, engineWithoutArticle } from "../src/live/engine-update";
import {
  knowledgeFromSnapshot,
  SNAPSHOT_HEAD_BYTES,
  SNAPSHOT_VERSION,
  SnapshotError,
  snapshotFingerprint,
} from "../src/snapshot";
import type { Engine } from "../src/types";
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

  it("restores every passage, made when first asked for, as built and in the same order", () => {
    const builtPassages = knowledgeOf(built).passages;
    const restoredPassages = knowledgeOf(restored).passages;
    expect(restoredPassages.size).toBe(builtPassages.size);
    const first = [...builtPassages.keys()][3] ?? "";
    expect(restored.passage(first)).toEqual(built.passage(first));
    expect(restored.passage(first)).toBe(restored.passage(first));
    expect(restored.passage(`${first}0`)).toBeUndefined();
    expect(restored.passage("no-such-article#0")).toBeUndefined();
    expect([...restoredPassages.keys()]).toEqual([...builtPassages.keys()]);
    expect([...restoredPassages.values()]).toEqual([...builtPassages.values()]);
    expect([...knowledgeOf(restored).passagesByArticle]).toEqual([
      ...knowledgeOf(built).passagesByArticle,
    ]);
  });

  it("takes an article in and out while serving, as the engine it was made from does", async () => {
    const { articles: extra } = await loadCorpus("tests/fixtures/extra-articles");
    const added = extra[0];
    if (!added) throw new Error("no extra article");
    const removed = articles[1]?.id ?? "";
    const change = (engine: Engine) =>
      engineWithoutArticle(engineWithArticle(engine, added), removed);
    const fromBuilt = change(buildEngine(articles));
    const fromSnapshot = change(engineFromSnapshot(snapshot));
    for (const q of questions)
      expect(fromSnapshot.ask(q.question)).toEqual(fromBuilt.ask(q.question));
    expect(fromSnapshot.sources()).toEqual(fromBuilt.sources());
  });

  it("keeps each article body once and stores sentences as offsets", () => {
    const body = articles[0]?.body ?? "";
    const firstSentence = body.slice(0, 80);
    expect(Buffer.from(snapshot).toString("utf8").split(firstSentence).length - 1).toBe(1);
  });

  it("gives its fingerprint from its first bytes alone", () => {
    expect(snapshot.length).toBeGreaterThan(SNAPSHOT_HEAD_BYTES);
    expect(snapshotFingerprint(snapshot.subarray(0, SNAPSHOT_HEAD_BYTES))).toBe("test");
    expect(snapshotFingerprint(Buffer.from('{"version":4,"fingerprint":"test"}'))).toBeNull();
  });

  it("refuses a snapshot of another version rather than answering from it", () => {
    const text = Buffer.from(snapshot).toString("latin1");
    const old = Buffer.from(
      text.replace(`"version":${SNAPSHOT_VERSION},`, '"version":4,'),
      "latin1",
    );
    expect(old.equals(Buffer.from(snapshot))).toBe(false);
    expect(() => engineFromSnapshot(old)).toThrow(SnapshotError);
    expect(() => engineFromSnapshot(old)).toThrow(
      `snapshot version 4, this code reads ${SNAPSHOT_VERSION}`,
    );
  });

  it("refuses a cut-short, damaged or foreign snapshot with a SnapshotError", () => {
    const cut = snapshot.subarray(0, Math.floor(snapshot.length * 0.9));
    expect(() => engineFromSnapshot(cut)).toThrow(/cut short/);
    // One byte changed in the middle: some section's checksum no longer matches.
    const damaged = Buffer.from(snapshot);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    expect(() => engineFromSnapshot(damaged)).toThrow(/section is damaged/);
    expect(() => engineFromSnapshot(Buffer.from('{"version":4}'))).toThrow(SnapshotError);
    expect(() => engineFromSnapshot(new Uint8Array(0))).toThrow(SnapshotError);
  });

  it("restores the same engine from the file read a section at a time, and refuses it damaged", () => {
    const dir = mkdtempSync(join(tmpdir(), "tijarat-snapshot-file-"));
    const file = join(dir, "engine.snapshot");
    writeFileSync(file, snapshot);
    const fromFile = engineFromSnapshotFile(file);
    for (const q of questions) expect(fromFile.ask(q.question)).toEqual(built.ask(q.question));
    expect(fromFile.officials()).toEqual(built.officials());
    writeFileSync(file, snapshot.subarray(0, Math.floor(snapshot.length * 0.9)));
    expect(() => engineFromSnapshotFile(file)).toThrow(/cut short/);
    const damaged = Buffer.from(snapshot);
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    writeFileSync(file, damaged);
    expect(() => engineFromSnapshotFile(file)).toThrow(/section is damaged/);
    writeFileSync(file, "");
    expect(() => engineFromSnapshotFile(file)).toThrow(SnapshotError);
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
    const written = readdirSync(cacheDir).filter((f) => f.endsWith(".snapshot"));
    expect(written).toHaveLength(1);
    expect(vi.mocked(loadCorpus)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(knowledgeFromSnapshot)).not.toHaveBeenCalled();

    vi.clearAllMocks();
    const second = await loadEngine({ corpusDir, cacheDir });
    // The cache was read: the snapshot file itself was restored, read a section at a time...
    expect(vi.mocked(knowledgeFromSnapshot)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(knowledgeFromSnapshot).mock.calls[0]?.[0]).toMatchObject({
      size: statSync(join(cacheDir, written[0] ?? "")).size,
    });
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

  it.each([
    ["cut short", (bytes: Buffer) => bytes.subarray(0, bytes.length - 1000)],
    [
      "damaged",
      (bytes: Buffer) => {
        const copy = Buffer.from(bytes);
        copy.fill(0, copy.length - 5000, copy.length - 4000);
        return copy;
      },
    ],
    [
      "of an older version",
      (bytes: Buffer) =>
        Buffer.from(
          bytes.toString("latin1").replace(`"version":${SNAPSHOT_VERSION},`, '"version":4,'),
          "latin1",
        ),
    ],
    ["an older JSON snapshot", () => Buffer.from('{"version":4,"fingerprint":"x","articles":[]}')],
  ])(
    "rebuilds from the corpus when the snapshot is %s, and writes a good one",
    async (_, spoil) => {
      const corpusDir = corpusCopy();
      const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-cache-"));
      const first = await loadEngine({ corpusDir, cacheDir });
      const file = snapshotFile(corpusDir, cacheDir);
      const good = readFileSync(file);
      writeFileSync(file, spoil(good));
      vi.clearAllMocks();
      const rebuilt = await loadEngine({ corpusDir, cacheDir });
      expect(vi.mocked(loadCorpus)).toHaveBeenCalledTimes(1);
      const q = "What was the trade volume between Pakistan and Japan?";
      expect(rebuilt.ask(q)).toEqual(first.ask(q));
      expect(readFileSync(file).equals(good)).toBe(true);
    },
  );

  it("reads a snapshot's fingerprint from its head, without the rest of the file", async () => {
    const corpusDir = corpusCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-cache-"));
    await loadEngine({ corpusDir, cacheDir });
    const file = snapshotFile(corpusDir, cacheDir);
    const fingerprint = await readSnapshotFingerprint(file);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}:/);
    // Only the head is left: the fingerprint is still there, the snapshot is not.
    writeFileSync(file, readFileSync(file).subarray(0, SNAPSHOT_HEAD_BYTES));
    expect(statSync(file).size).toBe(SNAPSHOT_HEAD_BYTES);
    expect(await readSnapshotFingerprint(file)).toBe(fingerprint);
    expect(await readSnapshotFingerprint(join(cacheDir, "missing.snapshot"))).toBeNull();
  });
});
