import type { Answer, Figure, Official, SourceSummary } from "../types";

/**
 * The CLI's JSON shapes, as `CONTRACT.md` names them. Scripts outside the project read these:
 * fields named there keep their names and meanings; the rest are extras.
 */
export function answerJson(a: Answer) {
  return {
    question: a.question,
    answered: a.answered,
    text: a.text,
    citations: a.citations.map((c) => ({
      articleId: c.articleId,
      title: c.title,
      excerpt: c.excerpt,
      publisher: c.publisher,
      published: c.published,
      url: c.url,
      start: c.start,
      end: c.end,
    })),
    kind: a.kind,
    figures: a.figures.map(figureJson),
    officials: a.officials.map((o) => o.name),
    missing: a.missing,
    ...(a.assumed ? { assumed: a.assumed } : {}),
    ...(a.explanation ? { explanation: a.explanation } : {}),
  };
}

export function figureJson(f: Figure) {
  return {
    value: f.value,
    amount: f.amount,
    unit: f.unit,
    measure: f.measure,
    period: f.period,
    partners: f.partners,
    source: f.source,
    articleId: f.articleId,
    sentence: f.sentence,
    kind: f.kind,
    qualifier: f.qualifier,
    amountHigh: f.amountHigh,
  };
}

export function officialJson(o: Official) {
  return {
    name: o.name,
    title: o.title,
    organization: o.organization,
    country: o.country,
    quotes: o.quotes.map((q) => ({ text: q.text, articleId: q.articleId })),
    articleIds: o.articleIds,
    aliases: o.aliases,
    kind: o.kind,
    offices: o.offices,
    associates: o.associates.map((a) => ({ name: a.name, title: a.title, articleId: a.articleId })),
  };
}

export function sourceJson(s: SourceSummary) {
  return { ...s };
}
