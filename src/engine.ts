import { createHash } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { type FileHandle, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type AskOptions, ask } from "./answer/ask";
import type { Knowledge } from "./answer/knowledge";
import { corpusFingerprint, loadCorpus } from "./corpus/load";
import { canonicalCountry } from "./facts/language/countries";
import { officialMatches } from "./facts/people/officials";
import { readRunFacts } from "./ingest/article-facts";
import { putBackBodyText } from "./ingest/body-slices";
import { CorpusParts } from "./ingest/corpus-parts";
import { type ParallelOptions, readRunsInParallel, workersFor } from "./ingest/parallel-ingest";
import {
  codeFingerprint,
  knowledgeFromSnapshot,
  knowledgeToSnapshot,
  SNAPSHOT_HEAD_BYTES,
  snapshotFingerprint,
} from "./snapshot";
import { fileSource } from "./snapshot/container";
import { prepareEnglish } from "./text/english";
import type {
  Answer,
  Article,
  CorpusIssue,
  Engine,
  Figure,
  FigureFilter,
  Official,
  Passage,
  SourceSummary,
} from "./types";

/** The engine over one loaded corpus: plain data in, plain data out. */
class TijaratEngine implements Engine {
  constructor(
    readonly knowledge: Knowledge,
    readonly issues: readonly CorpusIssue[],
  ) {}

  ask(question: string, options: AskOptions = {}): Answer {
    return ask(this.knowledge, question, options);
  }

  figures(filter: FigureFilter = {}): Figure[] {
    const partner = filter.partner ? (canonicalCountry(filter.partner) ?? filter.partner) : null;
    const measure = filter.measure?.toLowerCase();
    const period = filter.period?.toLowerCase();
    return this.knowledge.figures.filter(
      (f) =>
        (!partner || f.partners.some((p) => p.toLowerCase() === partner.toLowerCase())) &&
        (!measure || (f.measure ?? "").toLowerCase().includes(measure)) &&
        (!period || (f.period ?? "").toLowerCase().includes(period)),
    );
  }

  officials(name?: string): Official[] {
    const all = this.knowledge.officials;
    if (!name?.trim()) return all;
    return all.filter((o) => officialMatches(o, name));
  }

  sources(): SourceSummary[] {
    const k = this.knowledge;
    const figures = countBy(k.figures.map((f) => f.articleId));
    const officials = countBy(k.officials.flatMap((o) => o.articleIds));
    return [...k.articles.values()].map((a) => ({
      id: a.id,
      title: a.title,
      publisher: a.publisher,
      published: a.published,
      url: a.url,
      passages: k.passagesByArticle.get(a.id)?.length ?? 0,
      figures: figures.get(a.id) ?? 0,
      officials: officials.get(a.id) ?? 0,
    }));
  }

  article(id: string): Article | undefined {
    return this.knowledge.articles.get(id);
  }

  passage(id: string): Passage | undefined {
    return this.knowledge.passages.get(id);
  }

