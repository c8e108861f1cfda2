/**
 * Just enough English grammar to find noun phrases in news sentences without a parser: word
 * classes that end a noun phrase (determiners, prepositions, verbs, clause words) and a tokenizer
 * that keeps offsets. Figure extraction uses it for the counted noun (`70 Japanese companies`) and
 * for what a figure measures (`the trade volume, which stood at …`).
 */

import { NUMBER_WORDS_SOURCE } from "./numbers";

export type TokenKind = "word" | "number" | "punct" | "figure";

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** For `figure` tokens: the index of the figure in the caller's list. */
  figure?: number;
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const DETERMINERS = words(`
  the a an this that these those its their his her our your my each every all both any some
  such another either neither no`);

/** Prepositions that may sit inside a noun phrase (`trade between the two countries`). */
export const PHRASE_PREPOSITIONS = words(`
  of between with to from in for on among across into within`);

export const PREPOSITIONS = words(`
  of in on at by for from to with within without into onto over under between among across
  through during since until till toward towards against about around after before behind beyond
  per via upon like than as amid despite including worth except versus vs near along`);

/** Verbs that state a level: their subject is what the figure measures. */
export const LEVEL_VERBS = words(`
  reached reach reaches reaching stood stand stands standing totaled totalled totals total
  totaling totalling amounted amount amounts amounting rose rise rises risen rising fell fall
  falls fallen falling was were is are be been being exceeded exceed exceeds exceeding hit hits
  hitting crossed cross crosses crossing grew grow grows grown growing increased increase
  increases increasing decreased decrease decreases declined decline declines declining dropped
  drop drops jumped jump jumps climbed climb climbs surged surge surges soared soars plunged
  plunges touched touches touch recorded records registered registers posted posts doubled
  doubles tripled expanded expands contracted contracts shrank shrunk widened narrowed improved
  slipped slid edged came comes clocked topped tops surpassed surpasses remained remain remains
  hovered hovers stayed stays eased eases slowed slows accelerated accelerates moderated
  quickened picked peaked dipped dips slumped improved valued estimated pegged put puts seen projected forecast expected
  targeted set poised likely went goes go stood settled settle settles accounted accounts accounting account
  represented represents constituted constitutes made makes saw sees witnessed witnesses`);

/** Verbs before a level verb that keep its subject (`is expected to reach`). */
export const AUXILIARIES = words(`
  has have had having will would shall should can could may might must do does did is are was
  were be been being to also already still now just further reportedly currently almost nearly
  again up down sharply steadily significantly slightly marginally roughly`);

/**
 * Level verbs that are as often nouns (`an increase of 12%`, `the total`): inside a noun phrase
 * they are read as nouns.
 */
const VERBS_AS_NOUNS = words(`
  total totals amount amounts rise rises fall falls increase increases decrease decline declines
  drop drops jump jumps surge surges record records hit hits forecast climb`);

/**
 * Action verbs that are nouns after a number (`12 plans`, `three grants`) but verbs after a
 * subject (`the Authority offers tax holidays`).
 */
const COUNTABLE_VERBS = words(`
  plan plans aim aims offer offers grant grants boost boosts raise raises sign signs launch
  launches push visit visits`);

/** Verbs whose subject is an actor, not a measure (`Japan pledged $5 billion`). */
export const ACTION_VERBS = words(`
  said says say told tells added adds noted notes stated states announced announces announce
  showed shows show revealed reveals indicate indicates indicated suggest suggests suggested
  reported reports report pledged pledges pledge offered offers offer provided provides provide
  gave gives give granted grants grant signed signs sign committed commits commit allocated
  allocates allocate earmarked earmarks invested invests approved approves approve secured
  secures secure received receives receive sought seeks seek plans plan planned aims aim aimed
  wants want hopes hope expects expect intends intend agreed agree agrees pushes push pushed
  raise raises raised boost boosts boosted enhance enhances enhanced achieve achieves achieved
  attract attracts attracted bring brings brought take takes took make generate generates
  generated promote promotes promoted strengthen strengthens strengthened explore explores
  explored facilitate facilitates cited cites cite connected connects connect joined joins join
  outlined outlines highlighted highlights underscored underscores emphasized emphasised
  discussed discusses met meets meet launched launches launch unveiled unveils unveil
  welcomed welcomes welcome urged urges urge called calls invited invites invite assured assures
  exported imported operate operates employ employs employed create creates created according
  invest spend spends spent lend lends lent borrow borrows borrowed disburse disbursed disburses
  transfer transferred send sends sent earn earns earned pay pays paid buy buys bought sell sells
  sold purchase purchased acquire acquired finance financed double triple quadruple halve reduce
  reduces reduced lowers lowered slash slashes slashed trim trims trimmed`);

