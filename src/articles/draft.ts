import { ArticleRefusal } from "./refusal";

/** An article read from a page, a file or a paste, before it has an id or a file. */
export interface ArticleDraft {
  title: string;
  publisher: string | null;
  /** `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  url: string | null;
  /** The article's text: paragraphs separated by blank lines. */
  body: string;
}

/** Less text than this is no article: a teaser, a login wall, a page of links. */
export const MIN_ARTICLE_CHARS = 300;

/** Title and other one-line fields: whitespace collapsed, at most `max` characters. */
export function oneLine(text: string | null | undefined, max = 300): string | null {
  const line = (text ?? "").replace(/\s+/g, " ").trim();
  if (!line) return null;
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Letters and digits in the text: what counts toward an article's length. */
export function textLength(body: string): number {
  return body.replace(/[^\p{L}\p{N}]+/gu, "").length;
}

/** Refuses a draft with too little text, naming how little. */
export function requireArticleText(body: string, where: string): void {
  const length = textLength(body);
  if (length < MIN_ARTICLE_CHARS) {
    throw new ArticleRefusal(
      "no-article",
      length === 0
        ? `no article text in ${where}`
        : `no article in ${where}: only ${length} characters of text (an article has at least ${MIN_ARTICLE_CHARS})`,
    );
  }
}
