import { type CorpusFacts, describeCorpus } from "../corpus/summary";
import type { InsightsReport } from "../insights/report";
import { counted } from "../text/plural";
import type { Answer, Citation, Figure, Official, SourceSummary } from "../types";

/** Plain text for a person at a terminal. */

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** `[1] Title — Publisher, 2024-05-02 <https://…>`, then the cited words quoted. */
function citationLine(c: Citation, n: number): string {
  const meta = [c.publisher, c.published].filter(Boolean).join(", ");
  const url = c.url ? ` <${c.url}>` : "";
  return `[${n}] ${oneLine(c.title)}${meta ? ` — ${meta}` : ""}${url}\n    > ${oneLine(c.excerpt)}`;
}

/**
 * An answer for a person at a terminal: the answer line, each source (title, publisher, date,
 * address, the cited words), and what the corpus holds — as the bot shows it in Discord.
 */
export function answerText(a: Answer, corpus?: CorpusFacts): string {
  const lines = [a.text];
  if (a.citations.length > 0) {
    lines.push("", a.answered ? "Sources:" : "Closest passages:");
    a.citations.forEach((c, i) => {
      lines.push(citationLine(c, i + 1));
    });
  }
  if (corpus) {
    const quoted = new Set(a.citations.map((c) => c.articleId)).size;
    const lead = a.answered
      ? `Quoted verbatim from ${counted(quoted, "article")}`
      : "Not found in the articles";
    lines.push("", `— ${lead}; the corpus holds ${describeCorpus(corpus)}.`);
  }
  return lines.join("\n");
}

/** Each figure: value, what it measures, when, for whom and by whose account; then its sentence. */
export function figuresText(figures: Figure[]): string {
  if (figures.length === 0) return "No figures match.";
  return figures
    .map((f) => {
      const value = f.qualifier ? `${f.qualifier} ${f.value}` : f.value;
      // A count names what it counts ("70 Japanese companies"): its measure would say it again.
      const measure =
        f.measure && !f.value.toLowerCase().includes(f.measure.toLowerCase()) ? f.measure : null;
      const about = [
        measure,
        f.period,
        f.partners.length > 0 ? f.partners.join(", ") : null,
        f.source ? `according to the ${f.source.replace(/^the\s+/i, "")}` : null,
      ].filter(Boolean);
      const head = about.length > 0 ? `${value} — ${about.join(" · ")}` : value;
      return `${head}\n    > ${oneLine(f.sentence)} (${f.articleId})`;
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
  if (sources.length === 0) return "No articles are loaded.";
  return sources
    .map((s) => {
      const meta = [s.publisher, s.published].filter(Boolean).join(", ");
      const url = s.url ? ` <${s.url}>` : "";
      return `${s.id}: ${oneLine(s.title)}${meta ? ` — ${meta}` : ""}${url}\n    ${counted(s.figures, "figure")}, ${counted(s.officials, "official")}, ${counted(s.passages, "paragraph")}`;
    })
    .join("\n");
}

export function insightsText(r: InsightsReport): string {
  const share = r.answeredShare === null ? "–" : `${Math.round(r.answeredShare * 100)}%`;
  const topics = (list: InsightsReport["partners"]) =>
    list.length === 0 ? "none yet" : list.map((t) => `${t.name} (${t.count})`).join(", ");
  const lines = [
    `Insights — last ${counted(r.days, "day")}, since ${r.since.slice(0, 10)} (records are kept ${r.retentionDays} days)`,
    `${counted(r.questions, "question")} asked · ${share} answered (${r.answered}) · ${counted(r.askers, "person", "people")} asked · 👍 ${r.votes.up} · 👎 ${r.votes.down}`,
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