/** Words that open a clause: a noun phrase does not run across them. */
export const CLAUSE_WORDS = words(`
  that which who whom whose what where when while whereas although though because since if
  unless whether as but so yet nor and or then than there here it they we he she i you them us
  him`);

export const MONTHS = words(`
  january february march april may june july august september october november december jan feb
  mar apr jun jul aug sep sept oct nov dec`);

const ADVERB_WORDS = words(`
  also already still now only just even further currently recently reportedly annually
  respectively together alone overall nearly almost approximately roughly about around ago
  earlier later then however meanwhile year-on-year yoy y-o-y month-on-month annually closer
  nearer`);

/** Whether a word is an adverb that may sit between a subject and its verb. */
export function isAdverb(lower: string): boolean {
  return ADVERB_WORDS.has(lower) || (lower.length > 4 && lower.endsWith("ly"));
}

/** `Pakistan’s`, `country's`, `firms'`. */
export function isPossessive(word: string): boolean {
  return /(?:['’]s|s['’])$/u.test(word);
}

const NUMBER_WORD = new RegExp(`^(?:${NUMBER_WORDS_SOURCE})$`, "i");

/**
 * Words that never belong to a noun phrase: determiners, prepositions, verbs, clause words,
 * pronouns, months, number words. (`and` is handled by the callers: it joins modifiers as often as
 * clauses.) With `afterNumber`, verbs that are also countable nouns (`12 plans`) do not end it.
 */
export function endsNounPhrase(lower: string, afterNumber = false): boolean {
  if (VERBS_AS_NOUNS.has(lower)) return false;
  if (afterNumber && COUNTABLE_VERBS.has(lower)) return false;
  return (
    DETERMINERS.has(lower) ||
    PREPOSITIONS.has(lower) ||
    LEVEL_VERBS.has(lower) ||
    ACTION_VERBS.has(lower) ||
    (CLAUSE_WORDS.has(lower) && lower !== "and" && lower !== "or") ||
    AUXILIARIES.has(lower) ||
    MONTHS.has(lower) ||
    ADVERB_WORDS.has(lower) ||
    (lower !== "a" && NUMBER_WORD.test(lower))
  );
}

/**
 * Whether a token ends a noun phrase. A capitalised word inside a sentence, or an acronym
 * anywhere, is a name (`United States`, `Board`, `IT`), whatever the same word means in lower
 * case; months still end one.
 */
function stops(t: Token, afterNumber = false): boolean {
  const lower = t.text.toLowerCase();
  // An acronym is a name even where it opens the sentence (`IT exports`).
  if (/^\p{Lu}[\p{Lu}\p{N}&-]+$/u.test(t.text)) return false;
  if (t.start > 0 && /^\p{Lu}/u.test(t.text) && !MONTHS.has(lower.replace(/\.$/, ""))) return false;
  return endsNounPhrase(lower, afterNumber);
}

/** Irregular plurals a count may be of (`5,000 people`). */
const IRREGULAR_PLURALS = words(`
  people children men women staff personnel police youth cattle livestock aircraft sheep fish
  data media memoranda criteria phenomena curricula bacteria strata addenda errata corrigenda
  alumni stimuli fungi nuclei syllabi radii cacti indices appendices matrices vertices analyses
  crises theses hypotheses diagnoses syntheses oases parentheses feet teeth geese mice lice`);

