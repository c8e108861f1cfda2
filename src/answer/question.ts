import { z } from "zod";
import { type CountryMatch, findCountries } from "../facts/language/countries";
import { findPeriods, type PeriodMention } from "../facts/language/periods";
import { foldPhrases } from "../text/synonyms";
import { contentTerms, words } from "../text/terms";
import type { QuestionKind } from "../types";
import { namesRank } from "./candidates/roles";
import questionWords from "./data/question-words.json" with { type: "json" };
import { type TradeSide, tradeSide } from "./trade-side";

const QuestionWordsSchema = z.object({
  about: z.string(),
  frame: z.array(z.string()),
  target: z.array(z.string()),
  roleWords: z.array(z.string()),
  tradeMeasures: z.array(z.string()),
  amountMeasures: z.array(z.string()),
});
const WORDS = QuestionWordsSchema.parse(questionWords);

/** One of the listed words or phrases, as a whole word, longest first. */
const anyOf = (list: readonly string[], flags = "i") =>
  new RegExp(
    `\\b(?:${[...list]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
      .join("|")})\\b`,
    flags,
  );

/** What a question asks, worked out from its words alone (the corpus is consulted later). */
export interface QuestionPlan {
  text: string;
  kind: QuestionKind;
  /** Partner countries named (canonical), Pakistan left out: it is the subject of every article. */
  partners: string[];
  /**
   * Countries named as the owner of an office or thing ("Japanese ambassador", "Pakistan's
   * envoy", "U.S. Chargé d'Affaires"), Pakistan included, as opposed to a place ("ambassador to
   * Japan", "in Tokyo").
   */
  owners: string[];
  /** Whether the question names Pakistan itself. */
  mentionsPakistan: boolean;
  periods: PeriodMention[];
  /** Stemmed topic terms, without partners, periods and question words. */
  topic: string[];
  /** Stemmed topic terms including partner words, for full-text search. */
  searchTerms: string[];
  /** Capitalised word runs that may be a person's name (`Jam Kamal Khan`, `Matsuo`). */
  nameCandidates: string[];
  /** The question asks about a plan or goal rather than a reported value. */
  asksTarget: boolean;
  /** The question asks for the latest figure ("right now", "currently") rather than a period. */
  latest: boolean;
  /**
   * A name typed in lower case where a question puts one ("who is azhar ali dahar", "what did
   * masood khan say"), which the capitalised runs miss.
   */
  lowerNameRuns: string[];
  /** What a count question counts, stemmed: "trucks" in "how many trucks cross daily". */
  countedNoun: string | null;
  /** The side of Pakistan's trade asked about ("how much does the UAE sell to Pakistan": imports). */
  side: TradeSide | null;
  /** Relative periods the question names ("last year"), matched as written, not as years. */
  relative: string[];
}

export interface PlanOptions {
  latest?: boolean;
}

/** The slot of "who is X" and "what did X say" that holds a person's name. */
const NAME_SLOT =
  /^\s*(?:who\s+is|who\s+was|what\s+(?:did|does|has|had)|what\s+is\s+the\s+(?:position|title|role|job)\s+of|what\s+(?:position|title|role|office)\s+does)\s+(.+?)(?:\s+(?:say|said|says|tell|told|think|thinks|mention|mentioned|stress|stressed|add|added|note|noted|hold|holds|have|do|want|wants|believe|believes)\b.*)?[\s?.!]*$/i;

/** Words that make the name slot a role instead ("who is the trade minister"). */
const NOT_A_NAME = anyOf(WORDS.roleWords);

/**
 * The noun a count question counts: the last word of the phrase after "how many" / "number of",
 * before its verb ("how many Japanese companies operate" → companies).
 */
