import { findCountries } from "../../facts/language/countries";
import { contentTerms, STOP_WORDS, words } from "../../text/terms";
import type { Official } from "../../types";
import type { Knowledge } from "../knowledge";
import type { QuestionPlan } from "../question";
import type { OfficialCandidate } from "./candidate";

/**
 * Officials who may answer a who-question: the person the question names ("who is Jam Kamal
 * Khan?") or the holders of the office it asks about ("who is the commerce minister?", "who heads
 * the STZA?"). A role is matched as an office — its rank, portfolio and country — never by a
 * shared word alone: a Vice-Minister for trade is not the trade minister.
 */

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
  /** Share of the official's name words the question gives (0–1). */
  share: number;
}

/**
 * The official a question names, if any. A single name word is enough only when no other official
 * shares it; a capitalised name in the question with words the official does not have means
 * somebody else ("Kamal Ahmed" is not Jam Kamal Khan), and so does a lower-case run of name-like
 * words most of which the official lacks ("azhar ali dahar" is not Mohammad Azhar Mazlan).
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
  const described = officeWords(best.official);
  for (const run of [...plan.nameCandidates, ...plan.lowerNameRuns]) {
    const runWords = words(run).map((w) => w.word);
    if (!runWords.some((w) => mine.has(w))) continue;
    const strangers = runWords.filter(
      (w) =>
        !mine.has(w) &&
        !countryWords.has(w) &&
        // "vice-minister", "METI" before a name say who the person is, not another name.
        !w
          .split("-")
          .every((part) => NOT_NAME.has(part) || STOP_WORDS.has(part) || described.has(part)),
    );
    if (strangers.length > 0) return null;
  }
  return {
    official: best.official,
    nameTerms: new Set(best.matched.flatMap((w) => contentTerms(w))),
    share: best.matched.length / Math.max(1, mine.size),
  };
}

/**
 * The words of an official's title and organisation, and the organisation's initials ("METI" for
 * the Ministry of Economy, Trade and Industry): written before a name, they describe the person.
 */
function officeWords(o: Official): Set<string> {
  const out = new Set<string>();
  for (const text of [o.title, o.organization]) {
    if (!text) continue;
    for (const { word } of words(text)) out.add(word);
    const initials = text
      .split(/[\s,]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join("")
      .toLowerCase();
    if (initials.length >= 2) out.add(initials);
  }
  return out;
}

const ROLE_WORDS = new Set(
  (
    "minister secretary ambassador envoy commissioner consul chairman chairwoman chairs chair " +
    "chairperson president governor director head heads adviser advisor assistant spokesperson " +
    "ceo chief representative attache counsellor counselor emir king premier"
  ).split(" "),
);

/** Whether a who-question names an office ("Who is the commerce minister?"). */
export function asksForRole(plan: QuestionPlan): boolean {
  return words(plan.text).some((w) => ROLE_WORDS.has(w.word));
}

/** The official the question names, as a candidate. */
export function namedOfficialCandidate(person: PersonMatch): OfficialCandidate {
  return {
    kind: "official",
    official: person.official,
    by: "name",
    features: {
      unseen: 0,
      byName: 1,
      nameShare: person.share,
      rank: 0,
      portfolio: 0,
      owner: 0,
      posted: 0,
    },
    conflict: null,
    z: 0,
    p: 0,
  };
}
