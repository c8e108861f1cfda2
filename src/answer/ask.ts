import { countryForms } from "../facts/language/countries";
import { contentTerms, words } from "../text/terms";
import type { Answer } from "../types";
import { CitationList, citeSpan } from "./citations";
import { answerFromFigures } from "./figure-answer";
import type { Knowledge } from "./knowledge";
import { answerFromOfficials, findPerson } from "./official-answer";
import type { Outcome } from "./outcome";
import { answerFromPassages, rankSentences, type SentenceHit } from "./passage-answer";
import { planQuestion, type QuestionPlan, splitQuestion } from "./question";

/** Longest question considered; the rest is ignored rather than searched. */
export const MAX_QUESTION_CHARS = 1000;
const CLOSEST_SHOWN = 3;

/**
 * Answers a question from the corpus: figures for how much / how many / what share, officials for
 * who and what-did-X-say, the best sentence for the rest. A strategy answers only when the corpus
 * holds what is asked (partner, period, measure, person); otherwise the reply says what is missing
 * and offers the closest passages, never a near miss dressed as an answer.
 */
export function ask(k: Knowledge, question: string): Answer {
  const asked = question.slice(0, MAX_QUESTION_CHARS);
  const parts = splitQuestion(asked);
  if (parts.length === 1) return askOne(k, question, planQuestion(asked));
  const answers = parts.map((part, i) =>
    askOne(k, part, planQuestion(part, i > 0 ? (parts[0] ?? "") : "")),
  );
  return combineAnswers(question, answers);
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

function askOne(k: Knowledge, question: string, plan: QuestionPlan): Answer {
  const empty = { question, figures: [], officials: [], citations: [], missing: [] };
  if (plan.topic.length === 0 && plan.partners.length === 0 && plan.nameCandidates.length === 0) {
    return {
      ...empty,
      answered: false,
      kind: plan.kind,
      text: "Ask a question about Pakistan's trade, for example: “What was the trade volume between Pakistan and Japan?”",
      missing: ["a question"],
    };
  }

  // A partner no article mentions cannot be answered about, whatever else the question says.
  const unknown = plan.partners.filter((p) => !corpusNames(k, p));
  if (unknown.length > 0) {
    const hits = rankSentences(k, { ...plan, partners: [] }, null, true);
    return notAnswered(
      k,
      plan,
      [{ kind: "none", missing: unknown.map((p) => `no article about ${p}`) }],
      hits,
    );
  }

  const person = findPerson(k, plan);
  let hits: SentenceHit[] | null = null;
  const sentences = () => {
    hits ??= rankSentences(k, plan, person);
    return hits;
  };
  const outcomes: Outcome[] = [];
  const attempt = (run: () => Outcome): Outcome => {
    const o = run();
    outcomes.push(o);
    return o;
  };
  const exclude = person?.nameTerms ?? new Set<string>();

  const plans: (() => Outcome)[] = [];
  switch (plan.kind) {
    case "amount":
    case "count":
    case "share":
      plans.push(() => answerFromFigures(k, plan, exclude));
      break;
    case "quote":
      if (person) plans.push(() => answerFromOfficials(k, plan, person));
      plans.push(() => answerFromPassages(k, plan, person, sentences()));
      break;
    case "who":
      plans.push(() => answerFromOfficials(k, plan, person));
      // "Who is the commerce minister?" asks for a role: when no official holds it, a sentence
      // that merely names a similar office (a Vice Minister) is not the answer.
      if (person || !asksForRole(plan)) {
        plans.push(() => answerFromPassages(k, plan, person, sentences()));
      }
      break;
    case "other":
      if (person && plan.topic.every((t) => exclude.has(t))) {
        plans.push(() => answerFromOfficials(k, plan, person));
      }
      // "What did Pakistan swap with Russia?" asks for things, not a number: figures only when
      // the words ask for them or the question is just a topic ("IT exports 2023?").
      if (
        QUANTITATIVE.test(plan.text) ||
        !/^\s*(?:what|how|did|does|do|is|are|was|were)\b/i.test(plan.text)
      ) {
        plans.push(() => answerFromFigures(k, plan, exclude));
      }
      plans.push(() => answerFromPassages(k, plan, person, sentences()));
      break;
    default:
      plans.push(() => answerFromPassages(k, plan, person, sentences()));
  }

  for (const run of plans) {
    const o = attempt(run);
    if (o.kind === "answer") {
      return {
        ...empty,
        answered: true,
        kind: plan.kind,
        text: o.text,
        figures: o.figures,
        officials: o.officials,
        citations: o.citations,
      };
    }
  }
  return notAnswered(k, plan, outcomes, sentences());
}

/** Whether any passage names the country, by its name, adjective or abbreviation. */
function corpusNames(k: Knowledge, country: string): boolean {
  return countryForms(country).some((form) => {
    const terms = contentTerms(form);
    return terms.length > 0 && terms.every((t) => (k.passageFrequency.get(t) ?? 0) > 0);
  });
}

const ROLE_WORDS = new Set(
  (
    "minister secretary ambassador envoy commissioner consul chairman chairs chair chairperson " +
    "president governor director head heads adviser advisor assistant spokesperson ceo chief " +
    "representative attache"
  ).split(" "),
);

/** Whether a who-question names an office ("Who is the commerce minister?"). Whole words, not stems: "committee" is no commissioner. */
function asksForRole(plan: QuestionPlan): boolean {
  return words(plan.text).some((w) => ROLE_WORDS.has(w.word));
}

/** Words that make a question without a question word ask for figures ("IT export figures"). */
const QUANTITATIVE =
  /\b(?:figures?|numbers?|statistics|stats|data|amounts?|values?|totals?|how much|how many|targets?|goals?)\b/i;

function notAnswered(
  k: Knowledge,
  plan: QuestionPlan,
  outcomes: Outcome[],
  hits: SentenceHit[],
): Answer {
  const missing = [...new Set(outcomes.flatMap((o) => (o.kind === "none" ? o.missing : [])))].slice(
    0,
    3,
  );
  const citations = new CitationList();
  const closest = hits
    .filter((h) => h.score > 0)
    .slice(0, CLOSEST_SHOWN)
    .map((h) => {
      const n = citations.add(
        citeSpan(k, h.passage.articleId, h.passage.id, h.sentence.start, h.sentence.end),
      );
      return `[${n}]`;
    });
  const lead = `The corpus does not answer this: ${missing.join("; ")}.`;
  const tail =
    closest.length > 0
      ? ` The closest passages are ${closest.join(", ")}.`
      : " No passage comes close.";
  return {
    question: plan.text,
    answered: false,
    kind: plan.kind,
    text: lead + tail,
    figures: [],
    officials: [],
    citations: citations.items,
    missing,
  };
}
