import { z } from "zod";
import { findCountries } from "../../facts/language/countries";
import { holdsTerm } from "../../text/synonyms";
import { contentTerms, STOP_WORDS, words } from "../../text/terms";
import type { OfficeFacts, Official } from "../../types";
import ranksFile from "../data/ranks.json" with { type: "json" };
import type { Knowledge } from "../knowledge";
import type { QuestionPlan } from "../question";
import type { OfficialCandidate } from "./candidate";

/**
 * Who-questions that name an office ("who is the commerce minister", "Oman's ambassador", "who
 * heads the STZA") read as an office — a rank, a portfolio, whose it is and where it is posted —
 * and matched against the offices the articles give each person, never against words alone: a
 * Vice-Minister for trade is not the trade minister, Japan's ambassador is not Pakistan's
 * ambassador to Japan.
 */

const RanksSchema = z.object({
  about: z.string(),
  asked: z.record(z.string(), z.string()),
  families: z.record(z.string(), z.array(z.string())),
  modifiers: z.array(z.string()),
});
const RANKS = RanksSchema.parse(ranksFile);
const ASKED_RANKS = Object.keys(RANKS.asked).sort((a, b) => b.length - a.length);
const RANK_PHRASE = new RegExp(`\\b(?:${ASKED_RANKS.join("|")})\\b`, "i");
const MODIFIERS = new Set(RANKS.modifiers);
/** Stemmed words of every rank a question or a title may name. */
const RANK_TERMS = new Set(
  [...Object.keys(RANKS.asked), ...Object.values(RANKS.families).flat()].flatMap((r) =>
    contentTerms(r),
  ),
);

/** Whether a text names a rank ("stza chairman?", "uae envoy"). */
export function namesRank(text: string): boolean {
  return RANK_PHRASE.test(text);
}

/** An office as a question asks for it. */
export interface AskedRole {
  rank: string;
  modifiers: string[];
  /** Stemmed portfolio and body words, and acronyms as written (`STZA`). */
  portfolio: string[];
  acronyms: string[];
  /** Whose office ("Oman's ambassador", "the Iranian envoy"). */
  owner: string | null;
  /** Where posted ("ambassador to China", "high commissioner in Islamabad"). */
  postedTo: string | null;
}

const PLACE_BEFORE = /\b(?:to|in|at|for)\s+(?:the\s+)?$/i;

/** The office a who-question asks about, or null when it names no rank. */
export function askedRole(plan: QuestionPlan): AskedRole | null {
  const text = plan.text;
  const found = RANK_PHRASE.exec(text);
  if (!found) return null;
  const rank = RANKS.asked[found[0].toLowerCase()] ?? found[0].toLowerCase();
  let owner: string | null = null;
  let postedTo: string | null = null;
  let rest = text;
  const countries = findCountries(text);
  const unplaced: string[] = [];
  for (const c of countries) {
    const place = c.capital || PLACE_BEFORE.test(text.slice(Math.max(0, c.start - 9), c.start));
    if (place) postedTo ??= c.country;
    else unplaced.push(c.country);
  }
  // Telegraphic questions ("pakistan ambassador japan"): the first country owns the office, the
  // next is where it is posted.
  owner = unplaced[0] ?? null;
  if (!postedTo && unplaced[1] && unplaced[1] !== owner) postedTo = unplaced[1];
  for (const c of [...countries].sort((a, b) => b.start - a.start)) {
    rest = `${rest.slice(0, c.start)} ${rest.slice(c.end)}`;
  }
  rest = rest.replace(RANK_PHRASE, " ");
  const modifiers: string[] = [];
  const acronyms: string[] = [];
  for (const w of words(rest)) {
    const raw = rest.slice(w.start, w.end);
    if (MODIFIERS.has(w.word)) modifiers.push(w.word);
    else if (/^\p{Lu}{2,}$/u.test(raw) && !STOP_WORDS.has(w.word)) acronyms.push(raw);
  }
  // The portfolio is the question's topic (framing verbs such as "represents" already left out)
  // without words of ranks (the question's may have been folded to a synonym), its modifiers and
  // the acronyms matched apart.
  const rankTerms = new Set([...RANK_TERMS, ...contentTerms(modifiers.join(" "))]);
  const acronymTerms = new Set(acronyms.flatMap((a) => contentTerms(a)));
  const portfolio = plan.topic.filter((t) => !rankTerms.has(t) && !acronymTerms.has(t));
  return { rank, modifiers, portfolio, acronyms, owner, postedTo };
}

