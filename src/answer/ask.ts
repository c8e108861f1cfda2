import type { Answer, AskContext } from "../types";
import { type Candidate, describeCandidate } from "./candidates/candidate";
import { figureCandidates } from "./candidates/figures";
import { inheritGoodsConflicts, inheritSideConflicts } from "./candidates/goods";
import {
  asksForRole,
  findPerson,
  namedOfficialCandidate,
  type PersonMatch,
} from "./candidates/officials";
import { ASKS_SPEAKER, quotesOfPerson, quotesSaying } from "./candidates/quotes";
import { ATTRIBUTED, quotesOfRole } from "./candidates/role-speaker";
import { roleCandidates } from "./candidates/roles";
import { searchPassages, sentenceCandidates } from "./candidates/sentences";
import { CitationList, citeSpan } from "./citations";
import { choose, type Decision } from "./decide";
import type { Explanation } from "./explain";
import { corpusNamesCountry, type Knowledge } from "./knowledge";
import { unseenShare } from "./match";
import { scoreAll } from "./model";
import { normaliseQuestion } from "./normalise";
import { planQuestion, type QuestionPlan, splitQuestion } from "./question";
import { correctSpelling } from "./spelling";

/** Longest question considered; the rest is ignored rather than searched. */
export const MAX_QUESTION_CHARS = 1000;
const CLOSEST_SHOWN = 3;
const EXPLAINED_CANDIDATES = 5;

export interface AskOptions {
  /** Attach an `Explanation` (normalised question, plan, top candidates, decision). */
  explain?: boolean;
  /** An earlier turn's words a follow-up is read against (`src/conversation/`). */
  context?: AskContext;
}

/**
 * Answers a question from the corpus. The question is normalised (chat forms, typos against the
 * corpus's words), planned (kind, partner, period, person, topic), and every kind of candidate that
 * fits — figures, officials, quotes, sentences — is gathered and scored by the answer model. The
 * best candidate answers when its probability clears the threshold; otherwise the reply says what
 * the corpus lacks, names a near miss where one differs in a single slot, and offers the closest
 * passages: never a guess dressed as an answer.
 */
export function ask(k: Knowledge, question: string, options: AskOptions = {}): Answer {
  const { normalised, spelled, text, plans } = readQuestion(k, question, options.context);
  const results = plans.map((plan) => askOne(k, question, plan));
  const answer =
    results.length === 1
      ? (results[0] as AskResult).answer
      : combineAnswers(
          question,
          results.map((r) => r.answer),
        );
  if (options.explain) {
    answer.explanation = {
      normalised: text,
      changes: [
        ...normalised.changes,
        ...spelled.fixes.map((f) => `${f.from} → ${f.to} (spelling)`),
      ],
      parts: results.map((r) => ({
        plan: summarisePlan(r.plan),
        decision: r.decision?.reason ?? "no candidates",
        // The candidates that could answer first, then those a conflict rules out.
        candidates: [
          ...r.candidates.filter((c) => c.conflict === null),
          ...r.candidates.filter((c) => c.conflict !== null),
        ]
          .slice(0, EXPLAINED_CANDIDATES)
          .map((c) => ({
            kind: c.kind,
            what: describeCandidate(c),
            p: Math.round(c.p * 1000) / 1000,
            conflict: c.conflict,
            features: roundFeatures(c.features),
          })),
      })),
    } satisfies Explanation;
  }
  return answer;
}

/**
 * The question as the engine reads it: normalised, spelled, split into parts and planned. A
 * follow-up's context lends its words the way a first part lends them to a later one, and its
 * kind of question where the follow-up's own words name none ("what about 2021?").
 */
function readQuestion(k: Knowledge, question: string, context?: AskContext) {
  const asked = question.slice(0, MAX_QUESTION_CHARS);
  const normalised = normaliseQuestion(asked);
  const spelled = correctSpelling(k, normalised.text);
  const text = spelled.text;
  const parts = splitQuestion(text);
  const plans = parts.map((part, i) => {
    const lent = [i > 0 ? (parts[0] ?? "") : "", context?.words ?? ""].filter(Boolean).join(" ");
    const plan = planQuestion(part, lent, { latest: normalised.latest });
    return context?.kind && plan.kind === "other" ? { ...plan, kind: context.kind } : plan;
  });
  return { normalised, spelled, text, plans };
}

