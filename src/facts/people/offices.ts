/**
 * A title as written, normalised into an office (rank, modifiers, portfolio, body, country,
 * posting), and the kind of person an office makes someone. Titles vary in word order and
 * spelling ("Commerce Minister", "Federal Minister for Commerce", "Minister of Commerce",
 * "chairwoman", "Chairperson"); offices do not, so that a question's role ("Oman's ambassador",
 * "the FPCCI chief") can be matched against offices rather than words.
 */

import type { OfficeFacts, PersonKind } from "../../types";
import { tokenize } from "../language/word-tokens";
import { countryOfWords, isAcronymTitle, isTitleModifier, titleHeadLength } from "./titles";

/** A title head's words as a rank and the modifiers it carries (`vice minister` → minister, vice). */
const RANK_OF_HEAD: Record<string, [string, ...string[]]> = {
  "federal minister": ["minister"],
  "provincial minister": ["minister", "provincial"],
  "state minister": ["minister", "state"],
  "minister of state": ["minister", "state"],
  "deputy minister": ["minister", "deputy"],
  premier: ["prime minister"],
  "vice premier": ["prime minister", "vice"],
  "vice-premier": ["prime minister", "vice"],
  "deputy prime minister": ["prime minister", "deputy"],
  "state councilor": ["state councillor"],
  "vice minister": ["minister", "vice"],
  "vice-minister": ["minister", "vice"],
  "federal secretary": ["secretary"],
  "secretary-general": ["secretary general"],
  "additional secretary": ["secretary", "additional"],
  "joint secretary": ["secretary", "joint"],
  "permanent secretary": ["secretary", "permanent"],
  "under secretary": ["secretary", "under"],
  "foreign secretary": ["secretary"],
  "ambassador-designate": ["ambassador", "designate"],
  "deputy high commissioner": ["high commissioner", "deputy"],
  "consul-general": ["consul general"],
  "charge d'affairs": ["charge d'affaires"],
  "special assistant": ["assistant", "special"],
  advisor: ["adviser"],
  "special adviser": ["adviser", "special"],
  chairperson: ["chairman"],
  chairwoman: ["chairman"],
  chair: ["chairman"],
  "vice chairman": ["chairman", "vice"],
  "vice-chairman": ["chairman", "vice"],
  "co-chair": ["chairman", "co"],
  "chief executive officer": ["ceo"],
  "chief executive": ["ceo"],
  "vice-president": ["president", "vice"],
  "vice president": ["president", "vice"],
  "senior vice president": ["president", "senior", "vice"],
  "deputy governor": ["governor", "deputy"],
  "director-general": ["director general"],
  "deputy director general": ["director general", "deputy"],
  "deputy director": ["director", "deputy"],
  "special envoy": ["envoy", "special"],
  spokesman: ["spokesperson"],
  spokeswoman: ["spokesperson"],
  counselor: ["counsellor"],
  "senior economist": ["economist", "senior"],
  "senior analyst": ["analyst", "senior"],
  "deputy speaker": ["speaker", "deputy"],
  "executive member": ["member", "executive"],
  convenor: ["convener"],
  "co-founder": ["founder", "co"],
  pm: ["prime minister"],
  sapm: ["assistant", "special"],
  dg: ["director general"],
  md: ["managing director"],
  cg: ["consul general"],
  coo: ["chief operating officer"],
  cfo: ["chief financial officer"],
};

/** Title heads whose first words are a portfolio, not part of the rank (`trade envoy`). */
const PORTFOLIO_HEADS: Record<string, [string, string]> = {
  mna: ["legislator", "national"],
  mpa: ["legislator", "provincial"],
  "foreign secretary": ["secretary", "foreign"],
  "trade envoy": ["envoy", "trade"],
  "commercial counsellor": ["counsellor", "commercial"],
  "trade counsellor": ["counsellor", "trade"],
  "economic counsellor": ["counsellor", "economic"],
  "commercial counselor": ["counsellor", "commercial"],
  "trade counselor": ["counsellor", "trade"],
  "economic counselor": ["counsellor", "economic"],
  "commercial attache": ["attache", "commercial"],
  "trade attache": ["attache", "trade"],
  "trade commissioner": ["commissioner", "trade"],
  "trade representative": ["representative", "trade"],
  "research analyst": ["analyst", "research"],
  "board member": ["member", "board"],
  "country head": ["head", "country"],
  "country director": ["director", "country"],
  "project director": ["director", "project"],
  "mission chief": ["chief", "mission"],
  "chief collector": ["collector", "chief"],
  "resident representative": ["representative", "resident"],
  "special representative": ["representative", "special"],
};

