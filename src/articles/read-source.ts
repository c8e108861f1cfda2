import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { frontMatterSchema } from "../corpus/front-matter";
import { type ArticleDraft, oneLine, requireArticleText } from "./draft";
import { FETCH_LIMITS, type FetchOptions, fetchPage, type PageKind } from "./fetch-page";
import { articleFromHtml } from "./html-article";
import { ArticleRefusal } from "./refusal";
import { articleFromText } from "./text-article";

/** Where an article comes from: a page, a saved file, a file uploaded to Discord, or a paste. */
export type ArticleSource =
  | { kind: "url"; url: string }
  | { kind: "file"; path: string }
  | { kind: "attachment"; url: string; name: string }
  | {
      kind: "paste";
      title: string;
      publisher?: string | null;
      published?: string | null;
      url?: string | null;
      text: string;
    };

const KIND_BY_EXTENSION: Record<string, PageKind> = {
  ".html": "html",
  ".htm": "html",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
};

function kindOfName(name: string): PageKind {
  const extension = extname(name).toLowerCase();
  const kind = KIND_BY_EXTENSION[extension];
  if (!kind) {
    throw new ArticleRefusal(
      "type",
      `${name} is not an article file: only .html, .md and .txt files are read${extension ? `, not ${extension}` : ""}`,
    );
  }
  return kind;
}

function draftOf(text: string, kind: PageKind, where: string, url: string | null): ArticleDraft {
  return kind === "html" ? articleFromHtml(text, url) : articleFromText(text, kind, where, url);
}

async function readLocalFile(path: string): Promise<ArticleDraft> {
  const kind = kindOfName(path);
  const info = await stat(path).catch((error: { code?: string }) => {
    throw new ArticleRefusal(
      "invalid",
      `cannot read ${path}: ${error.code === "ENOENT" ? "no such file" : (error.code ?? "unreadable")}`,
    );
  });
  if (!info.isFile()) throw new ArticleRefusal("invalid", `${path} is not a file`);
  if (info.size > FETCH_LIMITS.maxBytes) {
    throw new ArticleRefusal("too-large", `${path} is over the 5 MB limit`);
  }
  const bytes = await readFile(path);
  if (bytes.includes(0)) {
    throw new ArticleRefusal("type", `${path} holds binary data, not text`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleRefusal("type", `${path} is not UTF-8 text`);
  }
  return draftOf(text, kind, path, null);
}

/** A pasted article: its fields checked as front matter is. */
function pasted(source: Extract<ArticleSource, { kind: "paste" }>): ArticleDraft {
  const result = frontMatterSchema.safeParse({
    title: oneLine(source.title) ?? "",
    publisher: oneLine(source.publisher, 200) ?? undefined,
    url: source.url?.trim() || undefined,
    published: source.published?.trim() || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path[0] ?? "article");
    throw new ArticleRefusal("invalid", `${field}: ${issue?.message ?? "is not valid"}`);
  }
  const body = source.text.replace(/\r\n?/g, "\n").trim();
  requireArticleText(body, "the pasted text");
  return {
    title: result.data.title,
    publisher: result.data.publisher ?? null,
    published: result.data.published ?? null,
    url: result.data.url ?? null,
    body,
  };
}

/** Reads the article a source holds; throws ArticleRefusal saying why when there is none. */
export async function readSource(
  source: ArticleSource,
  options: FetchOptions & { allowLocalFiles?: boolean } = {},
): Promise<ArticleDraft> {
  switch (source.kind) {
    case "url": {
      const page = await fetchPage(source.url, options);
      return draftOf(page.text, page.kind, page.url, page.url);
    }
    case "attachment": {
      // Discord serves uploads under their own content type; the file's name says what it is.
      const kind = kindOfName(source.name);
      const page = await fetchPage(source.url, options);
      return draftOf(page.text, kind, source.name, null);
    }
    case "file":
      if (options.allowLocalFiles === false) {
        throw new ArticleRefusal("scheme", "local files can only be added from the command line");
      }
      return readLocalFile(source.path);
    case "paste":
      return pasted(source);
  }
}
