/**
 * Who reported a figure, as the sentence says it: `according to the Federal Board of Revenue`,
 * `according to sources from the FBR`, `data from the Pakistan Telecommunication Authority shows`,
 * `the State Bank of Pakistan said`, `(PBS)`. The name is given without the words around it
 * (`sources from`, `data from`, `the`).
 */

export interface SourceMention {
  /** The reporting body as written, e.g. `Federal Board of Revenue`. */
  name: string;
  /** Span of the name in the text searched. */
  start: number;
  end: number;
}

const SP = "[ \\u00a0]";
/** A capitalised word or a dotted abbreviation (`U.S.`). */
const CAP = "(?:\\p{Lu}\\.){2,6}|\\p{Lu}[\\p{L}\\p{N}'’&-]{0,30}";
const CONNECTOR = "(?:of|for|and|the|on|de|&)";
/**
 * `Federal Board of Revenue`, `Office of the U.S. Trade Representative`, `FBR`. Starts at a word
 * start; words are bounded in length so a run of capitals cannot make matching quadratic.
 */
const NAME = `(?<![\\p{L}\\p{N}.])(?:${CAP})(?:${SP}(?:${CONNECTOR}${SP}){0,2}(?:${CAP})){0,9}`;
const ORG_NOUN =
  "ministry|bank|board|bureau|authority|office|council|commission|department|division|agency|regulator|embassy|government|secretariat|chamber";
/** `the commerce ministry`, `the central bank`. */
const LOWER_ORG = `(?:[a-z]+${SP}){0,2}(?:${ORG_NOUN})`;
/** `the Pakistani embassy`, `the Chinese commerce ministry`: a name and the kind of body it is. */
const NAME_WITH_ORG = `${NAME}(?:${SP}(?:[a-z]+${SP})?(?:${ORG_NOUN})(?![\\p{L}]))?`;
const EVIDENCE =
  "(?:data|figures|statistics|numbers|sources|estimates|reports?|officials|survey|documents?|a\\s(?:report|statement|survey|study))";
const BY =
  "(?:from|of|by|at|in|with|released\\sby|compiled\\sby|issued\\sby|published\\sby|shared\\sby)";
const REPORTING_VERB =
  "said|says|reported|reports|showed|shows|show|estimated|estimates|announced|revealed|reveals|noted|stated|added|told|indicated|indicates|recorded";

const ATTRIBUTIONS: RegExp[] = [
  // according to (data from) the Federal Board of Revenue
  new RegExp(
    `[Aa]ccording${SP}to${SP}(?:(?:the${SP})?(?:(?:latest|official|provisional|recent|new)${SP})?${EVIDENCE}${SP}${BY}${SP})?(?:the${SP})?(${NAME_WITH_ORG}|${LOWER_ORG})`,
    "gu",
  ),
  // data from the Pakistan Telecommunication Authority (shows)
  new RegExp(
    `(?<![\\p{L}])(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Nn]umbers|[Ee]stimates|[Rr]eport|[Ss]urvey)${SP}(?:from|by|of|released${SP}by|compiled${SP}by|issued${SP}by|published${SP}by|shared${SP}by)${SP}(?:the${SP})?(${NAME})`,
    "gu",
  ),
  // as per SBP data, citing the Ministry of Commerce, (source: PBS)
  new RegExp(
    `(?<![\\p{L}])(?:[Aa]s${SP}per|[Cc]iting|[Qq]uoting|[Rr]eported${SP}by|[Rr]eleased${SP}by|[Cc]ompiled${SP}by|[Pp]ublished${SP}by|[Ii]ssued${SP}by|[Ss]hared${SP}by|[Ss]ource:)${SP}(?:(?:data|figures|statistics)${SP}(?:from|of|by)${SP})?(?:the${SP})?(${NAME_WITH_ORG}|${LOWER_ORG})`,
    "gu",
  ),
];

