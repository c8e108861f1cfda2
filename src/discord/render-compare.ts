/**
 * `/compare` and `/chart` as Discord messages. A comparison is one embed: a field per measure, a
 * line per partner with the figure, its period and its citation number, and the cited sentences
 * under the table. A chart is the PNG attached and shown in the embed, its description in words
 * (also the image's alt text), and each cited sentence as a numbered field. Every figure shown
 * stands in a sentence the reply quotes; what does not fit is left out whole, never cut.
 */
import type { ChartData } from "../compare/chart-data";
import { chartDescription, chartTableLines, chartTitle, notDrawnText } from "../compare/chart-text";
import { type Comparison, type ComparisonRow, cellHeadline } from "../compare/compare";
import type { PlacedFigure } from "../compare/partner-figures";
import type { Article, Figure } from "../types";
import { type Excerpt, excerptAround, quoted } from "./excerpt";
import { embedLength, fitReply } from "./fit";
import { LIMITS } from "./limits";
import {
  type Button,
  ButtonStyle,
  ComponentKind,
  type Embed,
  type EmbedField,
  type Reply,
} from "./payload";
import { COLORS } from "./render";
import { escapeText, link, shorten } from "./text";

type ArticleLookup = (id: string) => Article | undefined;

/** Rows a comparison shows at most; the rest are named in the footer. */
const MAX_ROWS = 12;
/** Characters of a cited sentence shown around its figures. */
const EXCERPT_CHARS = 200;
/** Room kept free of the 6,000 embed characters, for the title and the footer. */
const RESERVE = 400;

interface Cited {
  number: number;
  figure: Figure;
  values: string[];
}

/** Numbers sentences in the order their figures are shown; one number per sentence. */
class Citations {
  readonly list: Cited[] = [];

  numberOf(figure: Figure): number {
    const found = this.list.find(
      (c) =>
        c.figure.articleId === figure.articleId && c.figure.sentenceStart === figure.sentenceStart,
    );
    if (found) {
      if (!found.values.includes(figure.value)) found.values.push(figure.value);
      return found.number;
    }
    const number = this.list.length + 1;
    this.list.push({ number, figure, values: [figure.value] });
    return number;
  }

  lines(article: ArticleLookup, excerptChars: number): string[] {
    return this.list.map(({ number, figure, values }) => {
      const source = article(figure.articleId);
      const by = [source?.publisher, source?.published]
        .filter(Boolean)
        .map((s) => escapeText(s as string));
      const excerpt: Excerpt = excerptAround(figure.sentence, values, excerptChars);
      return `**[${number}]** ${link(source?.title ?? figure.articleId, source?.url)}${by.length > 0 ? ` · ${by.join(" · ")}` : ""}\n> ${quoted(excerpt, escapeText)}`;
    });
  }
}

const valueText = (f: Figure) =>
  `${f.qualifier ? `${escapeText(f.qualifier)} ` : ""}**${escapeText(f.value)}**`;

function cellLine(row: ComparisonRow, partner: string, citations: Citations): string {
  const shown = cellHeadline(row, partner);
  const name = `**${escapeText(partner)}:**`;
  if (shown.length === 0) return `${name} not in the articles`;
  const parts = shown.map((p: PlacedFigure) => {
    const period = p.period?.label ?? p.figure.period ?? "period not stated";
    return `${valueText(p.figure)} · ${escapeText(period)} [${citations.numberOf(p.figure)}]`;
  });
  const others = (row.cells.get(partner)?.length ?? 0) - shown.length;
  const more = others > 0 ? ` (+${others} more)` : "";
  return `${name} ${parts.join("; ")}${shown.length > 1 ? " — the sources differ" : ""}${more}`;
}

/** The cited sentences as fields under the table, as many lines to a field as fit. */
function sourceFields(lines: readonly string[]): EmbedField[] {
  const fields: EmbedField[] = [];
  let value = "";
  for (const line of lines) {
    if (value && value.length + 1 + line.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length === 0 ? "Sources" : "Sources (continued)", value });
      value = "";
    }
    value = value ? `${value}\n${line}` : line;
  }
  if (value) fields.push({ name: fields.length === 0 ? "Sources" : "Sources (continued)", value });
  return fields;
}

function comparisonEmbed(
  comparison: Comparison,
  rows: readonly ComparisonRow[],
  article: ArticleLookup,
  excerptChars: number,
): Embed {
  const citations = new Citations();
  const fields: EmbedField[] = rows.map((row) => ({
    name: shorten(`${row.periodsDiffer ? "⚠ " : ""}${escapeText(row.measure)}`, LIMITS.fieldName),
    value: [
      ...comparison.partners.map((partner) => cellLine(row, partner, citations)),
      ...(row.periodsDiffer ? ["*Different periods: compare with care.*"] : []),
    ].join("\n"),
  }));
  const intro =
    "Each figure as the article states it, with its period and its source, quoted under the table. Nothing is added up, averaged or converted.";
  fields.push(...sourceFields(citations.lines(article, excerptChars)));
  const description = intro;
  const hidden = comparison.rows.length - rows.length;
  return {
    title: shorten(
      `${comparison.partners.map(escapeText).join(" vs ")}${comparison.measure ? ` — ${escapeText(comparison.measure)}` : ""}`,
      LIMITS.embedTitle,
    ),
    description,
    color: COLORS.info,
    fields,
    footer: {
      text:
        hidden > 0
          ? `${hidden} more measure${hidden === 1 ? "" : "s"} not shown: pick one with measure:`
          : "Tijarat · quoted from the articles",
    },
  };
}

