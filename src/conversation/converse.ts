import { MAX_QUESTION_CHARS } from "../answer/ask";
import { findCountries } from "../facts/language/countries";
import type { Answer, Engine, Figure, QuestionKind } from "../types";
import { type FollowUpReading, readFollowUp } from "./read-follow-up";
import { namedPeriods, type Slots, samePeriod, slotsOf } from "./slots";
import { answerSpeaker } from "./speaker";
import type { ConversationState } from "./state";

/**
 * One turn of a conversation: the question read against the last turn's state, answered, and
 * the state the next turn reads against. A follow-up is asked with the slots it leaves out lent
 * as context (the way a question asked in parts lends its first part's words), its reply opens
 * with what it assumed ("Pakistan–Japan exports, FY2022-23: …"), and it never answers with a
 * figure of another partner or period than that: such an answer is turned into a "not found"
 * that names the figure the articles do have, as a near miss.
 */
export interface Turn {
  answer: Answer;
  /** What the next turn reads against. */
  state: ConversationState;
}

const CLARIFY =
  "Which do you mean? Say what to change from the last answer: another partner (“and China?”), another period (“what about 2021?”), another measure (“and exports?”), or “who said that?”.";

export function converse(engine: Engine, question: string, last: ConversationState | null): Turn {
  // Read as much of the question as the engine reads, so a huge one costs no more here.
  const reading = readFollowUp(question.slice(0, MAX_QUESTION_CHARS), last, personNamer(engine));
  switch (reading.type) {
    case "speaker": {
      const said = answerSpeaker(engine, question, last?.cited ?? null);
      // Which answer's sentence: the one the conversation was about.
      const assumed = last ? describeContext(last) : null;
      const answer = assumed ? { ...said, assumed, text: `${assumed}: ${said.text}` } : said;
      // The conversation stays on its figures: the next "and exports?" still asks an amount.
      const person = said.officials[0]?.name ?? last?.person ?? null;
      return { answer, state: { ...(last ?? emptyState()), person } };
    }
    case "unclear":
      return {
        answer: {
          question,
          answered: false,
          kind: "other",
          text: CLARIFY,
          figures: [],
          officials: [],
          citations: [],
          missing: ["which partner, period or measure the follow-up means"],
        },
        state: last ?? emptyState(),
      };
    case "new": {
      const answer = engine.ask(question);
      const own = slotsOf(question.slice(0, MAX_QUESTION_CHARS), personNamer(engine));
      return { answer, state: nextState(own, answer, last) };
    }
    case "follow-up":
      return followUp(engine, question, reading, last);
  }
}

function followUp(
  engine: Engine,
  question: string,
  reading: Extract<FollowUpReading, { type: "follow-up" }>,
  last: ConversationState | null,
): Turn {
  const { slots, carried } = reading;
  const words = carried
    .flatMap((slot) => {
      if (slot === "partners") return slots.partners;
      if (slot === "person") return [];
      return [slots[slot] ?? ""];
    })
    .filter(Boolean)
    .join(" ");
  const kind = carried.includes("person") ? personKind(reading.question) : figureKind(last);
  const assumed = describeAssumption(slots);
  const asked = engine.ask(reading.question, { context: { words, ...(kind ? { kind } : {}) } });
  const off = asked.answered ? offTheAssumption(asked, slots) : null;
  const answer = off ? nearMissInstead(asked, off, slots, assumed) : asked;
  return {
    answer: {
      ...answer,
      question,
      assumed,
      text: `${assumed}: ${answer.text}`,
    },
    state: carried.includes("person")
      ? // A turn about the person keeps the figures' slots for a later "and in 2021?".
        { ...nextState(slots, answer, last), ...pickFigureSlots(last) }
      : nextState(slots, answer, last),
  };
}

const pickFigureSlots = (last: ConversationState | null) =>
  last ? { partners: last.partners, measure: last.measure, period: last.period } : {};

/** What a conversation's context is about, as a reply states it; null when it holds nothing. */
export function describeContext(state: ConversationState): string | null {
  const slots = {
    partners: state.partners,
    measure: state.measure,
    period: state.period,
    person: state.person,
  };
  if (slots.partners.length === 0 && !slots.measure && !slots.period && !slots.person) return null;
  return describeAssumption(
    slots.partners.length > 0 || slots.measure ? { ...slots, person: null } : slots,
  );
}

/** A question about a person whose own words name no kind asks who they are, or what they said. */
const personKind = (question: string): QuestionKind =>
  /\b(?:say|says|said|tell|told|quotes?|words|remarks?|comments?)\b/i.test(question)
    ? "quote"
    : "who";

/** The kind of a figures conversation ("what about 2021?" still asks an amount). */
const FIGURE_KINDS: readonly string[] = ["amount", "count", "share", "when", "which"];
const figureKind = (last: ConversationState | null): QuestionKind | undefined =>
  last && FIGURE_KINDS.includes(last.kind) ? (last.kind as QuestionKind) : undefined;

/** "Pakistan–Japan exports, FY2022-23"; "about Jam Kamal Khan" for a question about a person. */
export function describeAssumption(slots: Slots): string {
  if (slots.person && slots.partners.length === 0 && slots.measure === null) {
    return `About ${slots.person}${slots.period ? `, ${slots.period}` : ""}`;
  }
  const pair = slots.partners.length > 0 ? `Pakistan–${slots.partners.join("–")}` : "Pakistan";
  const what = slots.measure ? `${pair} ${slots.measure}` : pair;
  return slots.period ? `${what}, ${slots.period}` : what;
}

