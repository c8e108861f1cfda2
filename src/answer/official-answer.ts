import { findCountries } from "../facts/language/countries";
import { contentTerms, STOP_WORDS, words } from "../text/terms";
import type { Citation, Mention, Official, Quote } from "../types";
import { CitationList, citeSpan } from "./citations";
import { type Knowledge, passageCountries, passageTerms } from "./knowledge";
import { coverage } from "./match";
import type { Outcome } from "./outcome";
import type { QuestionPlan } from "./question";

/** Words that stand beside names without being names. */
const NOT_NAME = new Set(
  (
    "mr mrs ms dr engr prof sir madam ambassador minister secretary chairman chairperson chair " +
    "president governor director commissioner envoy adviser advisor special assistant federal " +
    "deputy vice chief prime senator consul general high the of to for and on at"
  ).split(" "),
);

function nameTokens(o: Official): Set<string> {
  const out = new Set<string>();
  for (const n of [o.name, ...o.aliases]) {
    for (const { word } of words(n)) {
      // An initial ("Natalie A. Baker") or a function word identifies nobody.
      if (!NOT_NAME.has(word) && !STOP_WORDS.has(word) && word.length > 1) out.add(word);
    }
  }
  return out;
}

interface NameIndex {
  tokens: Map<Official, Set<string>>;
  /** Name tokens → how many officials carry them; a token carried by one identifies them. */
  owners: Map<string, number>;
}

const NAME_INDEXES = new WeakMap<readonly Official[], NameIndex>();

/** Officials' name tokens, worked out once per corpus rather than on every question. */
function nameIndex(officials: readonly Official[]): NameIndex {
  let index = NAME_INDEXES.get(officials);
  if (!index) {
    const tokens = new Map(officials.map((o) => [o, nameTokens(o)]));
    const owners = new Map<string, number>();
    for (const set of tokens.values()) for (const t of set) owners.set(t, (owners.get(t) ?? 0) + 1);
    index = { tokens, owners };
    NAME_INDEXES.set(officials, index);
  }
  return index;
}

export interface PersonMatch {
  official: Official;
  /** Stemmed terms of the name, to leave out of the topic. */
  nameTerms: Set<string>;
}

/**
 * The official a question names, if any. A single name word is enough only when no other official
 * shares it; a capitalised name in the question with words the official does not have means
 * somebody else ("Kamal Ahmed" is not Jam Kamal Khan).
 */
export function findPerson(k: Knowledge, plan: QuestionPlan): PersonMatch | null {
  const asked = words(plan.text).map((w) => w.word);
  const { tokens, owners } = nameIndex(k.officials);
  let best: { official: Official; score: number; matched: string[] } | null = null;
  for (const o of k.officials) {
    const mine = tokens.get(o) ?? nameTokens(o);
    const matched = [...new Set(asked.filter((w) => mine.has(w)))];
    if (matched.length === 0) continue;
    const unique = matched.some((w) => owners.get(w) === 1);
    if (matched.length < 2 && !unique) continue;
    const score = matched.reduce((s, w) => s + 1 / (owners.get(w) ?? 1), 0);
    if (!best || score > best.score) best = { official: o, score, matched };
  }
  if (!best) return null;
  const mine = tokens.get(best.official) ?? nameTokens(best.official);
  const countryWords = new Set(
    findCountries(plan.text).flatMap((c) => words(c.matched).map((w) => w.word)),
  );
  for (const run of plan.nameCandidates) {
    const runWords = words(run).map((w) => w.word);
    if (!runWords.some((w) => mine.has(w))) continue;
    const strangers = runWords.filter(
      (w) => !mine.has(w) && !NOT_NAME.has(w) && !countryWords.has(w),
    );
    if (strangers.length > 0) return null;
  }
  return {
    official: best.official,
    nameTerms: new Set(best.matched.flatMap((w) => contentTerms(w))),
  };
}

/** The mention that carries the official's title, else their first mention. */
function titleMention(o: Official): Mention | undefined {
  return (
    o.mentions.find((m) => o.title && m.title === o.title) ??
    o.mentions.find((m) => m.title) ??
    o.mentions[0]
  );
}

const citeMention = (k: Knowledge, m: Mention | Quote): Citation =>
  citeSpan(k, m.articleId, m.passageId, m.sentenceStart, m.sentenceEnd);

