import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReloadableEngine } from "../src/reloadable-engine";
import { clearFaults, injectFault } from "./support/fs-faults";

// An unreadable folder is made by injecting the error: as root (how CI runs) chmod 000 reads fine.
vi.mock("node:fs/promises", async (importOriginal) =>
  (await import("./support/fs-faults")).withFaults(await importOriginal()),
);

const ROOT = resolve(import.meta.dirname, "..");
const SEED = join(ROOT, "corpus");
const EXTRA = join(ROOT, "tests/fixtures/extra-articles");
const TRADE_QUESTION = "What was the trade volume between Pakistan and Japan?";
const RAILWAY_QUESTION =
  "What is the estimated cost of the Uzbekistan-Afghanistan-Pakistan railway?";
const RAILWAY_ARTICLE = "uzbekistan-pakistan-trade-railway";

function copySeed(to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(SEED)) copyFileSync(join(SEED, name), join(to, name));
}

function emptyFolder(dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
}

interface Logged {
  level: "info" | "warn";
  msg: string;
  fields: Record<string, unknown> | undefined;
}

function recordingLog() {
  const lines: Logged[] = [];
  return {
    lines,
    log: {
      info: (msg: string, fields?: Record<string, unknown>) =>
        lines.push({ level: "info", msg, fields }),
      warn: (msg: string, fields?: Record<string, unknown>) =>
        lines.push({ level: "warn", msg, fields }),
    },
  };
}

