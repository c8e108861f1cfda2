/**
 * The insights report as a Discord message, shown only to the person who asked for it. Every
 * question is user text: escaped, on one line and shortened before it is shown.
 */
import type { InsightsReport } from "../insights/report";
import type { Erased } from "../insights/store";
import { counted } from "../text/plural";
import { fitReply } from "./fit";
import { type ActionRow, ButtonStyle, ComponentKind, type Embed, type Reply } from "./payload";
import { COLORS } from "./render";
import { escapeText, oneLine, shorten } from "./text";

const QUESTION_CHARS = 110;
const MISSING_CHARS = 160;

const quoted = (question: string) => escapeText(shorten(oneLine(question), QUESTION_CHARS));

/** "58%", or "–" when nothing was asked. */
export const percent = (share: number | null): string =>
  share === null ? "–" : `${Math.round(share * 100)}%`;

function summaryLine(report: InsightsReport): string {
  return [
    `**${counted(report.questions, "question")}** asked`,
    `**${percent(report.answeredShare)}** answered (${report.answered.toLocaleString("en-US")})`,
    `**${counted(report.askers, "person", "people")}** asked`,
    `👍 ${report.votes.up} · 👎 ${report.votes.down}`,
  ].join(" · ");
}

function unansweredLines(report: InsightsReport): string {
  if (report.questions === 0) return "Nothing was asked.";
  if (report.unanswered.length === 0) return "None — every question found its answer.";
  return report.unanswered
    .map((entry, i) => {
      const lacks = entry.missing.length
        ? `\n  ↳ ${escapeText(shorten(entry.missing.join("; "), MISSING_CHARS))}`
        : "";
      return `${i + 1}. **${entry.count}×** ${quoted(entry.question)}${lacks}`;
    })
    .join("\n");
}

function dislikedLines(report: InsightsReport): string {
  if (report.disliked.length === 0) return "None.";
  return report.disliked
    .map((entry, i) => {
      const cited = entry.articleIds.length
        ? ` — cited ${escapeText(shorten(entry.articleIds.join(", "), 120))}`
        : "";
      return `${i + 1}. **${entry.count}× 👎** ${quoted(entry.question)}${cited}`;
    })
    .join("\n");
}

const topics = (list: InsightsReport["partners"]): string =>
  list.length === 0
    ? "None yet."
    : list.map((topic) => `${escapeText(topic.name)} (${topic.count})`).join(", ");

/**
 * `scope` names whose questions are shown ("this server", "everywhere"); `erases` whose records
 * /insights forget would erase ("this server's", "the console's").
 */
export function renderInsights(
  report: InsightsReport,
  scope: { shows: string; erases: string },
): Reply {
  const embed: Embed = {
    title: `Insights — ${scope.shows}, last ${counted(report.days, "day")}`,
    color: COLORS.info,
    description: summaryLine(report),
    fields: [
      { name: "Unanswered, most asked first", value: unansweredLines(report) },
      { name: "Answers given 👎", value: dislikedLines(report) },
      { name: "Partners most asked about", value: topics(report.partners), inline: true },
      { name: "Measures most asked about", value: topics(report.measures), inline: true },
    ],
    footer: {
      text: `Kept ${report.retentionDays} days. No user ids or names are kept, only a salted hash to count people. /insights forget:True erases ${scope.erases} records.`,
    },
  };
  return fitReply({ embeds: [embed], ephemeral: true, allowed_mentions: { parse: [] } });
}

export const FORGET_CONFIRM = "insights:forget:yes";
export const FORGET_CANCEL = "insights:forget:no";

/** The question before erasing: nothing is erased by one mistyped option. */
export function renderForgetQuestion(where: string): Reply {
  const row: ActionRow = {
    type: ComponentKind.ActionRow,
    components: [
      {
        type: ComponentKind.Button,
        style: ButtonStyle.Danger,
        label: "Erase them",
        custom_id: FORGET_CONFIRM,
      },
      {
        type: ComponentKind.Button,
        style: ButtonStyle.Secondary,
        label: "Keep them",
        custom_id: FORGET_CANCEL,
      },
    ],
  };
  return fitReply({
    content: `Erase every question and vote recorded ${where}? This cannot be undone.`,
    components: [row],
    ephemeral: true,
    allowed_mentions: { parse: [] },
  });
}

export function renderErased(erased: Erased, where: string): Reply {
  return fitReply({
    content: `Erased ${counted(erased.questions, "question")} and ${counted(erased.votes, "vote")} recorded ${where}.`,
    ephemeral: true,
    allowed_mentions: { parse: [] },
  });
}