/** Initials of a body's name (`Special Technology Zones Authority` → STZA). */
function initials(name: string): string {
  return words(name)
    .filter((w) => !STOP_WORDS.has(w.word))
    .map((w) => w.word.charAt(0).toUpperCase())
    .join("");
}

/** How well an office's rank answers the asked one: 1 the rank, 0.8 one of its family, else 0. */
function rankFit(asked: string, office: string): number {
  if (asked === office) return 1;
  const family = RANKS.families[asked] ?? [];
  return family.includes(office) ? 0.8 : 0;
}

/** Modifiers that make a lower office of a rank, which the office itself must carry when asked. */
const LOWER_OFFICE = new Set([
  "vice",
  "deputy",
  "additional",
  "joint",
  "under",
  "assistant",
  "associate",
  "junior",
]);

/** An office whose portfolio the articles do not give: neither a fit nor a conflict. */
const UNKNOWN_PORTFOLIO = 0.3;

/**
 * Share of the asked portfolio the office holds (synonyms count): 1 when none is asked, a little
 * for an office the articles give no portfolio, 0 for one with another portfolio (a conflict).
 */
function portfolioFit(asked: AskedRole, o: OfficeFacts): number {
  const total = asked.portfolio.length + asked.acronyms.length;
  if (total === 0) return 1;
  if (o.portfolio.length === 0 && !o.organization) return UNKNOWN_PORTFOLIO;
  const { terms, spelled } = officeWords(o);
  let hit = asked.portfolio.filter((t) => holdsTerm(terms, t)).length;
  hit += asked.acronyms.filter(
    (a) =>
      o.portfolio.some((p) => p.toUpperCase() === a) ||
      spelled.some((s) => s.length >= 2 && (s.startsWith(a) || a.startsWith(s))),
  ).length;
  return hit / total;
}

const OFFICE_WORDS = new WeakMap<OfficeFacts, { terms: Set<string>; spelled: string[] }>();

/** An office's stemmed portfolio and body words and its bodies' initials, read once. */
function officeWords(o: OfficeFacts): { terms: Set<string>; spelled: string[] } {
  let read = OFFICE_WORDS.get(o);
  if (!read) {
    read = {
      terms: new Set([
        ...o.portfolio.flatMap((p) => contentTerms(p)),
        ...contentTerms(o.organization ?? ""),
      ]),
      spelled: [o.organization ?? "", o.portfolio.join(" ")].map(initials),
    };
    OFFICE_WORDS.set(o, read);
  }
  return read;
}

interface OfficeMatch {
  rank: number;
  portfolio: number;
  owner: number;
  posted: number;
  conflict: string | null;
}

