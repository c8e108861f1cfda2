/**
 * The words of officials' titles and of the bodies they serve, and what a title tells about the
 * office: which ministry it belongs to, whether it is a diplomatic post, whether it is plainly an
 * office of government. Word lists are lower-case and accent-free (see `normWord`).
 */

import { COUNTRIES, canonicalCountry } from "../language/countries";
import { isCapitalised, normWord, tokenize, type WordToken } from "../language/word-tokens";

/**
 * Titles, as word sequences. Hyphenated spellings are one token (`vice-minister`), so both forms
 * are listed. Longest match wins, so `minister of state` beats `minister`.
 */
const TITLE_HEADS: readonly string[] = [
  "prime minister",
  "deputy prime minister",
  // China's State Council: `Vice Premier He Lifeng`, `Premier Li Qiang`.
  "premier",
  "vice premier",
  "vice-premier",
  "state councillor",
  "state councilor",
  "chief minister",
  "federal minister",
  "provincial minister",
  "state minister",
  "minister of state",
  "minister",
  "deputy minister",
  "vice-minister",
  "vice minister",
  "federal secretary",
  "secretary general",
  "secretary-general",
  "additional secretary",
  "joint secretary",
  "permanent secretary",
  "chief secretary",
  "foreign secretary",
  "secretary of state",
  "under secretary",
  "secretary",
  "ambassador",
  "ambassador-designate",
  "high commissioner",
  "deputy high commissioner",
  "consul general",
  "consul-general",
  "consul",
  "charge d'affaires",
  // A common misspelling, kept so the holder is still read.
  "charge d'affairs",
  "deputy chief of mission",
  "special assistant",
  "adviser",
  "advisor",
  "special adviser",
  "chairman",
  "chairperson",
  "chairwoman",
  "chair",
  "vice chairman",
  "vice-chairman",
  "co-chair",
  "chief executive officer",
  "chief executive",
  "ceo",
  "managing director",
  "chief operating officer",
  "chief financial officer",
  "president",
  "vice-president",
  "vice president",
  "senior vice president",
  "governor",
  "deputy governor",
  "director general",
  "director-general",
  "deputy director general",
  "project director",
  "country director",
  "mission chief",
  "chief economist",
  "resident representative",
  "special representative",
  "chief negotiator",
  "executive director",
  "deputy director",
  "director",
  "commissioner",
  "trade commissioner",
  "envoy",
  "special envoy",
  "trade envoy",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "senator",
  "mayor",
  "counsellor",
  "counselor",
  "commercial counsellor",
  "trade counsellor",
  "economic counsellor",
  "commercial counselor",
  "trade counselor",
  "economic counselor",
  "minister counsellor",
  "attache",
  "commercial attache",
  "trade attache",
  "trade representative",
  "collector",
  "chief collector",
  // Analysts are no officials, but their titles place them ("an economist at …") so that the
  // quotes the article gives them are theirs.
  "economist",
  "senior economist",
  "analyst",
  "senior analyst",
  "research analyst",
  "head",
  // Heads of state and of parliaments: never prime ministers, however they are ranked.
  "emir",
  "crown prince",
  "king",
  "queen",
  "speaker",
  "deputy speaker",
  // Members and conveners of chambers and boards, and the people who found firms.
  "member",
  "executive member",
  "board member",
  "convener",
  "convenor",
  "founder",
  "co-founder",
  "general manager",
  "country head",
  "vice chancellor",
];

/** Words that may stand before a title and belong to it (`Acting Chairman`, `former Ambassador`). */
const TITLE_MODIFIERS = new Set([
  "acting",
  "caretaker",
  "interim",
  "former",
  "outgoing",
  "incoming",
  "senior",
  "deputy",
  "additional",
  "joint",
  "special",
  "federal",
  "provincial",
  "executive",
]);

const HEADS_BY_FIRST = new Map<string, string[][]>();
for (const head of TITLE_HEADS) {
  const words = head.split(" ");
  const first = words[0] ?? "";
  const list = HEADS_BY_FIRST.get(first) ?? [];
  list.push(words);
  list.sort((a, b) => b.length - a.length);
  HEADS_BY_FIRST.set(first, list);
}

/**
 * Titles written as acronyms before a name (`PM Shehbaz Sharif`, `SAPM Haroon Akhtar`), matched
 * as written in capitals only: `pm` of `5 pm` and the name part `Md` are no titles.
 */
const ACRONYM_TITLES = new Set(["PM", "SAPM", "DG", "MD", "CG", "MNA", "MPA", "COO", "CFO"]);

export function isAcronymTitle(text: string): boolean {
  return ACRONYM_TITLES.has(text);
}

