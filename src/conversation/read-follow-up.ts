import { normaliseQuestion } from "../answer/normalise";
import { refersBackToPeriod, type Slots, slotsOf } from "./slots";
import type { ConversationState } from "./state";

/**
 * How a question reads against the conversation before it:
 * - `new`: a question on its own ("What was Pakistan's trade with China?"), answered as asked;
 * - `follow-up`: it leaves slots out ("and exports?", "what about 2021?", "and China?", "what did
 *   he say?"), which are taken from the last turn;
 * - `speaker`: "who said that?", about the sentence the last answer cited;
 * - `unclear`: it points back without saying at what ("and that?"), so the reply asks which.
 */
export type FollowUpReading =
  | { type: "new" }
  | { type: "speaker" }
  | { type: "unclear" }
  | {
      type: "follow-up";
      /** The question to ask: the follow-up's own words, a pronoun replaced by the person meant. */
      question: string;
      /** Every slot, the follow-up's own and those taken from the last turn. */
      slots: Slots;
      /** Which slots were taken from the last turn (what the reply says it assumed). */
      carried: (keyof Slots)[];
    };

/** "who said that?", "who said it", "whose words are these?", "says who?" */
const SPEAKER =
  /^(?:and\s+|so\s+|ok(?:ay)?,?\s+)?(?:who\s+(?:said|says|stated|states|told|tells|wrote|claimed|claims|reported|reports|made|gave|is\s+quoted|was\s+quoted)\s+(?:that|this|it|so|those\s+words|these\s+words|the\s+quote|that\s+quote|the\s+statement|that\s+figure|the\s+figure)|whose\s+(?:words|quote|statement)\s+(?:is|are|was|were)\s+(?:that|this|these|those|it)|says\s+who|who\s+is\s+the\s+source|who\s+said\s+so|source)\b[\s?.!]*$/i;

/** Words that continue the last question: "and …", "what about …", "how about …", "same for …". */
const CONTINUES =
  /^(?:(?:ok(?:ay)?|so|also|then|right|and)[\s,]+)*(?:(?:what|how)\s+about|what\s+of|same\s+(?:for|with|in)|(?:and|also|then)\b(?:\s+(?:for|in|with|of|the))?)\s*/i;

/** A question word at the start: a full question rather than a fragment ("exports in 2021?"). */
const QUESTION_WORD =
  /^(?:what|whats|how|who|whom|whose|when|where|why|which|did|does|do|is|are|was|were|can|could|will|would|has|have|had|tell|show|give|list)\b/i;

/** Words that point back at the last answer. "it" in lower case only: "IT" is information technology. */
const POINTS_BACK =
  /\b(?:[Tt]hat|[Tt]his|[Tt]hose|[Tt]hese|[Tt]hey|[Tt]hem|[Tt]hen|[Ss]ame|it|It)\b/;
const PERSON_PRONOUN = /\b(?:he|she|him|her|his|hers)\b/i;
/** Words that point back and name nothing: a fragment of only these asks nothing we can read. */
const ONLY_POINTING =
  /^(?:(?:that|this|those|these|they|them|it|one|ones|other|the|same|then|there|thing|things|so|too|again|as|well|please|ok|okay)\s*)+$/i;

const FRAGMENT_WORDS = 6;

/**
 * Reads `question` against the last turn's state. `personNamed` tells which capitalised word
 * runs name a person the corpus knows (the engine's name for them), else null.
 */
export function readFollowUp(
  question: string,
  last: ConversationState | null,
  personNamed: (run: string) => string | null,
): FollowUpReading {
  if (!last) return { type: "new" };
  const text = normaliseQuestion(question).text;
  if (SPEAKER.test(text)) return { type: "speaker" };

  const marker = CONTINUES.exec(text);
  const continues = marker !== null && marker[0].trim().length > 0;
  const body = continues ? text.slice(marker[0].length) : text;
  const fragment =
    !QUESTION_WORD.test(text) && text.split(/\s+/).filter(Boolean).length <= FRAGMENT_WORDS;
  const own = slotsOf(body, personNamed);
  const pronoun = PERSON_PRONOUN.test(body);
  const pointsBack = POINTS_BACK.test(body) || refersBackToPeriod(body);

  if (!continues && !fragment) {
    // A full question follows on only when it points back and names no partner or person of its
    // own: "how much was it in 2021?", "what did he say?"; else it is a new question.
    if (!(pointsBack || pronoun) || own.partners.length > 0 || own.person !== null) {
      return { type: "new" };
    }
  } else if (!continues && own.partners.length > 0 && own.measure !== null && own.period !== null) {
    // A fragment that names a partner, a measure and a period needs nothing from before.
    return { type: "new" };
  }

  const cleaned = body.replace(/[\s?.!,]+$/, "").trim();
  const namesNothing =
    own.partners.length === 0 && own.period === null && own.measure === null && own.person === null;
  if (namesNothing && !pronoun && (continues || fragment)) {
    // "and that?" points back at nothing in particular; "thanks" is no follow-up at all.
    const pointsAtNothing = (continues && cleaned === "") || ONLY_POINTING.test(cleaned);
    return pointsAtNothing ? { type: "unclear" } : { type: "new" };
  }

  let asked = question;
  let person = own.person;
  if (pronoun && person === null) {
    if (last.person === null) return { type: "unclear" };
    person = last.person;
    asked = text
      .replace(/\b(?:he|she|him|her)\b/gi, last.person)
      .replace(/\b(?:his|hers)\b/gi, `${last.person}'s`);
  }

  // A question about a person takes only the person; one about figures takes what it leaves out.
  const aboutPerson = person !== null && own.partners.length === 0 && own.measure === null;
  const carried: (keyof Slots)[] = [];
  const take = <K extends keyof Slots>(slot: K, mine: Slots[K], theirs: Slots[K]): Slots[K] => {
    const empty = mine === null || (Array.isArray(mine) && mine.length === 0);
    const there = theirs !== null && !(Array.isArray(theirs) && theirs.length === 0);
    if (!empty || !there) return mine;
    carried.push(slot);
    return theirs;
  };
  const slots: Slots = aboutPerson
    ? { partners: [], period: own.period, measure: null, person }
    : {
        partners: take("partners", own.partners, last.partners),
        measure: take("measure", own.measure, last.measure),
        period: take("period", own.period, last.period),
        person: own.person,
      };
  if (aboutPerson && own.person === null) carried.push("person");
  if (carried.length === 0) return { type: "new" };
  return { type: "follow-up", question: asked, slots, carried };
}
