import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AddedArticle, describeAdded } from "../articles/added-article";
import { CorpusFolder } from "../articles/corpus-folder";
import type { FetchOptions } from "../articles/fetch-page";
import { type ArticleSource, readSource } from "../articles/read-source";
import { ArticleRefusal } from "../articles/refusal";
import type { Config } from "../config";
import { loadCorpus, parseArticle } from "../corpus/load";
import { saveSnapshot, snapshotFile, snapshotFingerprintOf } from "../engine";
import type { Logger } from "../log";
import type { ReloadableEngine } from "../reloadable-engine";
import type { Article, Engine, SourceSummary } from "../types";
import { engineWithArticle, engineWithoutArticle, prepareLiveUpdates } from "./engine-update";

/**
 * Where the running bot (or the console) adds and removes articles: the file is written or
 * deleted in the corpus folder and the live engine changed at once, without a restart
 * (engine-update.ts). Adds and removes take turns, so two at once both land and each sees the
 * other. Other shards hear of each change and apply it from the file; the index snapshot is
 * written again in the background, once changes have settled.
 */

/** A change to the corpus, as sent to the other shards. */
export interface CorpusChange {
  op: "add" | "remove";
  id: string;
}

export type AddOutcome =
  | { ok: true; added: AddedArticle }
  | { ok: false; reason: string; existingId: string | null };

export type RemoveOutcome = { ok: true; title: string } | { ok: false; reason: string };

export interface ArticleDeskOptions {
  engine: ReloadableEngine;
  corpusDir: string;
  /** INDEX_CACHE_DIR: where the snapshot is kept, refreshed after changes; null: none. */
  cacheDir: string | null;
  fetch?: FetchOptions;
  /** Whether `file:` sources may name files on this machine (the console: yes; Discord: no). */
  allowLocalFiles: boolean;
  log: Pick<Logger, "info" | "warn">;
  /** Tells the other shards of a change made here. */
  announce?: (change: CorpusChange) => void;
  /** How long changes must settle before the snapshot is written again. */
  snapshotDelayMs?: number;
}

export class ArticleDesk {
  readonly #folder: CorpusFolder;
  readonly #options: ArticleDeskOptions;
  #snapshotTimer: NodeJS.Timeout | null = null;
  #snapshotting: Promise<void> = Promise.resolve();

  constructor(options: ArticleDeskOptions) {
    this.#options = options;
    this.#folder = new CorpusFolder(options.corpusDir);
  }

  /** The desk over the configured corpus folder, snapshot folder and fetch settings. */
  static forConfig(
    engine: ReloadableEngine,
    config: Pick<Config, "corpusDir" | "indexCacheDir" | "fetchAllowLoopback">,
    log: ArticleDeskOptions["log"],
    more: Pick<ArticleDeskOptions, "allowLocalFiles" | "announce">,
  ): ArticleDesk {
    return new ArticleDesk({
      engine,
      corpusDir: config.corpusDir,
      cacheDir: config.indexCacheDir,
      fetch: { allowLoopback: config.fetchAllowLoopback },
      log,
      ...more,
    });
  }

  get engine(): Engine {
    return this.#options.engine;
  }

