import { randomBytes } from "node:crypto";
import { link, open, readdir, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { parseArticle } from "../corpus/load";
import { yaml } from "../corpus/yaml";
import type { Article } from "../types";
import { isArticleId, slugOf, uniqueId } from "./article-id";
import type { ArticleDraft } from "./draft";
import { findDuplicate } from "./duplicates";
import { ArticleRefusal } from "./refusal";

/**
 * Writing to and removing from the corpus folder. A new article appears whole or not at all: it is
 * written to a hidden temporary file (the loader skips dot files), flushed to disk, then given its
 * name with link(), which fails rather than overwrite, so two writers (two adds in the bot, or the
 * bot and the CLI) can never take one id; the loser takes the next free id. A crash at any point
 * leaves at most a hidden temporary file, cleared by a later add.
 */

const TEMP_PREFIX = ".tijarat-add-";
/** Temporary files older than this were left by a crash, not by an add still running. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** The corpus file for a draft: YAML front matter the loader accepts, then the body. */
export function articleFileText(draft: ArticleDraft): string {
  const front: Record<string, string> = { title: draft.title };
  if (draft.publisher) front.publisher = draft.publisher;
  if (draft.url) front.url = draft.url;
  if (draft.published) front.published = draft.published;
  const text = yaml().stringify(front, { lineWidth: 0 });
  return `---\n${text}---\n${draft.body.trim()}\n`;
}

export interface WriteHooks {
  /** Called once the temporary file is complete, before it takes its name (tests crash here). */
  beforeNaming?: () => void | Promise<void>;
  /**
   * Called, still in turn, once the article has its name (the bot updates its engine here, so the
   * next add's duplicate check sees it). Should it fail, the file is taken out again.
   */
  afterNaming?: (article: Article) => void | Promise<void>;
}

async function clearStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => {});
  }
}

async function linkOrRename(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Some file systems have no hard links; there, check then rename (a tiny window remains).
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
    if (await stat(to).catch(() => null)) {
      throw Object.assign(new Error(`${to} exists`), { code: "EEXIST" });
    }
    await rename(from, to);
  }
}

/** Makes sure the rename or link is on disk too, where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

export class CorpusFolder {
  /** Adds and removes in this process take turns, so each sees the corpus as the last left it. */
  #turn: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Runs `work` after every add and remove started before it has finished. */
  inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#turn.then(work, work);
    this.#turn = run.catch(() => {});
    return run;
  }

  /**
   * Writes `draft` as a new article, unless `existing` (the corpus as it stands, read in turn)
   * already holds the same URL or text. Resolves to the article exactly as the loader reads it.
   */
  add(
    draft: ArticleDraft,
    existing: () => Iterable<Article> | Promise<Iterable<Article>>,
    hooks: WriteHooks = {},
  ): Promise<Article> {
    return this.inTurn(async () => {
      const articles = [...(await existing())];
      const duplicate = findDuplicate(draft, articles);
      if (duplicate) {
        throw new ArticleRefusal(
          "duplicate",
          duplicate.why === "url"
            ? `already in the corpus: ${duplicate.id} has the same URL`
            : `already in the corpus: ${duplicate.id} has the same text`,
          duplicate.id,
        );
      }
      const text = articleFileText(draft);
      const taken = new Set(articles.map((a) => a.id));
      const base = slugOf(draft.title);
      // The file as the loader will read it, checked before anything is written.
      const check = parseArticle(join(this.dir, `${base}.md`), base, text);
      if ("issues" in check) {
        throw new ArticleRefusal("invalid", check.issues.map((i) => i.message).join("; "));
      }
      await clearStaleTemps(this.dir);
      const temp = join(this.dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}`);
      const handle = await open(temp, "wx");
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await hooks.beforeNaming?.();
        for (;;) {
          const id = uniqueId(base, taken);
          const file = join(this.dir, `${id}.md`);
          try {
            await linkOrRename(temp, file);
          } catch (error) {
            if ((error as { code?: string }).code === "EEXIST") {
              taken.add(id);
              continue;
            }
            throw error;
          }
          await syncFolder(this.dir);
          const parsed = parseArticle(file, id, text);
          try {
            if ("issues" in parsed) throw new Error(`Tijarat: wrote an unreadable article ${file}`);
            await hooks.afterNaming?.(parsed.article);
          } catch (error) {
            await unlink(file).catch(() => {});
            throw error;
          }
          return parsed.article;
        }
      } finally {
        await unlink(temp).catch(() => {});
      }
    });
  }

  /**
   * Deletes `ID.md`, then calls `afterRemoving` still in turn; refuses an id that names no article
   * file here.
   */
  remove(id: string, afterRemoving?: () => void | Promise<void>): Promise<void> {
    return this.inTurn(async () => {
      const file = join(this.dir, `${id}.md`);
      const info = isArticleId(id) ? await stat(file).catch(() => null) : null;
      if (!info?.isFile()) {
        throw new ArticleRefusal("invalid", `no article ${JSON.stringify(id)} in ${this.dir}`);
      }
      await unlink(file);
      await syncFolder(this.dir);
      await afterRemoving?.();
    });
  }
}
