import type { FigureTables } from "../answer/knowledge";

/**
 * The figure look-ups after one article's figures leave and another's come in, worked out from
 * the look-ups before rather than from every figure again. Figures sit in corpus order, each
 * article's together, so an update takes out one run of positions and puts one run in: every
 * other position only moves by the length of those runs, and a list of positions all before both
 * runs stays as it was (shared, never changed in place: the engine before the update still
 * answers from it).
 */
export interface FigureRuns {
  /** Positions (in the old figures) of the figures that leave: `[start, start + count)`. */
  removed: { start: number; count: number };
  /** Where the incoming figures start in the new figures, and their own look-ups from there. */
  added: { start: number; count: number; tables: FigureTables };
}

export function shiftedFigureTables(before: FigureTables, runs: FigureRuns): FigureTables {
  return {
    byTerm: shifted(before.byTerm, runs.added.tables.byTerm, runs),
    byPartner: shifted(before.byPartner, runs.added.tables.byPartner, runs),
    bySentence: shifted(before.bySentence, runs.added.tables.bySentence, runs),
  };
}

function shifted(
  before: ReadonlyMap<string, readonly number[]>,
  incoming: ReadonlyMap<string, number[]>,
  { removed, added }: FigureRuns,
): Map<string, number[]> {
  const removedEnd = removed.start + removed.count;
  const unmoved = Math.min(removed.start, added.start);
  // An old position after the removed run moves back by its length, then on past the added run.
  const moved = (i: number): number => {
    const j = i < removed.start ? i : i - removed.count;
    return j < added.start ? j : j + added.count;
  };
  const next = new Map<string, number[]>();
  for (const [key, list] of before) {
    const extra = incoming.get(key);
    const last = list[list.length - 1];
    if (!extra && last !== undefined && last < unmoved) {
      next.set(key, list as number[]);
      continue;
    }
    const out: number[] = [];
    let placed = extra === undefined;
    for (const i of list) {
      if (i >= removed.start && i < removedEnd) continue;
      const j = moved(i);
      if (!placed && j > added.start) {
        out.push(...(extra as number[]));
        placed = true;
      }
      out.push(j);
    }
    if (!placed) out.push(...(extra as number[]));
    if (out.length > 0) next.set(key, out);
  }
  for (const [key, extra] of incoming) if (!before.has(key)) next.set(key, extra);
  return next;
}