  partners(): string[] {
    return [...new Set(this.knowledge.figures.flatMap((f) => f.partners))].sort();
  }
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Passages, facts and index from articles: the whole ingest, on this thread. */
export function buildEngine(articles: Article[], issues: CorpusIssue[] = []): Engine {
  const parts = new CorpusParts(articles);
  parts.add(readRunFacts(articles));
  return new TijaratEngine(parts.knowledge(), issues);
}

/**
 * As `buildEngine`, with the articles read on worker threads (one per core) when the corpus is
 * large enough to repay starting them; the same engine either way.
 */
export async function buildEngineInParallel(
  articles: Article[],
  issues: CorpusIssue[] = [],
  options: ParallelOptions = {},
): Promise<Engine> {
  const workers = workersFor(articles, options);
  if (workers === 0) return buildEngine(articles, issues);
  const parts = new CorpusParts(articles);
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const bodyOf = (id: string) => bodies.get(id) ?? "";
  await readRunsInParallel(
    articles,
    workers,
    (run) => {
      putBackBodyText(run, bodyOf);
      parts.add(run);
    },
    options.runArticles,
  );
  return new TijaratEngine(parts.knowledge(), issues);
}

/** What an engine answers from; for updating it in place of a rebuild (src/live/). */
export function knowledgeOf(engine: Engine): Knowledge {
  if (engine instanceof TijaratEngine) return engine.knowledge;
  throw new Error("Tijarat: not an engine built here");
}

/** An engine over knowledge assembled elsewhere (src/live/ after adding or removing an article). */
export function engineFromKnowledge(knowledge: Knowledge, issues: readonly CorpusIssue[]): Engine {
  return new TijaratEngine(knowledge, issues);
}

/** The built engine as snapshot bytes: facts, passages and the packed index, ready to load. */
export function engineToSnapshot(engine: Engine, fingerprint = ""): Uint8Array {
  return Buffer.concat(knowledgeToSnapshot(knowledgeOf(engine), engine.issues, fingerprint));
}

/**
 * Restores an engine from `engineToSnapshot` bytes without re-reading or re-indexing. Throws a
 * SnapshotError for bytes that are not a whole snapshot of this version.
 */
export function engineFromSnapshot(snapshot: Uint8Array): Engine {
  const { knowledge, issues } = knowledgeFromSnapshot(snapshot);
  return new TijaratEngine(knowledge, issues);
}

/**
 * `engineFromSnapshot` of a snapshot file, read a section at a time: what the engine keeps is
 * read into memory of its own rather than copied out of the whole file's bytes (at 100,000
 * passages, 70 MB of copies a start). Throws a SnapshotError as `engineFromSnapshot` does, or
 * the file system's error when the file cannot be read.
 */
export function engineFromSnapshotFile(file: string): Engine {
  const fd = openSync(file, "r");
  try {
    const { knowledge, issues } = knowledgeFromSnapshot(fileSource(fd));
    return new TijaratEngine(knowledge, issues);
  } finally {
    closeSync(fd);
  }
}

export interface LoadOptions {
  corpusDir: string;
  /** Where to keep the index snapshot; null or absent: always build from the corpus. */
  cacheDir?: string | null;
  /** Told about each malformed article as it is skipped. */
  onIssue?: (issue: CorpusIssue) => void;
}

/**
 * Loads the corpus and builds the engine, or restores it from the snapshot in `cacheDir` when the
 * corpus has not changed since the snapshot was written.
 */
export async function loadEngine(options: LoadOptions): Promise<Engine> {
  // Spelling correction reads WordNet: read it while the corpus loads, not on the first question.
  prepareEnglish();
  const { corpusDir, cacheDir, onIssue } = options;
  const fingerprint = cacheDir ? await snapshotFingerprintOf(corpusDir) : "";
  const file = cacheDir ? snapshotFile(corpusDir, cacheDir) : null;
  if (file && (await readSnapshotFingerprint(file)) === fingerprint) {
    try {
      const engine = engineFromSnapshotFile(file);
      for (const issue of engine.issues) onIssue?.(issue);
      return engine;
    } catch {
      // A snapshot gone, unreadable or damaged is rebuilt below.
    }
  }
  const { articles, issues } = await loadCorpus(corpusDir);
  for (const issue of issues) onIssue?.(issue);
  const engine = await buildEngineInParallel(articles, issues);
  if (file) await saveSnapshot(file, engine, fingerprint);
  return engine;
}

/** Where `loadEngine` keeps the snapshot of `corpusDir`'s engine in `cacheDir`. */
export function snapshotFile(corpusDir: string, cacheDir: string): string {
  const name = createHash("sha256").update(corpusDir).digest("hex").slice(0, 12);
  return join(cacheDir, `index-${name}.snapshot`);
}

/** The fingerprint in the head of a snapshot file, read without the rest; null if none. */
export async function readSnapshotFingerprint(file: string): Promise<string | null> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(file, "r");
    const head = Buffer.alloc(SNAPSHOT_HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return snapshotFingerprint(head.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** The fingerprint a snapshot of `corpusDir` must carry to be reused: the code's and the files'. */
export async function snapshotFingerprintOf(corpusDir: string): Promise<string> {
  return `${await codeFingerprint()}:${await corpusFingerprint(corpusDir)}`;
}

/** Writes the engine's snapshot to `file` whole or not at all (temp file, then rename). */
export async function saveSnapshot(file: string, engine: Engine, fingerprint: string) {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // Part by part, without first joining them into one copy of the whole snapshot.
  await writeFile(tmp, knowledgeToSnapshot(knowledgeOf(engine), engine.issues, fingerprint));
  await rename(tmp, file);
  // The JSON snapshot of earlier versions, same name but `.json`, is never read again.
  if (file.endsWith(".snapshot"))
    await rm(`${file.slice(0, -".snapshot".length)}.json`, { force: true });
}
