import type { Article, Citation } from "../types";
import type { Knowledge } from "./knowledge";

/**
 * A citation of a span of an article body. The excerpt is sliced from the body itself, so it is
 * verbatim by construction; a span that does not fit the body is a bug and throws.
 */
export function citeSpan(
  k: Knowledge,
  articleId: string,
  passageId: string,
  start: number,
  end: number,
): Citation {
  const article = k.articles.get(articleId);
  if (!article) throw new Error(`Tijarat: no article ${articleId} to cite`);
  return citeArticle(article, passageId, start, end);
}

/** `citeSpan` for an article already in hand (through `Engine.article`, say). */
export function citeArticle(
  article: Article,
  passageId: string,
  start: number,
  end: number,
): Citation {
  if (start < 0 || end > article.body.length || start >= end) {
    throw new Error(`Tijarat: span ${start}-${end} is outside article ${article.id}`);
  }
  return {
    articleId: article.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    published: article.published,
    excerpt: article.body.slice(start, end),
    start,
    end,
    passageId,
  };
}

/** Collects citations without repeats and hands out their numbers [1], [2], … */
export class CitationList {
  readonly items: Citation[] = [];

  add(c: Citation): number {
    const at = this.items.findIndex(
      (x) => x.articleId === c.articleId && x.start <= c.start && x.end >= c.end,
    );
    if (at >= 0) return at + 1;
    this.items.push(c);
    return this.items.length;
  }
}
