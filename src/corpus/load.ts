import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Article, CorpusIssue } from "../types";
import { lineAt, locateFrontMatter, parseFrontMatter } from "./front-matter";

/**
 * Loads the corpus folder. One bad file must never take the bot down: each fault becomes a
 * CorpusIssue naming the file (and line) and the file is skipped. Only a folder that cannot be
 * read at all, or that yields no article, is an error.
 */

/** Larger files are not articles (a stray dump or video); they are skipped without being read. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Enough parallel reads to hide disk latency, few enough to stay far from the open-file limit. */
const READ_CONCURRENCY = 8;

/** Changes whenever the way files turn into articles changes, so old snapshots are not reused. */
const LOADER_VERSION = "corpus-loader-1";

export interface LoadedCorpus {
  articles: Article[];
  issues: CorpusIssue[];
}

/** The corpus folder as a whole cannot be used. */
export class CorpusError extends Error {
  readonly dir: string;
  /** Why each file was skipped, when the folder was readable but held no valid article. */
  readonly issues: readonly CorpusIssue[];

  constructor(dir: string, message: string, issues: readonly CorpusIssue[] = []) {
    super(message);
    this.name = "CorpusError";
    this.dir = dir;
    this.issues = issues;
  }
}

/** One line: `corpus/bad.md:3: published: "2024-13-45" is not a valid date (YYYY-MM-DD)`. */
export function formatIssue(issue: CorpusIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.message.replace(/\s*[\r\n]+\s*/g, " ")}`;
}

/** Pure: turns one file's text into an Article, or says everything that is wrong with it. */
export function parseArticle(
  file: string,
  id: string,
  text: string,
): { article: Article } | { issues: CorpusIssue[] } {
  const issue = (line: number | null, message: string) => ({ issues: [{ file, line, message }] });
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text;

  if (content.trim() === "") return issue(null, "the file is empty");
  const nul = content.indexOf("\u0000");
  if (nul !== -1) return issue(lineAt(content, nul), "binary data: the file holds NUL bytes");
  if (id.includes("#")) {
    return issue(null, `the file name cannot give an article id: "#" is kept for passage ids`);
  }

  const located = locateFrontMatter(content);
  if ("problem" in located) return issue(located.problem.line, located.problem.message);
  const { layout } = located;

  const issues: CorpusIssue[] = [];
  const parsed = parseFrontMatter(layout.yaml, layout.yamlLine);
  if ("problems" in parsed) {
    for (const p of parsed.problems) issues.push({ file, line: p.line, message: p.message });
  }
  const body = content.slice(layout.bodyStart);
  if (body.trim() === "") {
    issues.push({
      file,
      line: layout.bodyLine,
      message: "empty body: no article text after the front matter",
    });
  }
  if ("problems" in parsed || issues.length > 0) return { issues };

  const { title, publisher, url, published } = parsed.frontMatter;
  return { article: { id, title, publisher, url, published, body, file } };
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error
    ? String(error.code)
    : "UNKNOWN";
}

/** Why a file could not be read, in words, for the file-system errors people actually meet. */
function readFailure(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case "ELOOP":
      return "cannot be read: symbolic link loop (ELOOP)";
    case "ENOENT":
      return "cannot be read: dangling symbolic link or the file vanished (ENOENT)";
    case "EACCES":
    case "EPERM":
      return `cannot be read: permission denied (${code})`;
    case "EISDIR":
      return "is a folder, not an article file";
    default:
      return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

interface Listing {
  /** `*.md` names, sorted. */
  articles: string[];
  /** Other visible files, sorted: not read, but worth telling whoever put them there. */
  others: string[];
}

/** The folder's candidate article files, sorted by name; dot files are editor litter, not articles. */
async function listArticleFiles(dir: string): Promise<string[]> {
  return (await listFolder(dir)).articles;
}

async function listFolder(dir: string): Promise<Listing> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") throw new CorpusError(dir, `corpus folder ${dir} does not exist`);
    throw new CorpusError(dir, `corpus folder ${dir} ${readFailure(error)}`);
  }
  if (!isDirectory) throw new CorpusError(dir, `corpus folder ${dir} is not a folder`);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new CorpusError(dir, `corpus folder ${dir} ${readFailure(error)}`);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const visible = entries.filter((e) => !e.name.startsWith("."));
  return {
    articles: visible
      .filter((e) => e.name.endsWith(".md"))
      .map((e) => e.name)
      .sort(byName),
    others: visible
      .filter((e) => !e.name.endsWith(".md") && e.isFile())
      .map((e) => e.name)
      .sort(byName),
  };
}

/** Maps with at most `limit` calls in flight; results keep the order of `items`. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads one file's text, refusing what is not a readable UTF-8 text file of sane size. */
async function readArticleText(file: string): Promise<{ text: string } | { issue: CorpusIssue }> {
  const fail = (line: number | null, message: string) => ({ issue: { file, line, message } });
  try {
    // stat follows symlinks, so loops and dangling links surface here, before any read.
    const info = await stat(file);
    if (info.isDirectory()) return fail(null, "is a folder, not an article file");
    if (!info.isFile()) return fail(null, "is not a regular file");
    if (info.size > MAX_ARTICLE_BYTES) {
      return fail(
        null,
        `too large: ${megabytes(info.size)}, over the ${megabytes(MAX_ARTICLE_BYTES)} limit for an article`,
      );
    }
    const bytes = await readFile(file);
    if (bytes.length > MAX_ARTICLE_BYTES) {
      return fail(
        null,
        `too large: grew past the ${megabytes(MAX_ARTICLE_BYTES)} limit while read`,
      );
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return fail(1, "binary data: the file is UTF-16 encoded; save it as UTF-8");
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const line = bytes.subarray(0, nul).filter((b) => b === 0x0a).length + 1;
      return fail(line, "binary data: the file holds NUL bytes");
    }
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
    } catch {
      return fail(null, "binary data: the file is not valid UTF-8 text");
    }
  } catch (error) {
    return fail(null, readFailure(error));
  }
}

/**
 * Reads every `*.md` file directly in `dir` (sorted by name). A malformed file becomes a
 * CorpusIssue and is skipped; the rest load. Throws CorpusError when `dir` is missing, not a
 * directory, unreadable, or holds no valid article at all.
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const { articles: names, others } = await listFolder(dir);
  const outcomes = await mapBounded(names, READ_CONCURRENCY, async (name) => {
    const file = join(dir, name);
    const read = await readArticleText(file);
    if ("issue" in read) return { issues: [read.issue] };
    return parseArticle(file, name.slice(0, -".md".length), read.text);
  });

  const articles: Article[] = [];
  const issues: CorpusIssue[] = others.map((name) => ({
    file: join(dir, name),
    line: null,
    message: "not read: only .md files are articles",
  }));
  // Ids are compared ignoring case: `Foo.md` and `foo.md` are one file on macOS and Windows.
  const fileById = new Map<string, string>();
  for (const outcome of outcomes) {
    if ("issues" in outcome) {
      issues.push(...outcome.issues);
      continue;
    }
    const { article } = outcome;
    const key = article.id.toLowerCase();
    const first = fileById.get(key);
    if (first !== undefined) {
      issues.push({
        file: article.file,
        line: null,
        message: `duplicate id "${article.id}": ${first} already has it (ids ignore case)`,
      });
      continue;
    }
    fileById.set(key, article.file);
    articles.push(article);
  }

  if (articles.length === 0) {
    const why =
      names.length === 0
        ? "has no .md files"
        : `holds no valid article (${issues.length} file${issues.length === 1 ? "" : "s"} skipped)`;
    throw new CorpusError(dir, `corpus folder ${dir} ${why}`, issues);
  }
  return { articles, issues };
}

/**
 * A stable fingerprint of the corpus files, so a prebuilt index snapshot can be reused when
 * nothing changed. Content is hashed rather than trusting mtimes, which checkouts and copies
 * reset or keep at will; files too large to load count by size and mtime only.
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const names = await listArticleFiles(dir);
  const entries = await mapBounded(names, READ_CONCURRENCY, async (name) => {
    const file = join(dir, name);
    try {
      const info = await stat(file);
      if (!info.isFile()) return `${name}\tnot-a-file`;
      if (info.size > MAX_ARTICLE_BYTES) return `${name}\t${info.size}\t${info.mtimeMs}`;
      const digest = createHash("sha256")
        .update(await readFile(file))
        .digest("hex");
      return `${name}\t${info.size}\t${digest}`;
    } catch (error) {
      return `${name}\t!${errorCode(error)}`;
    }
  });
  return createHash("sha256")
    .update([LOADER_VERSION, ...entries].join("\n"))
    .digest("hex");
}