/** Whether a word reads as a plural noun (`companies`, `MoUs`, `people`), as a count needs. */
export function isPluralNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(lower)) return true;
  if (/\p{Lu}s$/u.test(word)) return true; // MoUs, SMEs, SEZs
  return /[a-z]s$/.test(lower) && !/(?:ss|us|sis|ous)$/.test(lower) && !isPossessive(word);
}

/** A participle after the head noun (`companies operating in …`, `firms based in …`). */
function isTrailingParticiple(lower: string): boolean {
  return (lower.length > 4 && /(?:ing|ed)$/.test(lower)) || IRREGULAR_PARTICIPLES.has(lower);
}

/** Participles that do not end in `-ed` (`deposits held with the SBP`). */
const IRREGULAR_PARTICIPLES = words(`
  held made paid sent spent built sold bought given taken kept owned led brought won lent drawn
  shown grown known seen`);

const TOKEN =
  /(?:\p{L}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{N}][\p{L}\p{N}'’&-]*|[^\s\p{L}\p{N}]/gu;

/**
 * Splits a sentence into words, numbers and punctuation with offsets. Spans in `figures` (sorted,
 * not overlapping) become single `figure` tokens, so phrases stop at other figures.
 */
export function tokenize(text: string, figures: readonly { start: number; end: number }[] = []) {
  const tokens: Token[] = [];
  let at = 0;
  for (let f = 0; f <= figures.length; f++) {
    const figure = figures[f];
    const stop = figure ? figure.start : text.length;
    TOKEN.lastIndex = at;
    for (const m of text.slice(0, stop).matchAll(TOKEN)) {
      const start = m.index ?? 0;
      if (start < at) continue;
      const kind: TokenKind = /^\p{L}/u.test(m[0])
        ? "word"
        : /^[\d.]/.test(m[0]) && /\d/.test(m[0])
          ? "number"
          : "punct";
      tokens.push({ kind, text: m[0], start, end: start + m[0].length });
    }
    if (figure) {
      tokens.push({
        kind: "figure",
        text: text.slice(figure.start, figure.end),
        start: figure.start,
        end: figure.end,
        figure: f,
      });
      at = figure.end;
    }
  }
  return tokens;
}

/** Whether two adjacent tokens are separated by nothing but spaces. */
function adjacent(text: string, left: Token, right: Token): boolean {
  return /^[ \u00a0]*$/.test(text.slice(left.end, right.start));
}

/**
 * The noun phrase that starts at token `from` and runs right: modifiers and a head, joined by
 * `and`/`or` between words, ending before a word that cannot belong to one, punctuation, a number
 * or a figure, and before a participle that follows the head (`companies operating in`).
 * Returns the tokens, at most `limit` words.
 */
export function nounPhraseAfter(text: string, tokens: Token[], from: number, limit = 8): Token[] {
  const out: Token[] = [];
  for (let i = from; i < tokens.length && out.length < limit; i++) {
    const t = tokens[i];
    if (t?.kind !== "word") break;
    const prev = out[out.length - 1] ?? tokens[i - 1];
    if (out.length > 0 && prev && !adjacent(text, prev, t)) break;
    const lower = t.text.toLowerCase();
    const next = tokens[i + 1];
    const nextIsWord = next?.kind === "word" && adjacent(text, t, next) && !stops(next, true);
    if (lower === "and" || lower === "or" || lower === "&") {
      if (out.length === 0 || !nextIsWord) break;
      out.push(t);
      continue;
    }
    if (stops(t, true) || isPossessive(t.text)) break;
    // `companies operating in`, and `compared with` right after a figure.
    if (isTrailingParticiple(lower) && !nextIsWord) break;
    out.push(t);
  }
  while (out.length > 0) {
    const last = out[out.length - 1];
    if (!last || !/^(?:and|or|&)$/i.test(last.text)) break;
    out.pop();
  }
  return out;
}

/** Modal verbs: the word after one is a verb (`would cost exporters`, `could cut cargo time`). */
const MODALS = words("will would shall should can could may might must");

/** Words that make a prepositional phrase worth crossing: it names a place or the partners. */
const PARTNER_WORDS = words(
  "countries nations nation sides economies partners neighbours neighbors country kingdom bloc republic region ally allies federation",
);

/**
 * The noun phrase that ends at token `to` and runs left, with a prepositional phrase that names a
 * place or the partners (`Bilateral trade between the United States and Pakistan`, `trade between
 * the two countries`, `exports to China`): it starts after a determiner or possessive that opens
 * it (`the`, `Pakistan’s`), and stops at verbs, clause words, punctuation, numbers and figures.
 * `places` are the spans of place names in the text. A head that reads as a verb (`Japan
 * earmarked`, `mills were paying`) gives no phrase, and a word right after a modal is a verb, so
 * it is left out (`would cost exporters` → `exporters`).
 */
export function nounPhraseBefore(
  text: string,
  tokens: Token[],
  to: number,
  places: readonly { start: number; end: number }[] = [],
  limit = 12,
): Token[] {
  const out: Token[] = [];
  const namesPlace = () =>
    out.some(
      (o) =>
        PARTNER_WORDS.has(o.text.toLowerCase()) ||
        places.some((p) => o.start >= p.start && o.end <= p.end),
    );
  for (let k = to; k >= 0 && out.length < limit; k--) {
    const t = tokens[k];
    if (t?.kind !== "word") break;
    const first = out[0];
    if (first && !adjacent(text, t, first)) break;
    const lower = t.text.toLowerCase();
    const prev = tokens[k - 1];
    const prevLower = prev?.kind === "word" ? prev.text.toLowerCase() : null;
    const prevJoins = prev !== undefined && adjacent(text, prev, t);
    const numberWord = lower !== "a" && NUMBER_WORD.test(lower);
    if (DETERMINERS.has(lower) || isPossessive(t.text) || numberWord) {
      // Inside a prepositional phrase that names a place (`between the two countries`, `and the
      // United Kingdom`) the phrase goes on; otherwise it opens here.
      const opensPhrase =
        prevLower !== null &&
        (PHRASE_PREPOSITIONS.has(prevLower) ||
          prevLower === "and" ||
          prevLower === "or" ||
          (numberWord && DETERMINERS.has(prevLower)));
      if (out.length > 0 && prevJoins && opensPhrase && namesPlace()) {
        out.unshift(t);
        continue;
      }
      break;
    }
    const prevIsModifier =
      prevJoins && prev?.kind === "word" && !stops(prev) && !isPossessive(prev.text);
    if (PHRASE_PREPOSITIONS.has(lower) || lower === "and" || lower === "or" || lower === "&") {
      if (out.length > 0 && prevIsModifier) {
        out.unshift(t);
        continue;
      }
      break;
    }
    // `per capita income`: `per` is a modifier here, not a preposition.
    if (lower === "per" && out[0]?.text.toLowerCase() === "capita") {
      out.unshift(t);
      continue;
    }
    if (stops(t)) break;
    // `aims to increase exports`: after `to`, a word that is also a noun is the verb.
    if (prevLower === "to" && (VERBS_AS_NOUNS.has(lower) || COUNTABLE_VERBS.has(lower))) break;
    if (out.length === 0 && !t.text.includes("-") && /\p{Ll}ed$/u.test(t.text)) break;
    // `we have identified opportunities`, `mills were paying`: a verb after an auxiliary.
    const verbForm = /\p{Ll}(?:ed|ing)$/u.test(t.text) && !t.text.includes("-");
    if (verbForm && prevLower !== null && AUXILIARIES.has(prevLower)) break;
    if (prev?.kind === "word" && MODALS.has(prev.text)) break;
    out.unshift(t);
  }
  while (out.length > 0 && /^(?:and|or|&)$/i.test(out[0]?.text ?? "")) out.shift();
  return out;
}
