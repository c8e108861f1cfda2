/**
 * Replies of /article: what was added (and what Tijarat found in it), and the list of articles
 * with the ids /article remove takes. Ephemeral: only the admin who asked sees them. Article text
 * is escaped, and every reply goes through `fitReply`.
 */
import type { AddedArticle } from "../articles/added-article";
import type { SourceSummary } from "../types";
import { fitReply } from "./fit";
import { LIMITS } from "./limits";
import type { Embed, EmbedField, Reply } from "./payload";
import { COLORS } from "./render";
import { blockQuote, escapeText, link, shorten } from "./text";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function renderAdded(added: AddedArticle): Reply {
  const fields: EmbedField[] = [
    { name: "Id", value: `\`${added.id}\``, inline: true },
    {
      name: "Publisher",
      value: added.publisher ? escapeText(added.publisher) : "not given",
      inline: true,
    },
    { name: "Published", value: added.published ?? "not given", inline: true },
    {
      name: "Found",
      value: `${plural(added.passages, "passage")} · ${plural(added.figures, "figure")} · ${plural(added.officials, "official")}`,
    },
  ];
  if (added.officialNames.length > 0) {
    fields.push({
      name: "Officials",
      value: shorten(added.officialNames.map(escapeText).join(", "), LIMITS.fieldValue),
    });
  }
  if (added.sample) {
    const { value, measure, period, sentence } = added.sample;
    const head = [
      `**${escapeText(value)}**`,
      measure ? escapeText(measure) : null,
      period ? escapeText(period) : null,
    ]
      .filter(Boolean)
      .join(" — ");
    fields.push({
      name: "A figure it states",
      value: shorten(`${head}\n${blockQuote(escapeText(sentence))}`, LIMITS.fieldValue),
    });
  }
  const embed: Embed = {
    title: shorten(`Added: ${added.title}`, LIMITS.embedTitle),
    description: `${added.url ? `${link("Source", added.url)} — ` : ""}Tijarat answers from it from now on. Remove it with \`/article remove id:${added.id}\`.`,
    color: COLORS.answered,
    fields,
  };
  return fitReply({ embeds: [embed], ephemeral: true, allowed_mentions: { parse: [] } });
}

/** Every article with its id, newest ids last as the corpus orders them. */
export function renderArticleList(sources: readonly SourceSummary[]): Reply {
  const lines = sources.map(
    (s) =>
      `\`${s.id}\` — ${link(s.title, s.url)}${s.published ? ` (${s.published})` : ""} · ${plural(s.passages, "passage")}, ${plural(s.figures, "figure")}`,
  );
  let description = "";
  let shown = 0;
  for (const line of lines) {
    const more = `\n…and ${lines.length - shown} more`;
    if (description.length + line.length + 1 + more.length > LIMITS.embedDescription - 50) {
      description += more;
      break;
    }
    description += `${description ? "\n" : ""}${line}`;
    shown++;
  }
  const embed: Embed = {
    title: `Articles — ${sources.length}`,
    description: description || "No articles are loaded.",
    color: COLORS.info,
    footer: { text: "Add with /article add url: … · remove with /article remove id: …" },
  };
  return fitReply({ embeds: [embed], ephemeral: true, allowed_mentions: { parse: [] } });
}