interface OffFigure {
  /** The figure that does not fit; null for a sentence answer that states one. */
  figure: Figure | null;
  /** What it gives instead of the assumed partner or period. */
  instead: string;
  slot: "partner" | "period";
}

/** Whether a sentence names one of the partners, by any form the gazetteer knows. */
const namesPartner = (sentence: string, partners: readonly string[]) =>
  findCountries(sentence).some((c) => partners.includes(c.country));

/** Money or a percentage in a sentence: what an answer resting on it would state. */
const STATES_A_FIGURE = /[$£€¥]\s?\d|\d(?:[\d,.]*\d)?\s?(?:%|per\s?cent|percent|billion|million)/i;

/**
 * The first figure of an answer that is not for the partner or the period the follow-up assumed;
 * null when every one fits. A reply resting on a sentence instead of a figure is held to the same
 * rule through the sentences it cites.
 */
function offTheAssumption(answer: Answer, slots: Slots): OffFigure | null {
  for (const figure of answer.figures) {
    const partnerFits =
      slots.partners.length === 0 ||
      figure.partners.some((p) => slots.partners.includes(p)) ||
      (figure.partners.length === 0 && namesPartner(figure.sentence, slots.partners));
    if (!partnerFits) {
      return { figure, slot: "partner", instead: figure.partners.join("–") || "no partner" };
    }
    if (slots.period && !samePeriod(slots.period, figure.period)) {
      return { figure, slot: "period", instead: figure.period ?? "no stated period" };
    }
  }
  if (answer.figures.length > 0) return null;
  for (const citation of answer.citations) {
    if (!STATES_A_FIGURE.test(citation.excerpt)) continue;
    if (slots.partners.length > 0 && !namesPartner(citation.excerpt, slots.partners)) {
      return { figure: null, slot: "partner", instead: "another partner" };
    }
    const period = slots.period;
    if (period && !namedPeriods(citation.excerpt).some((p) => samePeriod(period, p.label))) {
      return { figure: null, slot: "period", instead: "another period" };
    }
  }
  return null;
}

/**
 * The reply when the engine's best answer is for another partner or period than assumed: not
 * answered, and a figure told as a near miss ("The articles give $228 million for 2021, not for
 * FY2022-23 [1].") so the reader sees what there is and can ask for it.
 */
function nearMissInstead(asked: Answer, off: OffFigure, slots: Slots, assumed: string): Answer {
  const f = off.figure;
  const n = f ? citationNumber(asked, f) : null;
  const cite = n === null ? undefined : asked.citations[n - 1];
  const expected = off.slot === "period" ? slots.period : slots.partners.join("–");
  const near =
    f && cite ? ` The articles give ${f.value} for ${off.instead}, not for ${expected} [1].` : "";
  return {
    ...asked,
    answered: false,
    text: `The corpus does not answer this: no figure for ${assumed}.${near}`,
    figures: [],
    officials: [],
    citations: cite ? [cite] : [],
    missing: [`no figure for ${assumed}`],
  };
}

function citationNumber(answer: Answer, f: Figure): number | null {
  const at = answer.citations.findIndex(
    (c) => c.articleId === f.articleId && c.start <= f.valueStart && f.valueEnd <= c.end,
  );
  return at === -1 ? null : at + 1;
}

const emptyState = (): ConversationState => ({
  partners: [],
  measure: null,
  period: null,
  person: null,
  kind: "other",
  cited: null,
});

/** One value all the answer's figures share, or null when they differ or give none. */
function shared<T>(values: readonly T[], key: (v: T) => string): T | null {
  const first = values[0];
  if (first === undefined) return null;
  return values.every((v) => key(v) === key(first)) ? first : null;
}

/**
 * The state after a turn: the slots asked for, filled in from what the answer gave where the
 * question left them open (a figure's period, its partner, the person answered about), and the
 * first cited sentence. A turn that found nothing keeps the last answer's sentence to point at.
 */
function nextState(
  slots: Slots,
  answer: Answer,
  last: ConversationState | null,
): ConversationState {
  const figures = answer.answered ? answer.figures : [];
  const partners =
    slots.partners.length > 0
      ? slots.partners
      : (shared(figures, (f) => f.partners.join("|"))?.partners ?? []);
  const first = answer.answered ? answer.citations[0] : undefined;
  return {
    partners,
    measure: slots.measure ?? shared(figures, (f) => f.measure ?? "")?.measure ?? null,
    period: slots.period ?? shared(figures, (f) => f.period ?? "")?.period ?? null,
    person: answer.answered ? (answer.officials[0]?.name ?? slots.person) : slots.person,
    kind: answer.kind,
    cited: first
      ? {
          articleId: first.articleId,
          passageId: first.passageId,
          start: first.start,
          end: first.end,
        }
      : (last?.cited ?? null),
  };
}

/**
 * Which capitalised word run names a person the corpus knows: every word of it is a word of one
 * official's name or spelling ("Haroon", "Jam Kamal Khan"). A run several officials share
 * ("Khan") names nobody in particular.
 */
function personNamer(engine: Engine): (run: string) => string | null {
  let officials: { name: string; words: Set<string>[] }[] | null = null;
  return (run) => {
    officials ??= engine.officials().map((o) => ({
      name: o.name,
      words: [o.name, ...o.aliases].map((n) => new Set(n.toLowerCase().split(/\s+/))),
    }));
    const wanted = run.toLowerCase().split(/\s+/).filter(Boolean);
    if (wanted.length === 0) return null;
    const matching = officials.filter((o) =>
      o.words.some((spelling) => wanted.every((w) => spelling.has(w))),
    );
    return matching.length === 1 ? (matching[0]?.name ?? null) : null;
  };
}
