import type { Figure } from "../../types";

/** The clause of a figure's sentence that holds its value. */
export function clauseOf(f: Figure): string {
  const at = f.valueStart - f.sentenceStart;
  // "… exports to the EU grew 65 percent and the EU's exports to Pakistan 44 percent": an "and"
  // that opens another trade flow opens another clause.
  const cut =
    /[,;]|\bwhile\b|\bwhereas\b|\bagainst\b|\bcompared\b|\band\s+(?=(?:the\s+)?[^\s,;]+\s+(?:[^\s,;]+\s+)?(?:exports?|imports?)\b)/gi;
  let from = 0;
  let to = f.sentence.length;
  for (const m of f.sentence.matchAll(cut)) {
    const i = m.index ?? 0;
    if (i + m[0].length <= at) from = i + m[0].length;
    else if (i >= at + f.value.length) {
      to = i;
      break;
    }
  }
  return f.sentence.slice(from, to);
}
