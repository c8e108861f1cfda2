import type { Article, Figure } from "../../src/types";

/**
 * A figure as extraction would give it, stated by `sentence` of an article: offsets, kind and
 * unit filled in from the value, so the comparing code reads its clause as it reads a real one.
 */
export function figureIn(
  sentence: string,
  value: string,
  fields: Partial<Figure> & { measure: string | null },
): Figure {
  const at = sentence.indexOf(value);
  if (at === -1) throw new Error(`${value} is not in: ${sentence}`);
  const money = /[$€£¥]|Rs/.test(value);
  return {
    value,
    amount: null,
    amountHigh: null,
    unit: money ? "USD" : "percent",
    kind: money ? "money" : "percent",
    qualifier: null,
    period: null,
    partners: [],
    source: null,
    articleId: "article",
    passageId: "article#0",
    sentence,
    sentenceStart: 0,
    sentenceEnd: sentence.length,
    valueStart: at,
    valueEnd: at + value.length,
    ...fields,
  };
}

/** An article whose body holds the given sentences, one paragraph each. */
export function articleOf(
  id: string,
  sentences: string[],
  published: string | null = null,
): Article {
  return {
    id,
    title: `Article ${id}`,
    publisher: "Test Desk",
    url: null,
    published,
    body: sentences.join("\n\n"),
    file: `corpus/${id}.md`,
  };
}