/** Whether a title can begin with this word (`minister`, `prime`, `high`): a cheap first look. */
export function mayBeginTitle(norm: string): boolean {
  return HEADS_BY_FIRST.has(norm) || (norm.endsWith("'s") && HEADS_BY_FIRST.has(norm.slice(0, -2)));
}

/**
 * How many of the words from `i` on form a title (0 when none). A possessive last word
 * (`Minister’s`) still matches; the caller decides what a possessive title means.
 */
export function titleHeadLength(norms: readonly string[], i: number): number {
  const first = norms[i];
  if (first === undefined) return 0;
  const candidates =
    HEADS_BY_FIRST.get(first) ??
    (first.endsWith("'s") ? HEADS_BY_FIRST.get(first.slice(0, -2)) : undefined);
  if (!candidates) return 0;
  for (const words of candidates) {
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const w = norms[i + k];
      const want = words[k];
      if (w === undefined || (w !== want && !(k === words.length - 1 && w === `${want}'s`))) {
        ok = false;
        break;
      }
    }
    if (ok) return words.length;
  }
  return 0;
}

/** Every word of a title or its modifiers (`prime`, `minister`, `ambassador`, `acting`), not `of`. */
const TITLE_WORDS = new Set(
  [...TITLE_HEADS.flatMap((h) => h.split(" ")), ...TITLE_MODIFIERS].filter((w) => w !== "of"),
);

/** Whether a lower-case word belongs to titles (`minister`, `prime`, `ambassador`). */
export function isTitleWord(norm: string): boolean {
  return TITLE_WORDS.has(norm);
}

export function isTitleModifier(norm: string): boolean {
  return TITLE_MODIFIERS.has(norm);
}

/** Words that name a body (`Authority`, `Ministry`): a run holding one is an organisation. */
export const ORGANISATION_WORDS = new Set([
  "ministry",
  "authority",
  "council",
  "board",
  "bank",
  "chamber",
  "chambers",
  "commission",
  "committee",
  "delegation",
  "corporation",
  "company",
  "agency",
  "bureau",
  "institute",
  "institution",
  "university",
  "association",
  "federation",
  "organization",
  "organisation",
  "fund",
  "forum",
  "embassy",
  "consulate",
  "mission",
  "department",
  "division",
  "office",
  "secretariat",
  "directorate",
  "zone",
  "zones",
  "cell",
  "centre",
  "center",
  "group",
  "limited",
  "ltd",
  "inc",
  "corp",
  "plc",
  "holdings",
  "motors",
  "motor",
  "foundation",
  "trust",
  "society",
  "assembly",
  "senate",
  "cabinet",
  "parliament",
  "government",
  "exchange",
  "regulator",
  "alliance",
  "union",
  "league",
  "tribunal",
  "court",
  "programme",
  "program",
  "unit",
  "house",
  "party",
  // Words that end firms' and outlets' names, so that "Topline Securities said" is no person.
  "service",
  "securities",
  "ratings",
  "partners",
  "associates",
  "consulting",
  "consultants",
  "advisory",
  "solutions",
  "systems",
  "mills",
  "steel",
  "cement",
  "airlines",
  "airways",
  "logistics",
  "pharmaceuticals",
  "pharma",
  "foods",
  "automobiles",
  "electric",
  "electronics",
  "news",
  "times",
  "tribune",
  "herald",
  "journal",
  "daily",
  "express",
  "network",
  "analytics",
  "brokerage",
  "ventures",
  "traders",
  "exporters",
  "importers",
  "manufacturers",
  "producers",
  "monitor",
  "watch",
]);

/** Bodies of the state, as opposed to firms and chambers: their heads are officials of a country. */
const GOVERNMENT_BODY_WORDS = new Set([
  "ministry",
  "authority",
  "council",
  "board",
  "commission",
  "committee",
  "agency",
  "bureau",
  "department",
  "division",
  "secretariat",
  "directorate",
  "senate",
  "assembly",
  "cabinet",
  "parliament",
  "government",
  "embassy",
  "consulate",
  "mission",
]);

/**
 * Words of portfolios and subjects (`Commerce`, `Information Technology`): they fill a title's
 * "for X" and are never part of a person's name.
 */