/** Words of a title or body that say nothing of which office it is. */
const NOISE = new Set([
  "of",
  "for",
  "the",
  "and",
  "&",
  "to",
  "on",
  "in",
  "at",
  "a",
  "an",
  "affairs",
  "ministry",
  "federal",
  "his",
  "her",
  "its",
]);

/** The rank and modifiers a title head's lower-case words stand for. */
export function rankOfHead(head: string): {
  rank: string;
  modifiers: string[];
  portfolio: string[];
} {
  const h = head
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/’/gu, "'")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
  const portfolio = PORTFOLIO_HEADS[h];
  if (portfolio) return { rank: portfolio[0], modifiers: [], portfolio: [portfolio[1]] };
  const known = RANK_OF_HEAD[h];
  if (known) {
    const [rank, ...modifiers] = known;
    return { rank, modifiers, portfolio: [] };
  }
  return { rank: h, modifiers: [], portfolio: [] };
}

/** Offices already read, by the words they were read from: titles repeat across a corpus. */
const officeCache = new Map<string, OfficeFacts | null>();

/** The office a title (with the body and countries read beside it) names, or null without a head. */
export function officeOfTitle(
  title: string,
  organization: string | null,
  country: string | null,
  postedTo: string | null,
): OfficeFacts | null {
  const key = `${title}\u0000${organization ?? ""}\u0000${country ?? ""}\u0000${postedTo ?? ""}`;
  const known = officeCache.get(key);
  if (known !== undefined)
    return known && { ...known, modifiers: [...known.modifiers], portfolio: [...known.portfolio] };
  const office = readOffice(title, organization, country, postedTo);
  // Bound the memory: a corpus has far fewer distinct titles than this.
  if (officeCache.size > 50_000) officeCache.clear();
  officeCache.set(key, office);
  return (
    office && { ...office, modifiers: [...office.modifiers], portfolio: [...office.portfolio] }
  );
}