  /** Works out, in the background, what the first update would otherwise work out then. */
  warmUp(): Promise<void> {
    return prepareLiveUpdates(this.#options.engine.current).catch((error: unknown) => {
      this.#options.log.warn("could not prepare live article updates", { error });
    });
  }

  list(): SourceSummary[] {
    return this.#options.engine.sources();
  }

  async add(source: ArticleSource): Promise<AddOutcome> {
    const { engine, log } = this.#options;
    try {
      const draft = await readSource(source, {
        ...this.#options.fetch,
        allowLocalFiles: this.#options.allowLocalFiles,
      });
      const article = await this.#folder.add(draft, () => articlesOf(engine.current), {
        afterNaming: (written) => this.#apply({ op: "add", id: written.id }, written),
      });
      const added = describeAdded(engine, article.id);
      if (!added) throw new Error(`Tijarat: ${article.id} was written but is not in the engine`);
      log.info("article added", { id: article.id, passages: added.passages });
      return { ok: true, added };
    } catch (error) {
      if (!(error instanceof ArticleRefusal)) throw error;
      log.info("article refused", { kind: error.kind, reason: error.message });
      return { ok: false, reason: error.message, existingId: error.existingId };
    }
  }

  async remove(id: string): Promise<RemoveOutcome> {
    const title = this.#options.engine.article(id)?.title ?? id;
    try {
      await this.#folder.remove(id, () => this.#apply({ op: "remove", id }, null));
    } catch (error) {
      if (!(error instanceof ArticleRefusal)) throw error;
      return { ok: false, reason: error.message };
    }
    this.#options.log.info("article removed", { id });
    return { ok: true, title };
  }

  /** A change another shard made: the file is already written (or gone); take it in. */
  async applyChange(change: CorpusChange): Promise<void> {
    await this.#folder.inTurn(async () => {
      if (change.op === "remove") return this.#update((e) => engineWithoutArticle(e, change.id));
      const file = join(this.#options.corpusDir, `${change.id}.md`);
      const parsed = parseArticle(file, change.id, await readFile(file, "utf8"));
      if ("issues" in parsed) {
        this.#options.log.warn("another shard's article could not be read", { file });
        return;
      }
      await this.#update((e) => engineWithArticle(e, parsed.article));
    });
    this.#options.log.info("article change from another shard applied", { ...change });
  }

  /** Updates the engine for a change made here, tells the other shards, plans a snapshot. */
  async #apply(change: CorpusChange, article: Article | null): Promise<void> {
    await this.#update((e) =>
      article ? engineWithArticle(e, article) : engineWithoutArticle(e, change.id),
    );
    this.#options.announce?.(change);
    this.#planSnapshot();
  }

  async #update(change: (engine: Engine) => Engine): Promise<void> {
    const { engine } = this.#options;
    await prepareLiveUpdates(engine.current);
    await engine.update(change);
  }

  #planSnapshot(): void {
    if (!this.#options.cacheDir) return;
    if (this.#snapshotTimer) clearTimeout(this.#snapshotTimer);
    this.#snapshotTimer = setTimeout(() => {
      this.#snapshotTimer = null;
      this.#snapshotting = this.#snapshotting.then(() => this.refreshSnapshot());
    }, this.#options.snapshotDelayMs ?? 5_000);
    this.#snapshotTimer.unref();
  }

  /**
   * Writes the live engine's snapshot, fingerprinted with the corpus files as they are, so the
   * next start loads it instead of rebuilding. Written only when the files hold exactly the
   * articles the engine holds: an edit made by hand meanwhile must not be taken as indexed.
   */
  refreshSnapshot(): Promise<void> {
    const { cacheDir, corpusDir, engine, log } = this.#options;
    if (!cacheDir) return Promise.resolve();
    return this.#folder.inTurn(async () => {
      try {
        const fingerprint = await snapshotFingerprintOf(corpusDir);
        const { articles } = await loadCorpus(corpusDir);
        const current = engine.current;
        if (!sameArticles(articles, articlesOf(current))) {
          log.info("index snapshot not refreshed: the corpus folder changed outside the bot");
          return;
        }
        await saveSnapshot(snapshotFile(corpusDir, cacheDir), current, fingerprint);
        log.info("index snapshot refreshed", { articles: articles.length });
      } catch (error) {
        log.warn("index snapshot not refreshed", { error });
      }
    });
  }
}

function articlesOf(engine: Engine): Article[] {
  return engine
    .sources()
    .map((s) => engine.article(s.id))
    .filter((a): a is Article => a !== undefined);
}

function sameArticles(a: readonly Article[], b: readonly Article[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((x) => [x.id, x]));
  return a.every((x) => {
    const y = byId.get(x.id);
    return (
      y !== undefined &&
      y.title === x.title &&
      y.body === x.body &&
      y.publisher === x.publisher &&
      y.published === x.published &&
      y.url === x.url
    );
  });
}
