import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { articleFileText, CorpusFolder } from "../../src/articles/corpus-folder";
import type { ArticleDraft } from "../../src/articles/draft";
import { ArticleRefusal } from "../../src/articles/refusal";
import { loadCorpus } from "../../src/corpus/load";
import type { Article } from "../../src/types";
import { OMAN_PARAGRAPHS, OMAN_TITLE, QATAR_PARAGRAPHS, QATAR_TITLE } from "../support/news-pages";

const oman: ArticleDraft = {
  title: OMAN_TITLE,
  publisher: "The Daily Ledger",
  published: "2024-05-02",
  url: "https://ledger.example/2024/05/02/pakistan-oman-pact",
  body: OMAN_PARAGRAPHS.join("\n\n"),
};
const qatar: ArticleDraft = {
  title: QATAR_TITLE,
  publisher: null,
  published: null,
  url: null,
  body: QATAR_PARAGRAPHS.join("\n\n"),
};

function seedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "tijarat-folder-"));
  for (const name of readdirSync("corpus")) copyFileSync(join("corpus", name), join(dir, name));
  return dir;
}

const articlesOf = async (dir: string) => (await loadCorpus(dir)).articles;

describe("the corpus folder", () => {
  it("writes front matter the loader reads back field for field, whatever the title holds", async () => {
    const dir = seedCorpus();
    const tricky = { ...oman, title: 'Pakistan: "Oman" #1 — 50% of trade? yes: no' };
    const article = await new CorpusFolder(dir).add(tricky, () => articlesOf(dir));
    const loaded = (await articlesOf(dir)).find((a) => a.id === article.id) as Article;
    expect(loaded).toMatchObject({
      title: tricky.title,
      publisher: "The Daily Ledger",
      published: "2024-05-02",
      url: oman.url,
    });
    expect(loaded.body.trim()).toBe(oman.body);
    expect(article.id).toBe("pakistan-oman-1-50-of-trade-yes-no");
  });

  it("lands two adds made at once, each seeing the other", async () => {
    const dir = seedCorpus();
    const folder = new CorpusFolder(dir);
    const [a, b] = await Promise.all([
      folder.add(oman, () => articlesOf(dir)),
      folder.add(qatar, () => articlesOf(dir)),
    ]);
    expect(new Set([a.id, b.id]).size).toBe(2);
    const ids = (await articlesOf(dir)).map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("gives a second article with the same title the next free id, never overwriting", async () => {
    const dir = seedCorpus();
    const folder = new CorpusFolder(dir);
    // Two writers that do not know of each other (the bot and the CLI): both see the old corpus.
    const stale = await articlesOf(dir);
    const [a, b] = await Promise.all([
      new CorpusFolder(dir).add(oman, () => stale),
      folder.add({ ...qatar, title: OMAN_TITLE }, () => stale),
    ]);
    expect([a.id, b.id].sort()).toEqual([
      "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade",
      "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade-2",
    ]);
    expect(readFileSync(join(dir, `${a.id}.md`), "utf8")).toBe(articleFileText(oman));
  });

  it("refuses a duplicate by URL or by text, naming the article already there", async () => {
    const dir = seedCorpus();
    const folder = new CorpusFolder(dir);
    const first = await folder.add(oman, () => articlesOf(dir));
    const byUrl = folder.add(
      {
        ...qatar,
        url: "https://www.ledger.example/2024/05/02/pakistan-oman-pact/?utm_source=x#top",
      },
      () => articlesOf(dir),
    );
    await expect(byUrl).rejects.toMatchObject({ kind: "duplicate", existingId: first.id });
    const byText = folder.add(
      {
        ...oman,
        url: null,
        title: "Another headline",
        body: `By a reporter\n\n${oman.body.toUpperCase()}`,
      },
      () => articlesOf(dir),
    );
    await expect(byText).rejects.toThrow(`already in the corpus: ${first.id} has the same text`);
  });

  it("leaves no half file when the process dies mid-write, only a hidden temp the loader skips", async () => {
    const dir = seedCorpus();
    const before = (await articlesOf(dir)).map((a) => a.id);
    const script = `
      import { CorpusFolder } from ${JSON.stringify(resolve("src/articles/corpus-folder.ts"))};
      const draft = ${JSON.stringify(oman)};
      await new CorpusFolder(${JSON.stringify(dir)}).add(draft, () => [], {
        beforeNaming: () => process.kill(process.pid, "SIGKILL"),
      });
    `;
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(run.signal).toBe("SIGKILL");
    const names = readdirSync(dir);
    expect(names.filter((n) => n.endsWith(".md")).sort()).toEqual(
      before.map((id) => `${id}.md`).sort(),
    );
    expect(names.some((n) => n.startsWith(".tijarat-add-"))).toBe(true);
    const { articles, issues } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(before);
    expect(issues).toEqual([]);
  });

  it("removes an article file, and refuses an id that names none", async () => {
    const dir = seedCorpus();
    const folder = new CorpusFolder(dir);
    await folder.remove("us-tech-companies-pakistan");
    expect(readdirSync(dir)).not.toContain("us-tech-companies-pakistan.md");
    await expect(folder.remove("us-tech-companies-pakistan")).rejects.toBeInstanceOf(
      ArticleRefusal,
    );
    await expect(folder.remove("../etc/passwd")).rejects.toBeInstanceOf(ArticleRefusal);
  });
});
