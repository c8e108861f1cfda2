import type { FigureSource } from "../../src/compare/partner-figures";
import type { Article, Figure } from "../../src/types";

/** Figures and the articles stating them, as the engine offers them to comparing and charting. */
export function sourceOf(figures: Figure[], articles: Article[] = []): FigureSource {
  return {
    figures: (filter) =>
      figures.filter((f) => !filter?.partner || f.partners.includes(filter.partner)),
    article: (id) => articles.find((a) => a.id === id),
    partners: () => [...new Set(figures.flatMap((f) => f.partners))].sort(),
  };
}