/**
 * Every scored candidate of each part of a question, for fitting the model (`eval/fit.ts`). The
 * same path as `ask` up to the decision.
 */
export function candidatesFor(
  k: Knowledge,
  question: string,
): { plan: QuestionPlan; candidates: Candidate[] }[] {
  return readQuestion(k, question).plans.map((plan) => {
    if (plan.partners.some((p) => !corpusNamesCountry(k, p))) return { plan, candidates: [] };
    return { plan, candidates: gather(k, plan, findPerson(k, plan)).candidates };
  });
}

interface AskResult {
  answer: Answer;
  plan: QuestionPlan;
  candidates: Candidate[];
  decision: Decision | null;
}

const roundFeatures = (f: Record<string, number>) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Math.round(v * 100) / 100]));

function summarisePlan(plan: QuestionPlan): Record<string, unknown> {
  return {
    kind: plan.kind,
    partners: plan.partners,
    owners: plan.owners,
    periods: plan.periods.map((p) => p.label),
    latest: plan.latest,
    topic: plan.topic,
    target: plan.asksTarget,
    names: [...plan.nameCandidates, ...plan.lowerNameRuns],
  };
}

/**
 * One answer to a question asked in parts: each part's text in turn, citations renumbered into
 * one list. Answered when any part is; a part the corpus cannot answer says so in its place.
 */
function combineAnswers(question: string, answers: Answer[]): Answer {
  const citations = new CitationList();
  const texts = answers.map((a) => {
    // The closest passages of a part that found nothing would only crowd the list.
    const numbers = a.answered ? a.citations.map((c) => citations.add(c)) : [];
    const text = a.answered ? a.text : a.text.replace(/ The closest passages are .*$/s, "");
    return text.replace(/\[(\d+)\]/g, (m, n: string) => {
      const renumbered = numbers[Number(n) - 1];
      return renumbered ? `[${renumbered}]` : m;
    });
  });
  const answered = answers.filter((a) => a.answered);
  return {
    question,
    answered: answered.length > 0,
    kind: answers[0]?.kind ?? "other",
    text: texts.join("\n"),
    figures: answered.flatMap((a) => a.figures),
    officials: answered.flatMap((a) => a.officials),
    citations: citations.items,
    missing: answers.flatMap((a) => a.missing),
  };
}

/** Words that make a question without a question word ask for figures ("IT export figures"). */
const QUANTITATIVE =
  /\b(?:figures?|numbers?|statistics|stats|data|amounts?|values?|totals?|how much|how many|targets?|goals?|trade|exports?|imports?|investments?|volume|deficit|surplus|remittances?)\b/i;

/** Every candidate that fits the kind of question, scored. */
function gather(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch | null,
): { candidates: Candidate[]; passageIds: () => string[] } {
  const exclude = person?.nameTerms ?? new Set<string>();
  let ids: string[] | null = null;
  const passageIds = () => {
    ids ??= searchPassages(k, plan, person);
    return ids;
  };
  const sentences = () => sentenceCandidates(k, plan, person, passageIds());
  const out: Candidate[] = [];
  switch (plan.kind) {
    case "amount":
    case "count":
    case "share":
      out.push(...figureCandidates(k, plan, exclude), ...sentences());
      inheritGoodsConflicts(out);
      inheritSideConflicts(plan, out);
      break;
    case "quote":
      if (person) out.push(...quotesOfPerson(k, plan, person));
      else out.push(...quotesOfRole(k, plan));
      out.push(...sentences());
      break;
    case "who":
      if (ASKS_SPEAKER.test(plan.text)) {
        out.push(...quotesSaying(k, plan, passageIds()), ...sentences());
      } else if (person) {
        out.push(namedOfficialCandidate(person));
      } else if (asksForRole(plan)) {
        // "Who is the commerce minister?" asks for an office: a sentence that merely names a
        // similar office is no answer, so only officials compete.
        out.push(...roleCandidates(k, plan));
      } else {
        out.push(...sentences());
      }
      break;
    default:
      if (person && plan.topic.every((t) => exclude.has(t))) {
        out.push(namedOfficialCandidate(person));
      }
      // "What will phase two focus on, according to the vice premier?" asks for their words.
      if (!person && ATTRIBUTED.test(plan.text)) out.push(...quotesOfRole(k, plan));
      if (
        QUANTITATIVE.test(plan.text) ||
        !/^\s*(?:what|how|did|does|do|is|are|was|were|which|where|when|why)\b/i.test(plan.text)
      ) {
        out.push(...figureCandidates(k, plan, exclude));
      }
      out.push(...sentences());
  }
  const unseen = unseenShare(
    k,
    plan.topic.filter((t) => !exclude.has(t)),
  );
  for (const c of out) c.features.unseen = unseen;
  scoreAll(out);
  out.sort((a, b) => b.p - a.p);
  return { candidates: out, passageIds };
}