/** "Name: title, organisation (country) [n]." with each part only where a cited sentence has it. */
export function describeOfficial(k: Knowledge, o: Official, citations: CitationList): string {
  const m = titleMention(o);
  if (!m) return o.name;
  const n = citations.add(citeMention(k, m));
  const parts: string[] = [];
  const inCited = (s: string) =>
    citations.items.some((c) => c.excerpt.toLowerCase().includes(s.toLowerCase()));
  if (o.title && inCited(o.title)) parts.push(o.title);
  if (o.organization && !(o.title ?? "").includes(o.organization)) {
    const holder = o.mentions.find((x) =>
      x.sentence.toLowerCase().includes((o.organization ?? "").toLowerCase()),
    );
    if (holder) {
      citations.add(citeMention(k, holder));
      parts.push(o.organization);
    }
  }
  const country = o.country && !parts.join(" ").includes(o.country) ? ` (${o.country})` : "";
  if (parts.length === 0) return `${o.name}${country} is named in: “${m.sentence}” [${n}].`;
  return `${o.name}: ${parts.join(", ")}${country} [${n}].`;
}

function quotesAnswer(k: Knowledge, plan: QuestionPlan, person: PersonMatch): Outcome {
  const o = person.official;
  if (o.quotes.length === 0) {
    return { kind: "none", missing: [`no words of ${o.name} in quotation marks`] };
  }
  const topic = plan.topic.filter((t) => !person.nameTerms.has(t));
  // Judged in context: "about the curbs on Afghan transit trade" may be said by the paragraph
  // around the quote rather than by the quote itself.
  const ranked = o.quotes
    .map((q, i) => {
      const context = passageTerms(k, q.passageId);
      const places = passageCountries(k, q.passageId);
      const partnerFit = plan.partners.filter((p) => places.has(p)).length;
      const score = coverage(k, topic, contentTerms(q.sentence), context) + 0.2 * partnerFit;
      return { q, i, score };
    })
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const top = ranked[0]?.score ?? 0;
  const chosen = ranked.filter((r) => r.score >= top - 0.15).slice(0, 3);
  const citations = new CitationList();
  const lines = chosen.map(({ q }) => {
    const n = citations.add(citeMention(k, q));
    return `${o.name} said: “${q.text}” [${n}]`;
  });
  return {
    kind: "answer",
    text: lines.join("\n"),
    figures: [],
    officials: [o],
    citations: citations.items,
  };
}

/** Words that make a different office of a title: a Vice Minister is not the Minister. */
const RANK_MODIFIERS = new Set([
  "vice",
  "deputy",
  "assistant",
  "associate",
  "acting",
  "former",
  "additional",
  "joint",
  "state",
  "junior",
  "senior",
  "special",
  "secretary",
  "adviser",
  "advisor",
]);

/** Officials ranked by how well their title, organisation and country fit the question. */
function officialByRole(k: Knowledge, plan: QuestionPlan): Official | null {
  let best: { o: Official; score: number } | null = null;
  for (const o of k.officials) {
    const role = `${o.title ?? ""} ${o.organization ?? ""}`;
    const roleTerms = new Set(contentTerms(role));
    const cover = coverage(k, plan.topic, roleTerms);
    if (cover < 0.7) continue;
    const asked = new Set(words(plan.text).map((w) => w.word));
    const titleWords = words(o.title ?? "").map((w) => w.word);
    if (titleWords.some((w) => RANK_MODIFIERS.has(w) && !asked.has(w))) continue;
    const places = new Set([
      ...findCountries(role).map((c) => c.country),
      ...(o.country ? [o.country] : []),
    ]);
    if (!plan.partners.every((p) => places.has(p))) continue;
    // "The Japanese ambassador" is Japan's, not Pakistan's ambassador to Japan.
    if (plan.owners.some((c) => o.country !== null && o.country !== c)) continue;
    let score = cover;
    if (plan.mentionsPakistan && o.country === "Pakistan") score += 0.1;
    // Prefer the role that names the asked partner itself ("Ambassador to Japan").
    score +=
      0.05 * plan.partners.filter((p) => findCountries(role).some((c) => c.country === p)).length;
    if (!best || score > best.score) best = { o, score };
  }
  return best?.o ?? null;
}

/** Questions about people: who someone is, who holds a role, what someone said. */
export function answerFromOfficials(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch | null,
): Outcome {
  if (person && plan.kind === "quote") return quotesAnswer(k, plan, person);
  const o = person?.official ?? (plan.kind === "who" ? officialByRole(k, plan) : null);
  if (!o) return { kind: "none", missing: ["no official in the corpus fits the question"] };
  const citations = new CitationList();
  const text = describeOfficial(k, o, citations);
  return { kind: "answer", text, figures: [], officials: [o], citations: citations.items };
}
