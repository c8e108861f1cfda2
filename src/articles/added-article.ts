import type { Engine, Figure, SourceSummary } from "../types";

/** What was added, for the reply and `add --json`: the source line plus what was found in it. */
export interface AddedArticle extends SourceSummary {
  /** Names of the officials the article names. */
  officialNames: string[];
  /** One figure found, with its sentence, to show the article was read. */
  sample: Pick<Figure, "value" | "measure" | "period" | "sentence"> | null;
}

const KIND_ORDER: Record<Figure["kind"], number> = {
  money: 0,
  percent: 1,
  count: 2,
  quantity: 3,
  duration: 4,
};

export function describeAdded(engine: Engine, id: string): AddedArticle | null {
  const source = engine.sources().find((s) => s.id === id);
  if (!source) return null;
  const figures = engine.figures().filter((f) => f.articleId === id);
  // A money figure with a measure says most about a trade article.
  const [sample] = [...figures].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      Number(b.measure !== null) - Number(a.measure !== null),
  );
  return {
    ...source,
    officialNames: engine
      .officials()
      .filter((o) => o.articleIds.includes(id))
      .map((o) => o.name),
    sample: sample
      ? {
          value: sample.value,
          measure: sample.measure,
          period: sample.period,
          sentence: sample.sentence,
        }
      : null,
  };
}