/** How one office answers the asked role; a contradiction is a conflict, never an answer. */
function matchOffice(asked: AskedRole, o: OfficeFacts): OfficeMatch {
  const rank = rankFit(asked.rank, o.rank);
  const portfolio = portfolioFit(asked, o);
  let conflict: string | null = null;
  if (rank === 0) conflict = `the office is a ${o.rank}`;
  if (!conflict && portfolio === 0)
    conflict = `the office is ${o.rank} of ${o.portfolio.join(" ") || o.organization}`;
  const extra = o.modifiers.filter((m) => MODIFIERS.has(m) && !asked.modifiers.includes(m));
  if (!conflict && extra.length > 0) conflict = `the office is ${extra.join(" ")} ${o.rank}`;
  // "Who is the vice premier?" is not answered by the premier: a lower office asked is not the top one.
  const lacking = asked.modifiers.filter((m) => LOWER_OFFICE.has(m) && !o.modifiers.includes(m));
  if (!conflict && lacking.length > 0)
    conflict = `the office is not ${lacking.join(" ")} ${o.rank}`;
  // Whose office: the asked owner must be the office's; with none asked, Pakistan's is likelier.
  let owner: number;
  if (asked.owner) {
    owner = o.country === asked.owner ? 1 : o.country === null ? 0.4 : 0;
    if (!conflict && owner === 0) conflict = `the office is ${o.country}'s`;
  } else {
    owner = o.country === "Pakistan" || o.country === null ? 0.7 : 0.5;
  }
  // Where posted: a foreign envoy with no posting named is taken as posted to Pakistan, whose news
  // these are; Pakistan's own envoys are named by their posting, so one without is not known.
  let posted = 1;
  if (asked.postedTo) {
    if (o.postedTo === asked.postedTo) posted = 1;
    else if (o.postedTo === null && asked.postedTo === "Pakistan" && o.country !== "Pakistan") {
      posted = 0.8;
    } else posted = 0;
    if (!conflict && posted === 0) conflict = `the office is not posted to ${asked.postedTo}`;
  }
  return { rank, portfolio, owner, posted, conflict };
}

const score = (m: OfficeMatch) => m.rank + m.portfolio + m.owner + m.posted;

/** Officials whose offices fit the role a question asks about, each by their best office. */
export function roleCandidates(k: Knowledge, plan: QuestionPlan): OfficialCandidate[] {
  const asked = askedRole(plan);
  if (!asked) return [];
  const out: OfficialCandidate[] = [];
  for (const official of k.officials) {
    const best = bestOffice(asked, official);
    if (!best || best.rank === 0) continue;
    out.push({
      kind: "official",
      official,
      by: "role",
      features: {
        unseen: 0,
        byName: 0,
        nameShare: 0,
        rank: best.rank,
        portfolio: best.portfolio,
        owner: best.owner,
        posted: best.posted,
      },
      conflict: best.conflict,
      z: 0,
      p: 0,
    });
  }
  return out;
}

/** Where a title says an envoy is posted ("Ambassador to China"), when the office does not say. */
function postedByTitle(title: string | null): string | null {
  if (!title) return null;
  let posted = POSTED_BY_TITLE.get(title);
  if (posted === undefined) {
    const to = findCountries(title).find((c) =>
      /\bto\s+(?:the\s+)?$/i.test(title.slice(0, c.start)),
    );
    posted = to?.country ?? null;
    if (POSTED_BY_TITLE.size > 50_000) POSTED_BY_TITLE.clear();
    POSTED_BY_TITLE.set(title, posted);
  }
  return posted;
}

/** Titles repeat across a corpus's officials and every role question reads them all. */
const POSTED_BY_TITLE = new Map<string, string | null>();

function bestOffice(asked: AskedRole, official: Official): OfficeMatch | null {
  let best: OfficeMatch | null = null;
  const titled = postedByTitle(official.title);
  // "Minister Khan" in one sentence and "Federal Minister for Commerce" in another are one office:
  // the bare mention does not make him a fit for any portfolio asked.
  const described = official.offices.filter((o) => o.portfolio.length > 0 || o.organization);
  for (const office of official.offices) {
    const bare = office.portfolio.length === 0 && !office.organization;
    if (bare && described.some((d) => d.rank === office.rank)) continue;
    const o = office.postedTo || !titled ? office : { ...office, postedTo: titled };
    const m = matchOffice(asked, o);
    if (
      !best ||
      (best.conflict !== null && m.conflict === null) ||
      ((best.conflict === null) === (m.conflict === null) && score(m) > score(best))
    ) {
      best = m;
    }
  }
  return best;
}