function countedNounOf(q: string): string | null {
  const m =
    /\b(?:how\s+many|number\s+of|count\s+of)\s+((?:[\p{L}'-]+\s+){0,3}?[\p{L}'-]+?)(?=\s+(?:are|is|were|was|do|does|did|have|has|had|will|would|can|could|go|come|came|operate|work|live|visit|cross|pass|in|from|to|at|of|for|on|per|each|every|a|an|the|that|which|who)\b|\s*[?.!,]|\s*$)/iu.exec(
      q,
    );
  const phrase = m?.[1];
  if (!phrase) return null;
  const last = phrase.split(/\s+/).at(-1) ?? "";
  return contentTerms(last)[0] ?? null;
}

function lowerNameRunsOf(q: string): string[] {
  const slot = NAME_SLOT.exec(q)?.[1]?.trim();
  if (!slot || NOT_A_NAME.test(slot)) return [];
  const n = slot.split(/\s+/).length;
  return n >= 1 && n <= 5 ? [slot.replace(/['’]s$/, "")] : [];
}

/** Question words and verbs that frame a question without naming its topic. */
const FRAME_WORDS = new Set(WORDS.frame);

const TARGET_WORDS = anyOf(WORDS.target);
const TRADE_MEASURE = anyOf(WORDS.tradeMeasures);
const AMOUNT_MEASURE = anyOf(WORDS.amountMeasures);

function kindOf(q: string): QuestionKind {
  const s = q.toLowerCase().replace(/\s+/g, " ").trim();
  if (/\bhow many\b|\bnumber of\b|\bhow large a number\b|\bcount of\b/.test(s)) return "count";
  if (
    /\bwhat did\b.*\b(?:say|said|tell|told|remark|note|state|stress|add)\b|\bwhat does\b.*\bsay\b|\bquotes?\b|\bin (?:his|her|their) (?:own )?words\b|\bwhat was .* (?:quote|remark|statement)\b/.test(
      s,
    )
  )
    return "quote";
  if (
    /\b(?:percent(?:age)?|per cent|share|rate|%|proportion|growth rate|by how much did .* (?:grow|rise|increase|fall|decline))\b/.test(
      s,
    )
  )
    return "share";
  if (
    /\bhow much\b|\bhow big\b|\bhow large\b|\bhow long\b|\bworth\b|\bvalue of\b|\bvolume\b/.test(s)
  )
    return "amount";
  if (
    /^(?:who|whom|whose)\b|\bwho (?:is|was|are|were|chairs|heads|leads)\b|^what (?:is|was) (?:the )?(?:position|post|role|title|office|job|designation)\b|^what (?:position|post|role|title|office|job|designation)\b/.test(
      s,
    )
  )
    return "who";
  if (/^when\b|\bwhat (?:year|date|month|day)\b|\bsince when\b/.test(s)) return "when";
  if (
    /^where\b|\b(?:in )?(?:which|what) (?:city|country|place|venue)\b|\blocation\b|\bvenue\b|\bwho (?:hosts?|will host)\b/.test(
      s,
    )
  )
    return "where";
  if (/^why\b|\bwhat (?:is|was) the reason\b|\bfor what reason\b/.test(s)) return "why";
  if (
    /^which\b|\bwhat (?:sectors|areas|companies|firms|incentives|products|items|fields|industries|steps|measures)\b/.test(
      s,
    )
  )
    return "which";
  if (
    /^what (?:is|was|were|are)\b/.test(s) &&
    AMOUNT_MEASURE.test(s.replace(/^what (?:is|was|were|are)\b/, ""))
  )
    return "amount";
  return "other";
}

/** Capitalised runs of words, skipping the first word when it is a question word. */
function nameCandidatesOf(q: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run.join(" "));
    run = [];
  };
  for (const { word, start, end } of words(q)) {
    const raw = q.slice(start, end);
    const capital = /^\p{Lu}/u.test(raw);
    if (capital && !FRAME_WORDS.has(word)) run.push(raw.replace(/['’]s$/, ""));
    else flush();
  }
  flush();
  return runs;
}

/** A country word that qualifies what follows it rather than saying where. */
function isOwner(text: string, c: CountryMatch): boolean {
  if (c.capital) return false;
  const before = text.slice(Math.max(0, c.start - 6), c.start);
  if (/\b(?:to|in|at|with|from|into|for)\s+(?:the\s+)?$/i.test(before)) return false;
  const after = text.slice(c.end, c.end + 3);
  return c.adjective || /^['’]s\b/.test(after) || /^\s+\p{Lu}/u.test(text.slice(c.end, c.end + 2));
}

const EXPORTS = contentTerms("exports")[0] ?? "exports";
const IMPORTS = contentTerms("imports")[0] ?? "imports";

/**
 * Figures are Pakistan's: what a partner buys from Pakistan is Pakistan's exports, what it sells
 * to Pakistan Pakistan's imports ("How much did Britain buy from Pakistan?").
 */
function fromPartnersSide(text: string, topic: string[]): string[] {
  const swap = (verbs: string, to: string) => {
    const from = new Set(contentTerms(verbs));
    return topic.map((t) => (from.has(t) ? to : t));
  };
  // Only a verb whose subject is the partner; "EU imports from Pakistan" names the EU's measure.
  if (/\b(?:buy|buys|bought|purchase[ds]?)\b[^?]*\bfrom\s+Pakistan\b/i.test(text)) {
    return swap("buy buys bought purchase purchases purchased", EXPORTS);
  }
  if (/\b(?:sell|sells|sold)\b[^?]*\bto\s+Pakistan\b/i.test(text)) {
    return swap("sell sells sold", IMPORTS);
  }
  return topic;
}

/**
 * Splits "How many MoUs were signed, and what were they worth?" into its questions: a comma or
 * "and" followed by a question word starts a new one. One question comes back as one part.
 */
/** An opening that says whose account the question asks for, set off by a comma. */
const ATTRIBUTION_OPENING =
  /^\W*(?:according\s+to|as\s+per|per|in\s+the\s+(?:words|view|opinion)\s+of)\b[^,;?]*,\s*(?:what|how|when|who|which|where|why)\b/i;

export function splitQuestion(question: string): string[] {
  // "According to the official, what holds exporters back?" is one question, attributed.
  if (ATTRIBUTION_OPENING.test(question)) return [question];
  const parts = question
    .split(/\s*(?:,\s*and|,|\band|;)\s+(?=(?:what|how|when|who|which|where|why)\b)/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length > 1 && parts.length <= 3 ? parts : [question];
}

/**
 * Plans a question. `context` is an earlier part of the same question ("what were they worth?"
 * after "How many MoUs did Saudi Arabia sign?"): its words lend the topic, partner and period, but
 * not the kind of answer sought.
 */
export function planQuestion(
  question: string,
  context = "",
  options: PlanOptions = {},
): QuestionPlan {
  const own = question.normalize("NFC").slice(0, 2000);
  const text = context ? `${own} ${context.normalize("NFC").slice(0, 2000)}` : own;
  const countries = findCountries(text);
  const partners = [...new Set(countries.map((c) => c.country).filter((c) => c !== "Pakistan"))];
  const mentioned = findPeriods(text);
  // "last year" names no year: it cannot rule figures out, so it is not a constraint.
  const periods = mentioned.filter((p) => p.years.length > 0);

  // Topic terms: the question's words without countries and periods and question framing.
  const asksTarget = TARGET_WORDS.test(text);
  let stripped = text;
  for (const span of [...countries, ...mentioned].sort((a, b) => b.start - a.start)) {
    stripped = `${stripped.slice(0, span.start)} ${stripped.slice(span.end)}`;
  }
  // A goal is recognised by `asksTarget`, so "target" itself need not be in the figure's sentence.
  const frame = new Set(
    [...FRAME_WORDS, ...(asksTarget ? ["target", "goal", "aim"] : [])].map(
      (w) => contentTerms(w)[0] ?? w,
    ),
  );
  const topic = fromPartnersSide(
    text,
    contentTerms(foldPhrases(stripped)).filter((t) => !frame.has(t)),
  );
  const partnerTerms = countries
    .filter((c) => c.country !== "Pakistan")
    .flatMap((c) => contentTerms(c.matched));
  let kind = kindOf(own);
  // "stza chairman?", "uae ambassador": an office named without a question word asks who holds it.
  if (
    kind === "other" &&
    namesRank(own) &&
    !/\b(?:say|said|figure|figures|trade|exports?|imports?|how|what|when|where|why|which|target|did|does)\b/i.test(
      own,
    )
  ) {
    kind = "who";
  }
  // "saudi exports fy23?", "exports to usa 2021-22?": a measure of trade named without a question
  // word asks for its amount.
  if (
    kind === "other" &&
    !/^\W*(?:who|whom|whose|what|when|where|why|which|how|did|does|do|is|are|was|were|can|could|will|would|should|tell|explain|describe|list|show)\b/i.test(
      own,
    ) &&
    TRADE_MEASURE.test(own) &&
    !/\b(?:say|said|says|quote|quoted|who)\b/i.test(own)
  ) {
    kind = "amount";
  }
  return {
    text,
    kind,
    partners,
    owners: [...new Set(countries.filter((c) => isOwner(text, c)).map((c) => c.country))],
    mentionsPakistan: countries.some((c) => c.country === "Pakistan"),
    periods,
    topic: [...new Set(topic)],
    searchTerms: [...new Set([...topic, ...partnerTerms])],
    nameCandidates: nameCandidatesOf(text),
    asksTarget,
    latest: options.latest ?? false,
    lowerNameRuns: lowerNameRunsOf(own),
    countedNoun: countedNounOf(own),
    side: tradeSide(own),
    relative: mentioned.filter((p) => p.kind === "relative" && !p.refersBack).map((p) => p.label),
  };
}
