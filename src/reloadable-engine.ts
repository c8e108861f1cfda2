import { formatIssue } from "./corpus/load";
import { loadEngine } from "./engine";
import type { Logger } from "./log";
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

export interface ReloadableEngineOptions {
  corpusDir: string;
  /** Where `loadEngine` keeps its index snapshot; null or absent: always build from the corpus. */
  cacheDir?: string | null;
  /** Told why a reload failed and which files a reload skipped. */
  log?: Pick<Logger, "info" | "warn">;
}

export type ReloadResult = { ok: true; issues: CorpusIssue[] } | { ok: false; reason: string };

/** Why a load failed, in one line that names the corpus folder. */
function failureReason(corpusDir: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s*[\r\n]+\s*/g, " ").trim();
  // CorpusError messages already say "corpus folder DIR …"; anything else gets the folder added.
  return oneLine.includes(corpusDir) ? oneLine : `corpus folder ${corpusDir}: ${oneLine}`;
}

/**
 * An Engine whose corpus can be reloaded while it serves. A reload builds a whole new engine
 * beside the current one and swaps only when that succeeded, so an emptied, removed or broken
 * corpus folder never takes answers away: the last good index keeps serving.
 */
export class ReloadableEngine implements Engine {
  #current: Engine;
  #pending: Promise<ReloadResult> | null = null;
  readonly #options: ReloadableEngineOptions;

  constructor(initial: Engine, options: ReloadableEngineOptions) {
    this.#current = initial;
    this.#options = options;
  }

  /** Loads the corpus once; throws as `loadEngine` does when there is no good index to start from. */
  static async load(options: ReloadableEngineOptions): Promise<ReloadableEngine> {
    const engine = await loadEngine({ corpusDir: options.corpusDir, cacheDir: options.cacheDir });
    for (const issue of engine.issues) {
      options.log?.warn("corpus file skipped", { issue: formatIssue(issue) });
    }
    return new ReloadableEngine(engine, options);
  }

  /** The engine answering right now. */
  get current(): Engine {
    return this.#current;
  }

  /**
   * Loads the corpus again and swaps to it on success. On failure the previous engine keeps
   * serving and the reason names the folder. Calls made while a reload runs share its result,
   * so two quick reloads cannot finish out of order and swap in the older corpus.
   */
  reload(): Promise<ReloadResult> {
    if (!this.#pending) {
      this.#pending = this.#reloadOnce().finally(() => {
        this.#pending = null;
      });
    }
    return this.#pending;
  }

  async #reloadOnce(): Promise<ReloadResult> {
    const { corpusDir, cacheDir, log } = this.#options;
    let next: Engine;
    try {
      next = await loadEngine({ corpusDir, cacheDir });
    } catch (error) {
      const reason = failureReason(corpusDir, error);
      log?.warn("corpus reload failed; still serving the previous index", { reason });
      return { ok: false, reason };
    }
    this.#current = next;
    const issues = [...next.issues];
    for (const issue of issues) log?.warn("corpus file skipped", { issue: formatIssue(issue) });
    log?.info("corpus reloaded", { articles: next.sources().length, skipped: issues.length });
    return { ok: true, issues };
  }

  /**
   * Replaces the engine with `change(current)` (an article added or removed in place). Waits for
   * a reload under way first, so the reload cannot swap in a corpus read before the change.
   */
  async update(change: (current: Engine) => Engine): Promise<void> {
    while (this.#pending) await this.#pending;
    this.#current = change(this.#current);
  }

  get issues(): readonly CorpusIssue[] {
    return this.#current.issues;
  }

  ask(question: string, options?: Parameters<Engine["ask"]>[1]): Answer {
    return this.#current.ask(question, options);
  }

  figures(filter?: FigureFilter): Figure[] {
    return this.#current.figures(filter);
  }

  officials(name?: string): Official[] {
    return this.#current.officials(name);
  }

  sources(): SourceSummary[] {
    return this.#current.sources();
  }

  article(id: string): Article | undefined {
    return this.#current.article(id);
  }

  passage(id: string): Passage | undefined {
    return this.#current.passage(id);
  }

  partners(): string[] {
    return this.#current.partners();
  }
}