/** `the State Bank of Pakistan said`, `FBR data showed`: taken only when the name is an organisation. */
const NAME_THEN_VERB = new RegExp(
  `(${NAME})(?:${SP}\\(\\p{Lu}[\\p{Lu}&]{1,7}\\))?(?:['’]s)?(?:${SP}(?:data|figures|statistics|report|survey|estimates))?${SP}(?:(?:has|have|had)${SP})?(?:${REPORTING_VERB})(?![\\p{L}])`,
  "gu",
);

/** A bracketed acronym such as `(PBS)`. */
const BRACKETED = /\((\p{Lu}[\p{Lu}&]{1,7})\)/gu;

const ORGANISATION = new RegExp(
  `(?<![\\p{L}])(?:${ORG_NOUN}|bureau|fund|organi[sz]ation|institute|association|federation|corporation|company|statistics|survey|reserve|exchange|consulate|mission|representative|forum|group|centre|center|programme|program|union|trust|foundation|network|tribunal|court|parliament|senate|assembly|cabinet|committee)(?![\\p{L}])`,
  "iu",
);

const ACRONYM = /^(?:\p{Lu}[\p{Lu}&]{1,7}|(?:\p{Lu}\.){2,})$/u;

/** Whether a name reads as an organisation rather than a person (`State Bank of Pakistan`, `FBR`). */
function isOrganisation(name: string): boolean {
  return ORGANISATION.test(name) || ACRONYM.test(name);
}

/** Trims the words a name match may carry that are not the name (`The`, a trailing `of`, `’s`). */
function cleanName(raw: string, start: number): SourceMention | null {
  let name = raw;
  let from = start;
  const lead = /^(?:The|This|That|According)[ \u00a0]+/u.exec(name);
  if (lead) {
    name = name.slice(lead[0].length);
    from += lead[0].length;
  }
  name = name.replace(/(?:[ \u00a0]+(?:of|for|and|the|on|de|&))+$/u, "").replace(/['’]s$/u, "");
  if (name.length < 2) return null;
  return { name, start: from, end: from + name.length };
}

/** Whether `(ACRONYM)` spells the initials of the words before it, so defines rather than cites it. */
function definesAcronym(text: string, at: number, acronym: string): boolean {
  const letters = acronym.replace(/&/g, "").toLowerCase();
  const initials = (split: RegExp) =>
    text
      .slice(Math.max(0, at - 120), at)
      .split(split)
      .filter((w) => w && !/^(?:of|and|the|for|on|&|de)$/i.test(w))
      .slice(-letters.length)
      .map((w) => w[0]?.toLowerCase() ?? "")
      .join("");
  // A hyphenated word gives one letter (`Public-Private`) or one for each part
  // (`High-Level Strategic Cooperation Council (HLSCC)`).
  return initials(/[^\p{L}\p{N}'’-]+/u) === letters || initials(/[^\p{L}\p{N}'’]+/u) === letters;
}

/** Every reporting body the text names, in order. */
export function findSources(text: string): SourceMention[] {
  const found: SourceMention[] = [];
  const add = (raw: string | undefined, start: number) => {
    if (!raw) return;
    const clean = cleanName(raw, start);
    if (clean) found.push(clean);
  };
  for (const regex of ATTRIBUTIONS) {
    for (const m of text.matchAll(regex)) {
      const name = m[1] ?? "";
      add(name, (m.index ?? 0) + m[0].length - name.length);
    }
  }
  for (const m of text.matchAll(NAME_THEN_VERB)) {
    const name = m[1] ?? "";
    const cleaned = cleanName(name, m.index ?? 0);
    if (cleaned && isOrganisation(cleaned.name)) found.push(cleaned);
  }
  // A bracketed acronym is the source only when nothing says so in words, and not in a
  // dateline (`LONDON, Jun 20 (APP):` names the agency that filed the story).
  if (found.length === 0) {
    for (const m of text.matchAll(BRACKETED)) {
      const acronym = m[1] ?? "";
      const at = m.index ?? 0;
      if (text[at + m[0].length] === ":" || definesAcronym(text, at, acronym)) continue;
      found.push({ name: acronym, start: at + 1, end: at + 1 + acronym.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SourceMention[] = [];
  for (const s of found) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}
