/**
 * The insights report, the same for every store and every surface (/insights, the console,
 * `cli insights`): the store's aggregates, with groups of similar questions merged into one entry
 * each. Its JSON shape is CONTRACT.md's "Insights".
 */
import { askSameThing, questionTerms } from "./question-text";
import type { DislikedGroup, QuestionGroup, StoreSummary, TopicCount } from "./store";

export interface UnansweredEntry {
  question: string;
  count: number;
  /** What the corpus lacked, most often said first. */
  missing: string[];
  partners: string[];
}

export interface DislikedEntry {
  question: string;
  count: number;
  answered: boolean;
  articleIds: string[];
}

export interface InsightsReport {
  days: number;
  /** ISO 8601: the start of the window. */
  since: string;
  questions: number;
  answered: number;
  /** answered / questions, or null when nothing was asked. */
  answeredShare: number | null;
  askers: number;
  votes: { up: number; down: number };
  unanswered: UnansweredEntry[];
  disliked: DislikedEntry[];
  partners: TopicCount[];
  measures: TopicCount[];
  retentionDays: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of a report's window: `days` back, but never past the retention period. */
export const windowStart = (now: number, days: number, retentionDays: number): number =>
  now - Math.min(days, retentionDays) * DAY_MS;

/** Entries shown in each list. */
export const REPORT_ENTRIES = 10;
/** Groups the store returns to merge from: more than shown, so merging can lift a question. */
export const STORE_GROUPS = 200;
/** Partners and measures shown. */
export const REPORT_TOPICS = 8;

interface Mergeable {
  questionNorm: string;
  question: string;
  count: number;
  partners: readonly string[];
}

const samePartners = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === 0 || b.length === 0 || [...a].sort().join("|") === [...b].sort().join("|");

/**
 * Merges groups that ask the same thing: each group, most asked first, joins the first cluster
 * whose leading question it resembles (same numbers, similar words, no other partner), else leads
 * a cluster of its own.
 */
export function clusterGroups<T extends Mergeable>(groups: readonly T[]): T[][] {
  const clusters: { terms: string[]; partners: readonly string[]; members: T[] }[] = [];
  // Most asked first; among equals by text, so the same records always make the same report.
  const ordered = [...groups].sort(
    (a, b) => b.count - a.count || a.question.localeCompare(b.question),
  );
  for (const group of ordered) {
    const terms = questionTerms(group.question);
    const home = clusters.find(
      (cluster) =>
        samePartners(cluster.partners, group.partners) && askSameThing(cluster.terms, terms),
    );
    if (home) home.members.push(group);
    else clusters.push({ terms, partners: group.partners, members: [group] });
  }
  return clusters
    .map((cluster) => cluster.members)
    .sort(
      (a, b) => total(b) - total(a) || (a[0]?.question ?? "").localeCompare(b[0]?.question ?? ""),
    );
}

const total = (members: readonly { count: number }[]): number =>
  members.reduce((sum, member) => sum + member.count, 0);

function unansweredEntry(members: readonly QuestionGroup[]): UnansweredEntry {
  const missing = new Map<string, number>();
  for (const member of members) {
    for (const { value, count } of member.missing)
      missing.set(value, (missing.get(value) ?? 0) + count);
  }
  return {
    question: members[0]?.question ?? "",
    count: total(members),
    missing: [...missing.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([v]) => v),
    partners: [...new Set(members.flatMap((member) => member.partners))].sort(),
  };
}

function dislikedEntry(members: readonly DislikedGroup[]): DislikedEntry {
  return {
    question: members[0]?.question ?? "",
    count: total(members),
    answered: members.some((member) => member.answered),
    articleIds: [...new Set(members.flatMap((member) => member.articleIds))].sort(),
  };
}

/** What a store that does not exist yet holds. */
export const NOTHING_RECORDED: StoreSummary = {
  questions: 0,
  answered: 0,
  askers: 0,
  votes: { up: 0, down: 0 },
  unanswered: [],
  disliked: [],
  partners: [],
  measures: [],
};

export function buildReport(
  summary: StoreSummary,
  window: { days: number; since: number; retentionDays: number },
): InsightsReport {
  const disliked = summary.disliked.map((group) => ({ ...group, partners: [] as string[] }));
  return {
    days: window.days,
    since: new Date(window.since).toISOString(),
    questions: summary.questions,
    answered: summary.answered,
    answeredShare: summary.questions > 0 ? summary.answered / summary.questions : null,
    askers: summary.askers,
    votes: summary.votes,
    unanswered: clusterGroups(summary.unanswered).slice(0, REPORT_ENTRIES).map(unansweredEntry),
    disliked: clusterGroups(disliked).slice(0, REPORT_ENTRIES).map(dislikedEntry),
    partners: summary.partners.slice(0, REPORT_TOPICS),
    measures: summary.measures.slice(0, REPORT_TOPICS),
    retentionDays: window.retentionDays,
  };
}
