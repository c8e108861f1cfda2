import type { InsightsReport } from "../insights/report";
import type { Answer, Citation, Figure, Official, SourceSummary } from "../types";

/** Plain text for a person at a terminal. */

function citationLine(c: Citation, n: number): string {
  const meta = [c.publisher, c.published].filter(Boolean).join(", ");
  return `[${n}] ${c.title}${meta ? ` (${meta})` : ""} — ${c.articleId}\n    “${c.excerpt.replace(/\s+/g, " ")}”`;
}

export function answerText(a: Answer): string {
  const lines = [a.text];
  if (a.citations.length > 0) {
    lines.push("", a.answered ? "Sources:" : "Closest passages:");
    a.citations.forEach((c, i) => {
      lines.push(citationLine(c, i + 1));
    });
  }
  return lines.join("\n");
}

export function figuresText(figures: Figure[]): string {
  if (figures.length === 0) return "No figures match.";
  return figures
    .map((f) => {
      const head = [
        f.value,
        f.measure ? `— ${f.measure}` : "",
        f.period ? `(${f.period})` : "",
        f.partners.length > 0 ? `[${f.partners.join(", ")}]` : "",
        f.source ? `source: ${f.source}` : "",
      ]
        .filter(Boolean)
        .join(" ");
      return `${head}\n    ${f.articleId}: “${f.sentence}”`;
    })
    .join("\n");
}

export function officialsText(officials: Official[]): string {
  if (officials.length === 0) return "No official matches.";
  return officials
    .map((o) => {
      // An organisation the title already names is not repeated.
      const organization =
        o.organization && !o.title?.includes(o.organization) ? o.organization : null;
      const role = [o.title, organization, o.country].filter(Boolean).join(", ");
      const kind = o.kind === "other" ? "" : ` [${o.kind}]`;
      const lines = [`${o.name}${role ? ` — ${role}` : ""}${kind}`];
      if (o.aliases.length > 0) lines.push(`    also written: ${o.aliases.join(", ")}`);
      for (const q of o.quotes) lines.push(`    “${q.text}” (${q.articleId})`);
      if (o.associates.length > 0) {
        const named = o.associates.map((a) => `${a.name}${a.title ? ` (${a.title})` : ""}`);
        lines.push(`    named with: ${[...new Set(named)].join("; ")}`);
      }
      lines.push(`    articles: ${o.articleIds.join(", ")}`);
      return lines.join("\n");
    })
    .join("\n");
}

export function sourcesText(sources: SourceSummary[]): string {
  return sources
    .map((s) => {
      const meta = [s.publisher, s.published].filter(Boolean).join(", ");
      return `${s.id}: ${s.title}${meta ? ` (${meta})` : ""}\n    ${s.passages} passages, ${s.figures} figures, ${s.officials} officials`;
    })
    .join("\n");
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export function insightsText(r: InsightsReport): string {
  const share = r.answeredShare === null ? "–" : `${Math.round(r.answeredShare * 100)}%`;
  const topics = (list: InsightsReport["partners"]) =>
    list.length === 0 ? "none yet" : list.map((t) => `${t.name} (${t.count})`).join(", ");
  const lines = [
    `Insights — last ${count(r.days, "day")}, since ${r.since.slice(0, 10)} (records are kept ${r.retentionDays} days)`,
    `${count(r.questions, "question")} asked · ${share} answered (${r.answered}) · ${count(r.askers, "person", "people")} asked · 👍 ${r.votes.up} · 👎 ${r.votes.down}`,
    "",
    "Unanswered, most asked first:",
  ];
  if (r.unanswered.length === 0) lines.push("  none");
  r.unanswered.forEach((u, i) => {
    lines.push(`  ${i + 1}. ${u.count}× ${oneLine(u.question)}`);
    if (u.missing.length > 0) lines.push(`       lacks: ${u.missing.join("; ")}`);
  });
  lines.push("", "Answers given 👎:");
  if (r.disliked.length === 0) lines.push("  none");
  r.disliked.forEach((d, i) => {
    const cited = d.articleIds.length > 0 ? ` (cited: ${d.articleIds.join(", ")})` : "";
    lines.push(`  ${i + 1}. ${d.count}× ${oneLine(d.question)}${cited}`);
  });
  lines.push(
    "",
    `Partners most asked about: ${topics(r.partners)}`,
    `Measures most asked about: ${topics(r.measures)}`,
  );
  return lines.join("\n");
}