describe("ReloadableEngine", () => {
  let scratch: string;
  let corpusDir: string;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "tijarat-reload-"));
    corpusDir = join(scratch, "corpus");
    copySeed(corpusDir);
  });

  afterEach(() => {
    clearFaults();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("answers from the corpus it was loaded with", async () => {
    const engine = await ReloadableEngine.load({ corpusDir });
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
    expect(engine.sources().map((s) => s.id)).toEqual([
      "pakistan-japan-industrial-cooperation",
      "pakistan-japan-trade-ties",
      "us-tech-companies-pakistan",
    ]);
    expect(engine.issues).toEqual([]);
  });

  it("keeps serving the previous index when the corpus folder is emptied, and says why naming the folder", async () => {
    const { log, lines } = recordingLog();
    const engine = await ReloadableEngine.load({ corpusDir, log });
    const before = engine.ask(TRADE_QUESTION);
    const served = engine.current;

    emptyFolder(corpusDir);
    const result = await engine.reload();

    expect(result).toEqual({ ok: false, reason: `corpus folder ${corpusDir} has no .md files` });
    expect(engine.current).toBe(served);
    expect(engine.ask(TRADE_QUESTION)).toEqual(before);
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
    expect(engine.figures({ partner: "Japan" }).length).toBeGreaterThan(0);
    expect(lines).toEqual([
      {
        level: "warn",
        msg: "corpus reload failed; still serving the previous index",
        fields: { reason: `corpus folder ${corpusDir} has no .md files` },
      },
    ]);
  });

  it("keeps serving when the corpus folder is removed", async () => {
    const engine = await ReloadableEngine.load({ corpusDir });
    rmSync(corpusDir, { recursive: true, force: true });
    const result = await engine.reload();
    expect(result).toEqual({ ok: false, reason: `corpus folder ${corpusDir} does not exist` });
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
  });

  it("keeps serving when the corpus folder can no longer be read", async () => {
    const engine = await ReloadableEngine.load({ corpusDir });
    injectFault("readdir", corpusDir, "EACCES");
    const result = await engine.reload();
    expect(result).toEqual({
      ok: false,
      reason: `corpus folder ${corpusDir} cannot be read: permission denied (EACCES)`,
    });
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
  });

  it("keeps serving when every file left in the folder is broken", async () => {
    const engine = await ReloadableEngine.load({ corpusDir });
    emptyFolder(corpusDir);
    writeFileSync(join(corpusDir, "broken.md"), "no front matter here");
    const result = await engine.reload();
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toBe(
      `corpus folder ${corpusDir} holds no valid article (1 file skipped)`,
    );
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
  });

  it("swaps to a corpus with a new article and answers from it", async () => {
    const { log, lines } = recordingLog();
    const engine = await ReloadableEngine.load({ corpusDir, log });
    expect(engine.article(RAILWAY_ARTICLE)).toBeUndefined();
    expect(engine.ask(RAILWAY_QUESTION).citations.map((c) => c.articleId)).not.toContain(
      RAILWAY_ARTICLE,
    );

    copyFileSync(join(EXTRA, `${RAILWAY_ARTICLE}.md`), join(corpusDir, `${RAILWAY_ARTICLE}.md`));
    const result = await engine.reload();

    expect(result).toEqual({ ok: true, issues: [] });
    expect(engine.article(RAILWAY_ARTICLE)?.title).toBeTruthy();
    const answer = engine.ask(RAILWAY_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.articleId).toBe(RAILWAY_ARTICLE);
    expect(answer.text).toContain("4.8 billion");
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
    expect(lines).toEqual([
      { level: "info", msg: "corpus reloaded", fields: { articles: 4, skipped: 0 } },
    ]);
  });

  it("recovers on the next reload once the folder is back", async () => {
    const engine = await ReloadableEngine.load({ corpusDir });
    emptyFolder(corpusDir);
    expect((await engine.reload()).ok).toBe(false);
    copySeed(corpusDir);
    copyFileSync(join(EXTRA, `${RAILWAY_ARTICLE}.md`), join(corpusDir, `${RAILWAY_ARTICLE}.md`));
    expect(await engine.reload()).toEqual({ ok: true, issues: [] });
    expect(engine.sources()).toHaveLength(4);
  });

  it("swaps even when some files are broken, and returns and logs what it skipped", async () => {
    const { log, lines } = recordingLog();
    const engine = await ReloadableEngine.load({ corpusDir, log });
    const broken = join(corpusDir, "broken.md");
    writeFileSync(broken, "---\ntitle: [unclosed\n---\nBody.\n");
    copyFileSync(join(EXTRA, `${RAILWAY_ARTICLE}.md`), join(corpusDir, `${RAILWAY_ARTICLE}.md`));

    const result = await engine.reload();

    expect(result.ok).toBe(true);
    const issues = result.ok ? result.issues : [];
    expect(issues.map((i) => i.file)).toEqual([broken]);
    expect(engine.issues).toEqual(issues);
    expect(engine.sources()).toHaveLength(4);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["warn", "corpus file skipped"],
      ["info", "corpus reloaded"],
    ]);
    expect(String(lines[0]?.fields?.issue)).toMatch(/^.*broken\.md:\d+: /);
  });

  it("picks up a changed corpus through the index cache instead of serving the stale snapshot", async () => {
    const cacheDir = join(scratch, "cache");
    const engine = await ReloadableEngine.load({ corpusDir, cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    copyFileSync(join(EXTRA, `${RAILWAY_ARTICLE}.md`), join(corpusDir, `${RAILWAY_ARTICLE}.md`));
    expect(await engine.reload()).toEqual({ ok: true, issues: [] });
    expect(engine.article(RAILWAY_ARTICLE)).toBeDefined();
  });

  it("shares one load between reloads asked for at the same time, so they cannot finish out of order", async () => {
    const engine = await ReloadableEngine.load({ corpusDir });
    const first = engine.reload();
    const second = engine.reload();
    expect(second).toBe(first);
    expect(await first).toEqual({ ok: true, issues: [] });
    const third = engine.reload();
    expect(third).not.toBe(first);
    await third;
  });

  it("logs each file skipped at the first load", async () => {
    writeFileSync(join(corpusDir, "empty.md"), "");
    const { log, lines } = recordingLog();
    const engine = await ReloadableEngine.load({ corpusDir, log });
    expect(engine.issues.map((i) => i.message)).toEqual(["the file is empty"]);
    expect(lines).toEqual([
      {
        level: "warn",
        msg: "corpus file skipped",
        fields: { issue: `${join(corpusDir, "empty.md")}: the file is empty` },
      },
    ]);
  });

  it("fails to start, as loadEngine does, when there is no good index to begin with", async () => {
    emptyFolder(corpusDir);
    await expect(ReloadableEngine.load({ corpusDir })).rejects.toThrow(
      `corpus folder ${corpusDir} has no .md files`,
    );
  });
});
