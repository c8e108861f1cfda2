import { locateFrontMatter, parseFrontMatter } from "../corpus/front-matter";
import { type ArticleDraft, oneLine, requireArticleText } from "./draft";
import { ArticleRefusal } from "./refusal";

/**
 * An article from plain text or Markdown: a saved `.txt` or `.md` file, or a page served as
 * text. With front matter (as the corpus writes it), the front matter gives the title, publisher,
 * URL and date, checked as the corpus loader checks them. Without it, the title is the first line
 * (a Markdown `# heading` or the first line of plain text, as news copy opens with its headline),
 * and the rest is the body, kept as given.
 */

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
/** A title is a line, not a paragraph. */
const MAX_TITLE_CHARS = 200;

export function articleFromText(
  text: string,
  kind: "text" | "markdown",
  where: string,
  url: string | null = null,
): ArticleDraft {
  const content = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (/^---[ \t]*\n/.test(content)) return fromFrontMatter(content, where, url);

  const lines = content.split("\n");
  const at = lines.findIndex((line) => line.trim() !== "");
  const first = lines[at]?.trim() ?? "";
  const heading = kind === "markdown" ? HEADING.exec(first)?.[1] : undefined;
  const candidate = heading ?? first.replace(/^#{1,6}\s+/, "");
  if (at === -1 || candidate.length > MAX_TITLE_CHARS) {
    throw new ArticleRefusal(
      "no-article",
      `no title in ${where}: start it with a headline line${kind === "markdown" ? " (# Headline)" : ""}, or with front matter`,
    );
  }
  const body = lines
    .slice(at + 1)
    .join("\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
  requireArticleText(body, where);
  return {
    title: oneLine(candidate) ?? candidate,
    publisher: null,
    published: null,
    url,
    body,
  };
}

function fromFrontMatter(content: string, where: string, url: string | null): ArticleDraft {
  const located = locateFrontMatter(content);
  if ("problem" in located) {
    throw new ArticleRefusal(
      "invalid",
      `${where}: line ${located.problem.line}: ${located.problem.message}`,
    );
  }
  const parsed = parseFrontMatter(located.layout.yaml, located.layout.yamlLine);
  if ("problems" in parsed) {
    const [problem] = parsed.problems;
    throw new ArticleRefusal(
      "invalid",
      `${where}: line ${problem?.line ?? "?"}: ${problem?.message ?? "bad front matter"}`,
    );
  }
  const body = content.slice(located.layout.bodyStart).trimEnd();
  requireArticleText(body, where);
  const fm = parsed.frontMatter;
  return {
    title: fm.title,
    publisher: fm.publisher,
    published: fm.published,
    url: fm.url ?? url,
    body: body.replace(/^\s*\n/, ""),
  };
}