function askOne(k: Knowledge, question: string, plan: QuestionPlan): AskResult {
  const empty = { question, figures: [], officials: [], citations: [], missing: [] };
  if (plan.topic.length === 0 && plan.partners.length === 0 && plan.nameCandidates.length === 0) {
    return {
      answer: {
        ...empty,
        answered: false,
        kind: plan.kind,
        text: "Ask a question about Pakistan's trade, for example: “What was the trade volume between Pakistan and Japan?”",
        missing: ["a question"],
      },
      plan,
      candidates: [],
      decision: null,
    };
  }

  // A partner no article mentions cannot be answered about, whatever else the question says.
  const unknown = plan.partners.filter((p) => !corpusNamesCountry(k, p));
  if (unknown.length > 0) {
    const closest = sentenceCandidates(
      k,
      { ...plan, partners: [] },
      null,
      searchPassages(k, { ...plan, partners: [] }, null, true),
    );
    return {
      answer: notAnswered(
        k,
        question,
        plan,
        unknown.map((p) => `no article about ${p}`),
        closest,
        null,
      ),
      plan,
      candidates: [],
      decision: null,
    };
  }

  const person = findPerson(k, plan);
  const { candidates } = gather(k, plan, person);
  const decision = choose(k, plan, candidates, question);
  if (decision.answer) {
    return {
      answer: {
        ...empty,
        answered: true,
        kind: plan.kind,
        text: decision.answer.text,
        figures: decision.answer.figures,
        officials: decision.answer.officials,
        citations: decision.answer.citations,
      },
      plan,
      candidates,
      decision,
    };
  }
  const closest = candidates.filter((c) => c.kind === "sentence");
  return {
    answer: notAnswered(k, question, plan, decision.missing, closest, decision.nearMiss),
    plan,
    candidates,
    decision,
  };
}

function notAnswered(
  k: Knowledge,
  question: string,
  plan: QuestionPlan,
  missing: string[],
  closest: Candidate[],
  nearMiss: Decision["nearMiss"],
): Answer {
  const citations = new CitationList();
  let near = "";
  if (nearMiss) {
    const f = nearMiss.figure;
    const n = citations.add(citeSpan(k, f.articleId, f.passageId, f.sentenceStart, f.sentenceEnd));
    near = ` ${nearMiss.text} [${n}].`;
  }
  const shown = closest
    .filter((c) => c.kind === "sentence" && c.features.passage > 0)
    .slice(0, CLOSEST_SHOWN)
    .map((c) => {
      if (c.kind !== "sentence") return "";
      return `[${citations.add(citeSpan(k, c.passage.articleId, c.passage.id, c.sentence.start, c.sentence.end))}]`;
    });
  const unique = [...new Set(shown)];
  const lead = `The corpus does not answer this: ${missing.slice(0, 3).join("; ")}.`;
  const tail =
    unique.length > 0
      ? ` The closest passages are ${unique.join(", ")}.`
      : " No passage comes close.";
  return {
    question,
    answered: false,
    kind: plan.kind,
    text: lead + near + tail,
    figures: [],
    officials: [],
    citations: citations.items,
    missing: missing.slice(0, 3),
  };
}
