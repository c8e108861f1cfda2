import type { Readability as ReadabilityClass } from "@mozilla/readability";
import type { parseHTML as ParseHtml } from "linkedom";
import { lazyPackage } from "../lazy-package";
import {
  type ArticleDraft,
  MIN_ARTICLE_CHARS,
  oneLine,
  requireArticleText,
  textLength,
} from "./draft";
import { type MetaDocument, readMetadata } from "./page-metadata";
import { ArticleRefusal } from "./refusal";

// Loaded when a page is first read (see lazyPackage): most starts never read one.
const linkedom = lazyPackage<{ parseHTML: typeof ParseHtml }>("linkedom");
const readability = lazyPackage<{ Readability: typeof ReadabilityClass }>("@mozilla/readability");

/**
 * The article in a news page: Mozilla's Readability (the engine of Firefox Reader View) finds the
 * article's content among menus, ads, related links, comments and footers, over a DOM from
 * linkedom (a light DOM that Readability runs on, far cheaper than jsdom). Title, publisher and
 * date come from the page's metadata (page-metadata.ts). The body is written as plain paragraphs,
 * one per block of the article, separated by blank lines, as the corpus keeps articles.
 *
 * A page with no article in it is refused, saying why: a login wall or paywall, a listing of links
 * (a section front or search results), or too little text.
 */

/** Elements whose text is never the article's: pictures and their captions, forms, embeds. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "SVG",
  "FIGURE",
  "FIGCAPTION",
  "PICTURE",
  "FORM",
  "BUTTON",
  "NAV",
  "ASIDE",
  "FOOTER",
]);

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "UL",
  "OL",
  "LI",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "TABLE",
  "THEAD",
  "TBODY",
  "TR",
  "HR",
]);

/** Above this share of its text in links, a page is a list of links, not an article. */
const LISTING_LINK_SHARE = 0.5;

/** Words of a login wall or paywall, where the article would be. */
const WALL =
  /\b(?:(?:sign|log)\s*in|subscribe|register|create (?:a |an )?(?:free )?account)\b[^.]{0,60}\b(?:to (?:continue|read|keep reading|access|view)|for (?:full|unlimited) access)\b|\bsubscribers?[- ]only\b|\bthis (?:article|content|story) is (?:for|available to|reserved for) (?:subscribers|members)\b/i;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** A paragraph that is mostly one link ("Also Read: …", "Related: …") is a related link. */
const LINK_PARAGRAPH_SHARE = 0.6;

/**
 * The element's text as paragraphs: one per block, tables a row a paragraph. Paragraphs that are
 * mostly link text are left out: inside an article they are related links, not its words.
 */
export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let line = "";
  let linked = 0;
  const flush = () => {
    const text = collapse(line);
    if (text && linked / Math.max(1, textLength(text)) < LINK_PARAGRAPH_SHARE) {
      paragraphs.push(text);
    }
    line = "";
    linked = 0;
  };
  const walk = (node: DomNode, inLink: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        line += child.textContent ?? "";
        if (inLink) linked += textLength(child.textContent ?? "");
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === "BR") {
        line += " ";
        continue;
      }
      if (tag === "TD" || tag === "TH") {
        if (collapse(line)) line += "; ";
        walk(child, inLink);
        continue;
      }
      if (BLOCKS.has(tag)) {
        flush();
        walk(child, inLink);
        flush();
        continue;
      }
      walk(child, inLink || tag === "A");
    }
  };
  walk(root, false);
  flush();
  return paragraphs;
}

/** A byline or dateline line above the text: `By Staff Reporter · Published May 2, 2024`. */
const BYLINE = /^(?:by\s|written by\s|published\b|updated\b|posted\b)/i;

function isByline(paragraph: string, byline: string | null | undefined): boolean {
  if (paragraph.length > 120) return false;
  return BYLINE.test(paragraph) || (!!byline && sameText(paragraph, byline));
}

/** How much of an element's text sits in links. */
function linkShare(root: {
  textContent: string | null;
  querySelectorAll(s: string): ArrayLike<DomNode>;
}): number {
  const total = textLength(root.textContent ?? "");
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(root.querySelectorAll("a"))) linked += textLength(a.textContent ?? "");
  return linked / total;
}

const sameText = (a: string, b: string) =>
  collapse(a)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, "") ===
  collapse(b)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, "");

/**
 * The article in an HTML page. `pageUrl` is where it was read from (null for a saved file): the
 * draft's URL is the page's canonical URL when it names one, else `pageUrl`.
 */
export function articleFromHtml(html: string, pageUrl: string | null): ArticleDraft {
  const where = pageUrl ?? "the file";
  const { document } = linkedom().parseHTML(html);
  const metadata = readMetadata(document as unknown as MetaDocument);
  const body = document.querySelector("body");
  const pageText = body?.textContent ?? "";
  const walled =
    document.querySelector('input[type="password"]') !== null || WALL.test(collapse(pageText));
  const pageLinkShare = body ? linkShare(body as unknown as Parameters<typeof linkShare>[0]) : 0;

  if (metadata.listing) {
    throw new ArticleRefusal(
      "no-article",
      `no article in ${where}: the page describes itself as a listing (a section or index page)`,
    );
  }
  // Readability changes the document it reads; the metadata and page text were taken above.
  const parsed = new (readability().Readability)(document as never, {
    serializer: (node: unknown) => node,
    charThreshold: 200,
  }).parse();
  const content = parsed?.content as
    | (DomNode & { querySelectorAll(s: string): ArrayLike<DomNode> })
    | null
    | undefined;
  const paragraphs = content ? paragraphsOf(content) : [];
  const title = oneLine(metadata.title ?? parsed?.title ?? null);
  const text = paragraphs.join("\n\n");

  if (textLength(text) < MIN_ARTICLE_CHARS && walled) {
    throw new ArticleRefusal(
      "no-article",
      `no article in ${where}: the page asks to sign in or subscribe (a login wall or paywall)`,
    );
  }
  if ((content && linkShare(content) > LISTING_LINK_SHARE) || (!content && pageLinkShare > 0.5)) {
    throw new ArticleRefusal(
      "no-article",
      `no article in ${where}: the page is mostly links (a section, index or search page)`,
    );
  }
  requireArticleText(text, where);
  if (!title) {
    throw new ArticleRefusal("no-article", `no title found in ${where} (no headline or <title>)`);
  }
  // The headline repeated above the text is the title, and a byline is not the article's words.
  const kept = [...paragraphs];
  while (kept[0] !== undefined && (sameText(kept[0], title) || isByline(kept[0], parsed?.byline))) {
    kept.shift();
  }
  let url = pageUrl;
  if (metadata.url) {
    try {
      url = new URL(metadata.url, pageUrl ?? undefined).href;
    } catch {
      // A relative canonical link in a saved file has nothing to resolve against.
    }
  }
  return {
    title,
    publisher: oneLine(metadata.publisher ?? parsed?.siteName ?? null, 200),
    published: metadata.published,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    body: kept.join("\n\n"),
  };
}
