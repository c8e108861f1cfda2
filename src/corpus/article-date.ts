import type { Article } from "../types";

/** `/2011/10/24/`: the date news sites put in an article's address. */
const URL_DATE = /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?:\/|$)/;

/**
 * The day an article speaks from, for placing "last year" and "this year": its `published`
 * date, else the date in its URL. Only periods are placed with it; a reply never states it as
 * the article's date, which stays what the front matter says.
 */
export function articleDate(article: Pick<Article, "published" | "url">): string | null {
  if (article.published) return article.published;
  const m = article.url ? URL_DATE.exec(article.url) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
