/**
 * Why an answer was given or refused, for `ask --explain` and the bot's debug log: the question as
 * the engine read it, the plan of each part, the top candidates with their features and the
 * model's probability, and the decision.
 */
export interface Explanation {
  /** The question after chat forms and typos were folded. */
  normalised: string;
  /** What was rewritten (`whats → what is`, `pakistn → pakistan (spelling)`). */
  changes: string[];
  parts: {
    plan: Record<string, unknown>;
    decision: string;
    candidates: {
      kind: string;
      what: string;
      p: number;
      conflict: string | null;
      features: Record<string, number>;
    }[];
  }[];
}

/** The explanation as plain text lines. */
export function explanationText(e: Explanation): string {
  const lines = [`Read as: ${e.normalised}`];
  if (e.changes.length > 0) lines.push(`Changes: ${e.changes.join("; ")}`);
  e.parts.forEach((part, i) => {
    if (e.parts.length > 1) lines.push(`Part ${i + 1}:`);
    lines.push(`Plan: ${JSON.stringify(part.plan)}`);
    lines.push(`Decision: ${part.decision}`);
    for (const c of part.candidates) {
      const features = Object.entries(c.features)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      lines.push(
        `  p=${c.p.toFixed(3)} ${c.what}${c.conflict ? ` [conflict: ${c.conflict}]` : ""}\n      ${features}`,
      );
    }
  });
  return lines.join("\n");
}