export const TOPIC_WORDS = new Set([
  "commerce",
  "trade",
  "industry",
  "industries",
  "industrial",
  "production",
  "finance",
  "financial",
  "revenue",
  "economy",
  "economic",
  "economics",
  "affairs",
  "foreign",
  "international",
  "interior",
  "planning",
  "development",
  "reform",
  "reforms",
  "initiatives",
  "information",
  "technology",
  "technologies",
  "telecommunication",
  "telecommunications",
  "telecom",
  "it",
  "energy",
  "power",
  "petroleum",
  "water",
  "resources",
  "natural",
  "climate",
  "change",
  "environment",
  "environmental",
  "food",
  "security",
  "agriculture",
  "national",
  "health",
  "services",
  "education",
  "training",
  "professional",
  "maritime",
  "ports",
  "shipping",
  "communications",
  "communication",
  "railways",
  "aviation",
  "defence",
  "defense",
  "law",
  "justice",
  "human",
  "rights",
  "overseas",
  "investment",
  "investments",
  "privatisation",
  "privatization",
  "science",
  "states",
  "frontier",
  "regions",
  "housing",
  "works",
  "narcotics",
  "control",
  "textile",
  "textiles",
  "export",
  "exports",
  "import",
  "imports",
  "religious",
  "harmony",
  "parliamentary",
  "poverty",
  "alleviation",
  "social",
  "safety",
  "protection",
  "tourism",
  "culture",
  "heritage",
  "sports",
  "youth",
  "establishment",
  "capital",
  "administration",
  "coordination",
  "inter-provincial",
  "institutional",
  "media",
  "broadcasting",
  "relations",
  "cooperation",
  "co-operation",
  "digital",
  "artificial",
  "intelligence",
  "innovation",
  "research",
  "statistics",
  "labour",
  "labor",
  "employment",
  "manpower",
  "infrastructure",
  "transport",
  "mines",
  "minerals",
  "mineral",
  "tax",
  "taxation",
  "customs",
  "budget",
  "treasury",
  "monetary",
  "policy",
  "banking",
  "markets",
  "market",
  "business",
  "entrepreneurship",
  "sme",
  "smes",
  "small",
  "medium",
  "enterprises",
  "enterprise",
  "gas",
  "oil",
  "electricity",
  "hydrocarbon",
  "software",
  "facilitation",
  "special",
  "federal",
  "provincial",
  "public",
  "private",
  "sector",
  "zones",
  "technical",
  "vocational",
  "accountability",
  "information-technology",
]);

/** Pakistani cities and provinces: a body named after one is Pakistani. */
const PAKISTANI_PLACES = new Set([
  "karachi",
  "lahore",
  "islamabad",
  "rawalpindi",
  "faisalabad",
  "peshawar",
  "quetta",
  "multan",
  "sialkot",
  "hyderabad",
  "gujranwala",
  "gwadar",
  "punjab",
  "sindh",
  "balochistan",
  "khyber",
  "pakhtunkhwa",
  "gilgit-baltistan",
  "azad",
  "kashmir",
]);

export function isPakistaniPlace(norm: string): boolean {
  return PAKISTANI_PLACES.has(norm);
}

/** Diplomatic posts: the holder serves the sending country, not the host. */
const DIPLOMATIC_WORDS = new Set([
  "ambassador",
  "ambassador-designate",
  "commissioner",
  "consul",
  "consul-general",
  "charge",
  "envoy",
  "attache",
  "counsellor",
  "counselor",
]);

/** Offices of government (as opposed to a company's president or chairman). */
const GOVERNMENT_TITLE_WORDS = new Set([
  "minister",
  "pm",
  "sapm",
  "mna",
  "mpa",
  "emir",
  "king",
  "queen",
  "prince",
  "speaker",
  "vice-minister",
  "secretary",
  "senator",
  "governor",
  "assistant",
  "adviser",
  "advisor",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "mayor",
  "collector",
]);

function titleWords(title: string): string[] {
  return normWord(title).split(/[\s]+/);
}

