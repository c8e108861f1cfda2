import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleFileText } from "../../src/articles/corpus-folder";
import { loadEngine, snapshotFile } from "../../src/engine";
import { ArticleDesk, type CorpusChange } from "../../src/live/article-desk";
import { createLogger } from "../../src/log";
import { ReloadableEngine } from "../../src/reloadable-engine";
import { OMAN_PARAGRAPHS, OMAN_TITLE, QATAR_PARAGRAPHS, QATAR_TITLE } from "../support/news-pages";

const quiet = createLogger({ level: "error", write: () => {} });

function seedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "tijarat-desk-"));
  for (const name of readdirSync("corpus")) copyFileSync(join("corpus", name), join(dir, name));
  return dir;
}

async function deskOver(
  dir: string,
  extra: {
    cacheDir?: string;
    announce?: (c: CorpusChange) => void;
    snapshotDelayMs?: number;
  } = {},
) {
  const engine = await ReloadableEngine.load({ corpusDir: dir });
  const desk = new ArticleDesk({
    engine,
    corpusDir: dir,
    cacheDir: extra.cacheDir ?? null,
    allowLocalFiles: false,
    log: quiet,
    announce: extra.announce,
    snapshotDelayMs: extra.snapshotDelayMs ?? 10,
  });
  return { engine, desk };
}

const oman = { kind: "paste" as const, title: OMAN_TITLE, text: OMAN_PARAGRAPHS.join("\n\n") };
const qatar = { kind: "paste" as const, title: QATAR_TITLE, text: QATAR_PARAGRAPHS.join("\n\n") };

/** The Qatar article written straight into the folder, as another process would. */
const writeQatar = (dir: string, name: string) =>
  writeFileSync(
    join(dir, name),
    articleFileText({
      title: QATAR_TITLE,
      publisher: null,
      published: null,
      url: null,
      body: qatar.text,
    }),
  );

describe("the article desk of a running bot", () => {
  it("lands two adds made at once, both answering, and tells the other shards of each", async () => {
    const dir = seedCorpus();
    const announced: CorpusChange[] = [];
    const { engine, desk } = await deskOver(dir, { announce: (c) => announced.push(c) });
    const [a, b] = await Promise.all([desk.add(oman), desk.add(qatar)]);
    expect(a.ok && b.ok).toBe(true);
    const ids = engine.sources().map((s) => s.id);
    expect(ids).toContain("pakistan-oman-sign-framework-pact-to-lift-bilateral-trade");
    expect(ids).toContain("qatar-to-send-pakistan-more-lng-cargoes-this-winter");
    expect(
      engine.ask("What were Pakistan's imports from Qatar in fiscal year 2023-24?").text,
    ).toContain("$2.9 billion");
    expect(announced.map((c) => c.op)).toEqual(["add", "add"]);
  });

  it("refuses the same article twice at once: one lands, the other names it", async () => {
    const dir = seedCorpus();
    const { desk } = await deskOver(dir);
    const outcomes = await Promise.all([desk.add(oman), desk.add({ ...oman, title: "Copy" })]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({
      ok: false,
      existingId: "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade",
    });
  });

  it("takes in a change another shard made, from the file it wrote", async () => {
    const dir = seedCorpus();
    const { engine, desk } = await deskOver(dir);
    writeQatar(dir, "qatar-lng.md");
    await desk.applyChange({ op: "add", id: "qatar-lng" });
    expect(engine.article("qatar-lng")?.title).toBe(QATAR_TITLE);
    await desk.applyChange({ op: "remove", id: "pakistan-japan-trade-ties" });
    expect(engine.article("pakistan-japan-trade-ties")).toBeUndefined();
  });

  it("refreshes the index snapshot so the next start loads the added article without rebuilding", async () => {
    const dir = seedCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-desk-cache-"));
    await loadEngine({ corpusDir: dir, cacheDir });
    // The refresh is called here, not left to the timer: a timed one landing after the file's
    // time was read would look like a rebuild.
    const { desk } = await deskOver(dir, { cacheDir, snapshotDelayMs: 60_000 });
    await desk.add(oman);
    await desk.refreshSnapshot();
    const snapshot = readFileSync(snapshotFile(dir, cacheDir), "utf8");
    expect(snapshot).toContain("pakistan-oman-sign-framework-pact-to-lift-bilateral-trade");
    const written = statSync(snapshotFile(dir, cacheDir)).mtimeMs;
    const restarted = await loadEngine({ corpusDir: dir, cacheDir });
    // A rebuild would have written the snapshot again.
    expect(statSync(snapshotFile(dir, cacheDir)).mtimeMs).toBe(written);
    expect(restarted.sources().map((s) => s.id)).toContain(
      "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade",
    );
  });

  it("does not refresh the snapshot when the folder was changed by hand meanwhile", async () => {
    const dir = seedCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "tijarat-desk-cache-"));
    await loadEngine({ corpusDir: dir, cacheDir });
    const before = readFileSync(snapshotFile(dir, cacheDir), "utf8");
    const { desk } = await deskOver(dir, { cacheDir });
    writeQatar(dir, "by-hand.md");
    await desk.refreshSnapshot();
    expect(readFileSync(snapshotFile(dir, cacheDir), "utf8")).toBe(before);
  });

  it("removes an article from the folder and the engine, and refuses an unknown id", async () => {
    const dir = seedCorpus();
    const { engine, desk } = await deskOver(dir);
    expect(await desk.remove("us-tech-companies-pakistan")).toEqual({
      ok: true,
      title: "U.S. Embassy Connects American Tech Companies with Pakistani Officials",
    });
    expect(engine.article("us-tech-companies-pakistan")).toBeUndefined();
    expect(await desk.remove("nope")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no article "nope"/),
    });
  });
});