/**
 * `/compare`: the comparison as one embed. Rows are dropped from the end, and cited sentences
 * shortened to the words around their figures, until the whole fits Discord's limits.
 */
export function renderComparison(comparison: Comparison, article: ArticleLookup): Reply {
  if (comparison.rows.length === 0) {
    const what = comparison.measure ? ` of ${escapeText(comparison.measure)}` : "";
    return fitReply({
      embeds: [
        {
          title: comparison.partners.map(escapeText).join(" vs "),
          description: `The articles give no figures${what} for ${comparison.partners.map(escapeText).join(" or ")}.`,
          color: COLORS.unanswered,
        },
      ],
      allowed_mentions: { parse: [] },
    });
  }
  let count = Math.min(MAX_ROWS, comparison.rows.length);
  let excerptChars = EXCERPT_CHARS;
  let embed = comparisonEmbed(comparison, comparison.rows.slice(0, count), article, excerptChars);
  const fits = (e: Embed) =>
    embedLength(e) <= LIMITS.embedsTotal - RESERVE &&
    (e.fields ?? []).length <= LIMITS.fields &&
    (e.fields ?? []).every((f) => f.value.length <= LIMITS.fieldValue);
  while (!fits(embed) && (count > 1 || excerptChars > 80)) {
    if (excerptChars > 120) excerptChars -= 40;
    else count -= 1;
    embed = comparisonEmbed(comparison, comparison.rows.slice(0, count), article, excerptChars);
  }
  const values = comparison.rows.flatMap((row) =>
    [...row.cells.values()].flat().map((p) => p.figure.value),
  );
  return fitReply({ embeds: [embed], allowed_mentions: { parse: [] } }, values);
}

export const CHART_FILE = "chart.png";

/** custom_id of a "Chart" button: the partner and the measure's key (the same across restarts). */
export const chartButtonId = (partner: string, key: string) => `chart:k:${partner}:${key}`;

/** The partner and measure key a chart button carries, or null. */
export function parseChartButton(args: string): { partner: string; key: string } | null {
  const m = /^k:([^:]+):(.+)$/.exec(args);
  return m?.[1] && m[2] ? { partner: m[1], key: m[2] } : null;
}

/** "Chart …" buttons, one per measure offered, each within Discord's custom_id limit. */
export function chartButtons(
  offers: readonly { partner: string; key: string; measure: string }[],
): Button[] {
  return offers
    .map((offer) => ({
      type: ComponentKind.Button,
      style: ButtonStyle.Secondary,
      label: shorten(`Chart: ${offer.partner} ${offer.measure}`, LIMITS.buttonLabel),
      emoji: { name: "📈" },
      custom_id: chartButtonId(offer.partner, offer.key),
    }))
    .filter((button) => button.custom_id.length <= LIMITS.customId) as Button[];
}

/**
 * `/chart`: the PNG attached and shown in an embed whose description says what it shows, bar by
 * bar, with each cited sentence as a numbered field.
 */
export function renderChart(chart: ChartData, png: Uint8Array): Reply {
  const description = chartDescription(chart);
  const notDrawn = notDrawnText(chart);
  // Article words cannot close the code block: a run of backticks becomes apostrophes.
  const table = chartTableLines(chart)
    .map((line) => line.replace(/`/g, "'"))
    .join("\n");
  const text = [
    `\`\`\`\n${shorten(table, 1500)}\n\`\`\``,
    notDrawn ? `*${shorten(escapeText(notDrawn), 600)}*` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
  const embed: Embed = {
    title: shorten(escapeText(chartTitle(chart)), LIMITS.embedTitle),
    description: text,
    color: COLORS.info,
    image: { url: `attachment://${CHART_FILE}` },
    footer: {
      text: "Tijarat · figures as the articles state them; nothing added up, averaged or converted",
    },
  };
  const budget = LIMITS.embedsTotal - embedLength(embed) - 100;
  const count = Math.min(chart.citations.length, LIMITS.fields);
  const perField = Math.max(
    120,
    Math.min(LIMITS.fieldValue, Math.floor(budget / Math.max(1, count))),
  );
  embed.fields = chart.citations.slice(0, count).map((c) => {
    const values = chart.series
      .flatMap((s) => s.points)
      .flatMap((p) => p.figures)
      .filter((f) => f.articleId === c.articleId && f.sentenceStart === c.sentenceStart)
      .map((f) => f.value);
    const head = `${link(c.title, c.url)}\n> `;
    const excerpt = excerptAround(c.sentence, values, Math.max(60, perField - head.length - 10));
    const by = [c.publisher, c.published].filter(Boolean).join(" · ");
    return {
      name: shorten(`[${c.number}] ${escapeText(by || "Article")}`, LIMITS.fieldName),
      value: `${head}${quoted(excerpt, escapeText)}`,
    };
  });
  const values = chart.series.flatMap((s) => s.points.map((p) => p.value));
  return fitReply(
    {
      embeds: [embed],
      files: [
        {
          name: CHART_FILE,
          data: png,
          description: shorten(description, LIMITS.attachmentDescription),
        },
      ],
      allowed_mentions: { parse: [] },
    },
    values,
  );
}
