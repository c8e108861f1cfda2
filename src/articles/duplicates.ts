import type { Article } from "../types";
import type { ArticleDraft } from "./draft";

/**
 * Whether an article is already in the corpus: the same page (its URL, with tracking parameters,
 * fragment, `www.` and a trailing slash set aside) or the same text (its paragraphs, compared with
 * case, punctuation and spacing set aside, so one article read from its page and pasted by hand is
 * still one article).
 */

const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ocid|cmpid|amp)$/i;

export function normalizeUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const params = [...url.searchParams].filter(([key]) => !TRACKING.test(key));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : "";
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const port = url.port ? `:${url.port}` : "";
  const path = url.pathname.replace(/\/amp\/?$/, "/").replace(/\/+$/, "") || "/";
  return `${host}${port}${path}${query}`;
}

const normalizeText = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** An article's substantial paragraphs, normalised: short lines (bylines, "Read more") say little. */
function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map(normalizeText)
    .filter((p) => p.length >= 40);
}

/** Share of `draft`'s paragraphs found in `article` above which it is the same text. */
const SAME_TEXT_SHARE = 0.8;

export interface Duplicate {
  id: string;
  why: "url" | "text";
}

export function findDuplicate(
  draft: Pick<ArticleDraft, "url" | "body">,
  articles: Iterable<Pick<Article, "id" | "url" | "body">>,
): Duplicate | null {
  const url = draft.url ? normalizeUrl(draft.url) : null;
  const mine = paragraphsOf(draft.body);
  const whole = normalizeText(draft.body);
  for (const article of articles) {
    if (url && article.url && normalizeUrl(article.url) === url)
      return { id: article.id, why: "url" };
    if (normalizeText(article.body) === whole) return { id: article.id, why: "text" };
    if (mine.length === 0) continue;
    const theirs = new Set(paragraphsOf(article.body));
    const shared = mine.filter((p) => theirs.has(p)).length;
    if (shared / mine.length >= SAME_TEXT_SHARE) return { id: article.id, why: "text" };
  }
  return null;
}
