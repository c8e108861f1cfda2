import { stat } from "node:fs/promises";
import { type AddedArticle, describeAdded } from "../articles/added-article";
import { CorpusFolder } from "../articles/corpus-folder";
import type { FetchOptions } from "../articles/fetch-page";
import { type ArticleSource, readSource } from "../articles/read-source";
import { ArticleRefusal } from "../articles/refusal";
import { parseFetchConfig } from "../config";
import { CorpusError, formatIssue, loadCorpus } from "../corpus/load";
import { buildEngine } from "../engine";
import type { Article } from "../types";
import type { CliIo } from "./main";

/**
 * `add URL|FILE` and `remove ID`, as CONTRACT.md ("Adding articles") says: on success the JSON
 * (or a line for a person) and exit 0; a refusal changes nothing, prints one line on stderr and
 * exits 2. A running bot takes a file added here on its next reload (SIGHUP) or restart.
 */

export type CliAddOptions = Omit<FetchOptions, "allowLoopback">;

/** Anything with a scheme is a URL (and refused unless http or https); the rest is a file. */
const looksLikeUrl = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target.trim());

/** The articles already in the folder; an existing folder with none is an empty corpus. */
async function articlesIn(dir: string, io: CliIo): Promise<Article[]> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new CorpusError(dir, `corpus folder ${dir} does not exist`);
  if (!info.isDirectory()) throw new CorpusError(dir, `corpus folder ${dir} is not a folder`);
  try {
    const { articles, issues } = await loadCorpus(dir);
    for (const issue of issues) io.stderr.write(`tijarat: skipped ${formatIssue(issue)}\n`);
    return articles;
  } catch (error) {
    if (error instanceof CorpusError && error.issues.length === 0) return [];
    if (error instanceof CorpusError) return [];
    throw error;
  }
}

function addedJson(a: AddedArticle) {
  return {
    id: a.id,
    title: a.title,
    publisher: a.publisher,
    published: a.published,
    url: a.url,
    passages: a.passages,
    figures: a.figures,
    officials: a.officials,
    officialNames: a.officialNames,
    sample: a.sample,
  };
}

function addedText(a: AddedArticle, file: string): string {
  const meta = [a.publisher, a.published].filter(Boolean).join(", ");
  const lines = [
    `added ${a.id}: ${a.title}${meta ? ` (${meta})` : ""}`,
    `    ${file}`,
    `    ${a.passages} passages, ${a.figures} figures, ${a.officials} officials${a.officialNames.length > 0 ? ` (${a.officialNames.join(", ")})` : ""}`,
  ];
  if (a.sample) lines.push(`    e.g. ${a.sample.value}: “${a.sample.sentence}”`);
  return lines.join("\n");
}

function refused(io: CliIo, error: unknown): number {
  if (!(error instanceof ArticleRefusal)) throw error;
  io.stderr.write(`tijarat: not added: ${error.message}\n`);
  return 2;
}

export async function addArticle(
  target: string,
  corpusDir: string,
  json: boolean,
  io: CliIo,
  options: CliAddOptions,
): Promise<number> {
  const { fetchAllowLoopback } = parseFetchConfig(io.env ?? process.env);
  const existing = await articlesIn(corpusDir, io);
  const source: ArticleSource = looksLikeUrl(target)
    ? { kind: "url", url: target.trim() }
    : { kind: "file", path: target };
  try {
    const draft = await readSource(source, { ...options, allowLoopback: fetchAllowLoopback });
    const article = await new CorpusFolder(corpusDir).add(draft, () => existing);
    const added = describeAdded(buildEngine([article]), article.id);
    if (!added) throw new Error(`Tijarat: the article ${article.id} was written but not read back`);
    io.stdout.write(
      `${json ? JSON.stringify({ added: addedJson(added) }, null, 2) : addedText(added, article.file)}\n`,
    );
    return 0;
  } catch (error) {
    return refused(io, error);
  }
}

export async function removeArticle(
  id: string,
  corpusDir: string,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const info = await stat(corpusDir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new CorpusError(corpusDir, `corpus folder ${corpusDir} is not a readable folder`);
  }
  try {
    await new CorpusFolder(corpusDir).remove(id);
  } catch (error) {
    if (!(error instanceof ArticleRefusal)) throw error;
    io.stderr.write(`tijarat: not removed: ${error.message}\n`);
    return 2;
  }
  io.stdout.write(`${json ? JSON.stringify({ removed: id }) : `removed ${id}`}\n`);
  return 0;
}