/** The last word of a title's head (`Federal Minister for Commerce` → `minister`), for matching. */
export function titleHeadWord(head: string): string {
  const words = normWord(head).split(/\s+/);
  return (words[words.length - 1] ?? "").replace(/'s$/, "");
}

export function isDiplomaticHead(head: string): boolean {
  const words = normWord(head).split(/\s+/);
  if (words.includes("high") && words.includes("commissioner")) return true;
  return words.some((w) => DIPLOMATIC_WORDS.has(w) && w !== "commissioner");
}

export function isGovernmentHead(head: string): boolean {
  const words = normWord(head).split(/\s+/);
  return words.some((w) => GOVERNMENT_TITLE_WORDS.has(w.replace(/'s$/, "")));
}

/** Whether an organisation's name marks it as a body of the state. */
export function isGovernmentBody(organization: string): boolean {
  const words = titleWords(organization).map((w) => w.replace(/'s$/, "").replace(/[^a-z'-]/g, ""));
  if (words.includes("state") && words.includes("bank")) return true;
  return words.some((w) => GOVERNMENT_BODY_WORDS.has(w));
}

/** Whether the word names a body (`Authority`) or is a portfolio (`Commerce`). */
export function isOrganisationWord(norm: string): boolean {
  return ORGANISATION_WORDS.has(norm.replace(/'s$/, ""));
}

export function isTopicWord(norm: string): boolean {
  return TOPIC_WORDS.has(norm.replace(/'s$/, ""));
}

/**
 * The country a name of a body or place points to: a country named in it (`State Bank of
 * Pakistan`, `Japan’s Ministry`) or a Pakistani city or province (`Karachi Chamber`).
 */
export function countryInName(text: string): string | null {
  const tokens = tokenize(text);
  const [named] = countriesInTokens(tokens);
  if (named) return named;
  return tokens.some((t) => isPakistaniPlace(t.norm.replace(/'s$/, ""))) ? "Pakistan" : null;
}

/** The canonical country for one or more words (`U.S.`, `Pakistan’s`, `Chinese`), or null. */
export function countryOfWords(text: string): string | null {
  return canonicalCountry(text.replace(/’/g, "'")) ?? null;
}

/** Ministries whose name is not simply "Ministry of" the portfolio. */
const PORTFOLIO_MINISTRY: Record<string, string> = {
  foreign: "Ministry of Foreign Affairs",
  "foreign affairs": "Ministry of Foreign Affairs",
  interior: "Ministry of Interior",
  defence: "Ministry of Defence",
  defense: "Ministry of Defense",
};

/** Titles that head or serve a ministry, so that "X for Commerce" works at the Ministry of Commerce. */
const MINISTRY_TITLES = new Set([
  "minister",
  "federal minister",
  "provincial minister",
  "state minister",
  "minister of state",
  "deputy minister",
  "federal secretary",
  "secretary",
  "additional secretary",
  "joint secretary",
  "foreign secretary",
]);

/**
 * The ministry a title names, when it names one: `Federal Minister for Commerce` → `Ministry of
 * Commerce`, `Finance Minister` → `Ministry of Finance`, `Foreign Secretary` → `Ministry of Foreign
 * Affairs`. This is a derivation, not the article's words: ministers and secretaries "for X" serve
 * the Ministry of X in Pakistan's and most governments' usage. Vice-ministers and advisers are left
 * alone, since their portfolio ("for International Affairs") is not a ministry.
 */
export function ministryOfTitle(
  head: string,
  portfolio: string | null,
  prefixPortfolio: string | null,
): string | null {
  const h = normWord(head);
  if (!MINISTRY_TITLES.has(h)) return null;
  const subject = portfolio ?? prefixPortfolio;
  if (!subject) return h === "foreign secretary" ? "Ministry of Foreign Affairs" : null;
  const special = PORTFOLIO_MINISTRY[normWord(subject)];
  if (special) return special;
  return `Ministry of ${subject}`;
}

/** Countries by their names, adjectives, capitals (lower-case, up to three words) and abbreviations (as written). */
const COUNTRY_BY_WORDS = new Map<string, string>();
const COUNTRY_BY_ABBREVIATION = new Map<string, string>();
/** First words of country names, so most words need one look-up only. */
const COUNTRY_FIRST_WORDS = new Set<string>();
for (const c of COUNTRIES) {
  for (const n of [...c.names, ...c.adjectives, ...c.capitals]) {
    COUNTRY_BY_WORDS.set(normWord(n), c.name);
    COUNTRY_FIRST_WORDS.add(normWord(n).split(" ")[0] ?? "");
  }
  for (const a of c.abbreviations) COUNTRY_BY_ABBREVIATION.set(a, c.name);
}

const COUNTRY_ADJECTIVES = new Set(
  COUNTRIES.flatMap((c) => [...c.adjectives, ...c.abbreviations]).map((w) => normWord(w)),
);

/** A country's adjective or abbreviation (`Chinese`, `U.S.`), as opposed to its name. */
export function isCountryAdjective(text: string): boolean {
  return COUNTRY_ADJECTIVES.has(normWord(text));
}

/**
 * The countries named in a run of tokens, one entry per naming. A cheap stand-in for
 * `findCountries` over words already tokenised; names of up to three words are matched.
 */
export function countriesInTokens(tokens: readonly WordToken[]): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isCapitalised(t) || !t) {
      i++;
      continue;
    }
    const abbreviated = COUNTRY_BY_ABBREVIATION.get(t.text);
    if (abbreviated) {
      found.push(abbreviated);
      i++;
      continue;
    }
    const bare = t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm;
    if (!COUNTRY_FIRST_WORDS.has(bare)) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = 3; n >= 1 && matched === 0; n--) {
      const words = tokens.slice(i, i + n);
      if (words.length < n) continue;
      const key = words.map((w) => w.norm.replace(/'s$/, "")).join(" ");
      const country = COUNTRY_BY_WORDS.get(key);
      if (country) {
        found.push(country);
        matched = n;
      }
    }
    i += Math.max(1, matched);
  }
  return found;
}

/** What a title says about the office, for telling whether two titles can be one person's. */
export interface Office {
  /** The title's head without modifiers: `minister`, `prime minister`, `governor`. */
  head: string;
  /** Portfolio and body words: `commerce`, `state`, `bank`. */
  subjects: Set<string>;
  /** Acronyms written in the title or organisation (`SBP`), and the initials of its bodies' names. */
  acronyms: Set<string>;
  initials: Set<string>;
}

/** Words of a title or body name that say nothing about which office it is. */
const OFFICE_NOISE = new Set(["of", "for", "the", "and", "&", "to", "in", "on", "at", "ministry"]);

/**
 * The office a title (with its organisation) names, or null when no title head is found in it.
 * Titles recur across the people of a large corpus (`Federal Minister for Commerce`), and merging
 * officials asks for every person's offices: each title is read once, and the same (read-only)
 * office is given every time it is asked again.
 */
export function officeOf(title: string, organization: string | null): Readonly<Office> | null {
  const key = `${title}\u0000${organization ?? "\u0001"}`;
  let office = OFFICES.get(key);
  if (office === undefined) {
    office = readOffice(title, organization);
    if (OFFICES.size >= OFFICES_KEPT) OFFICES.clear();
    OFFICES.set(key, office);
  }
  return office;
}

const OFFICES = new Map<string, Office | null>();
const OFFICES_KEPT = 20_000;

function readOffice(title: string, organization: string | null): Office | null {
  const tokens = tokenize(title).filter((t) => t.word);
  const norms = tokens.map((t) => t.norm.replace(/'s$/, ""));
  let head: string | null = null;
  let headAt = -1;
  let headLength = 0;
  for (let i = 0; i < norms.length && head === null; i++) {
    const length = titleHeadLength(norms, i);
    if (length === 0) continue;
    head = norms
      .slice(i, i + length)
      .filter((w) => !TITLE_MODIFIERS.has(w))
      .join(" ");
    headAt = i;
    headLength = length;
  }
  if (head === null) return null;
  const subjects = new Set<string>();
  const acronyms = new Set<string>();
  const initials = new Set<string>();
  const read = (words: readonly WordToken[], skipFrom: number, skipTo: number) => {
    let run = "";
    words.forEach((t, k) => {
      const norm = t.norm.replace(/'s$/, "");
      const inHead = k >= skipFrom && k < skipTo;
      if (/^\p{Lu}{2,}$/u.test(t.text.replace(/['’]s$/u, "")))
        acronyms.add(t.text.replace(/['’]s$/u, ""));
      if (isCapitalised(t) && !inHead) run += t.text.charAt(0).toUpperCase();
      else if (!OFFICE_NOISE.has(norm) || run === "") {
        if (run.length >= 2) initials.add(run);
        run = "";
      }
      if (inHead || OFFICE_NOISE.has(norm) || TITLE_WORDS.has(norm)) return;
      if (countryOfWords(t.text)) return;
      subjects.add(norm);
    });
    if (run.length >= 2) initials.add(run);
  };
  read(tokens, headAt, headAt + headLength);
  if (organization)
    read(
      tokenize(organization).filter((t) => t.word),
      0,
      0,
    );
  return { head, subjects, acronyms, initials };
}

/** Whether an acronym spells the initials of a body's name, or the start of them (`SBP`, `SB`). */
function spells(acronyms: ReadonlySet<string>, initials: ReadonlySet<string>): boolean {
  for (const a of acronyms) {
    for (const i of initials) if (a.startsWith(i) || i.startsWith(a)) return true;
  }
  return false;
}

/**
 * Whether two titles can name one office: the same head (`Commerce Minister` and `Federal Minister
 * for Commerce`), and portfolios that agree where both give one (`State Bank` and `SBP` agree;
 * `Commerce` and `Finance` do not).
 */
export function officesCompatible(a: Office, b: Office): boolean {
  if (a.head !== b.head) return false;
  if (a.subjects.size === 0 || b.subjects.size === 0) return true;
  for (const w of a.subjects) if (b.subjects.has(w)) return true;
  return spells(a.acronyms, b.initials) || spells(b.acronyms, a.initials);
}