function readOffice(
  title: string,
  organization: string | null,
  country: string | null,
  postedTo: string | null,
): OfficeFacts | null {
  const tokens = tokenize(title).filter((t) => t.word);
  const norms = tokens.map((t) => t.norm.replace(/'s$/, ""));
  let headAt = -1;
  let headLength = 0;
  for (let i = 0; i < norms.length && headAt < 0; i++) {
    const length = titleHeadLength(norms, i) || (isAcronymTitle(tokens[i]?.text ?? "") ? 1 : 0);
    if (length > 0) {
      headAt = i;
      headLength = length;
    }
  }
  if (headAt < 0) return null;
  const { rank, modifiers, portfolio } = rankOfHead(
    norms.slice(headAt, headAt + headLength).join(" "),
  );
  const mods = new Set(modifiers);
  const words = new Set(portfolio);
  norms.forEach((norm, k) => {
    if (k >= headAt && k < headAt + headLength) return;
    if (NOISE.has(norm) || countryOfWords(tokens[k]?.text ?? "")) return;
    // Modifiers stand before the head; after it (`Secretary General, FPCCI`), a second title's
    // words are no portfolio either.
    if (k < headAt && (isTitleModifier(norm) || norm === "vice")) {
      if (norm !== "federal") mods.add(norm);
      return;
    }
    if (titleHeadLength([norm], 0) > 0 && k > headAt) return;
    if (/^\p{L}[\p{L}\p{N}'-]*$/u.test(norm)) words.add(norm);
  });
  if (organization) {
    for (const t of tokenize(organization)) {
      const norm = t.norm.replace(/'s$/, "");
      if (!t.word || NOISE.has(norm) || countryOfWords(t.text)) continue;
      words.add(norm);
    }
  }
  return {
    rank,
    modifiers: [...mods],
    portfolio: [...words],
    organization,
    country,
    postedTo,
  };
}

/** A key that is equal for equal offices, for keeping each office once. */
export function officeKey(o: OfficeFacts): string {
  return [
    o.rank,
    [...o.modifiers].sort().join(","),
    [...o.portfolio].sort().join(","),
    o.country ?? "",
  ].join("|");
}

const DIPLOMAT_RANKS = new Set([
  "ambassador",
  "high commissioner",
  "consul general",
  "consul",
  "charge d'affaires",
  "envoy",
  "attache",
  "counsellor",
  "minister counsellor",
  "deputy chief of mission",
]);

const GOVERNMENT_RANKS = new Set([
  "minister",
  "legislator",
  "prime minister",
  "state councillor",
  "chief minister",
  "secretary",
  "secretary of state",
  "adviser",
  "assistant",
  "governor",
  "senator",
  "mayor",
  "collector",
  "commissioner",
  "spokesperson",
  "emir",
  "crown prince",
  "king",
  "queen",
  "speaker",
  "trade representative",
]);

const BUSINESS_RANKS = new Set([
  "ceo",
  "managing director",
  "chief operating officer",
  "chief financial officer",
  "founder",
  "general manager",
  "convener",
]);

const ANALYST_RANKS = new Set(["economist", "analyst", "chief economist"]);

/** Bodies of business: chambers, their federations (`FPCCI`, `KCCI`), firms, trade associations. */
const BUSINESS_BODY =
  /\b(?:chambers?|federation\s+of\s+\w+\s+chambers|business\s+(?:council|forum|group)|association|company|corporation|group|limited|ltd|inc|corp|plc|holdings|motors?|industries|mills|bank\s+ltd|exchange|textiles?\s+council|council\s+of\s+\w+\s+exporters|exporters|importers|manufacturers|traders)\b|\b\p{Lu}*CCI\b/iu;
/** Bodies of research and markets: their staff comment, they hold no office. */
const ANALYST_BODY =
  /\b(?:securities|research|analytics|brokerage|capital(?!\s+(?:territory|development|city))|consult\w*|institute|think[-\s]tank|university)\b/iu;
const DIPLOMATIC_BODY = /\b(?:embassy|high\s+commission|consulate)\b/iu;

/**
 * The kind of person the offices make someone. A post abroad makes a diplomat (a trade minister
 * at an embassy too); a firm's or a chamber's office, business; a research desk, an analyst; an
 * office of state, government. `government` is the mention's own reading of a state office.
 */
export function kindOfOffices(offices: readonly OfficeFacts[], government: boolean): PersonKind {
  const kinds = offices.map((o) => kindOfOffice(o, government));
  for (const k of ["diplomat", "government", "business", "analyst"] as const) {
    if (kinds.includes(k)) return k;
  }
  return government ? "government" : "other";
}

function kindOfOffice(o: OfficeFacts, government: boolean): PersonKind {
  const body = o.organization ?? "";
  if (DIPLOMAT_RANKS.has(o.rank) || DIPLOMATIC_BODY.test(body)) return "diplomat";
  if (BUSINESS_RANKS.has(o.rank)) return "business";
  if (ANALYST_RANKS.has(o.rank)) return "analyst";
  // A research desk's head or director comments; a trade representative heads a trade mission.
  if (o.portfolio.includes("research")) return "analyst";
  if (o.rank === "representative" && o.portfolio.includes("trade")) return "diplomat";
  const acronyms = o.portfolio.filter((w) => /cci$/u.test(w));
  if (BUSINESS_BODY.test(body) || acronyms.length > 0) return "business";
  if (ANALYST_BODY.test(body)) return "analyst";
  if (GOVERNMENT_RANKS.has(o.rank) || government) return "government";
  if (o.rank === "president" && body === "") return "government";
  return "other";
}
