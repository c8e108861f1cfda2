import { contentTerms } from "./terms";

/**
 * Words that trade news and its readers use for the same thing. A question's term is matched by
 * any of its alternatives; a multi-word alternative matches when all its words are there
 * ("MoU" is matched by "memorandum of understanding"). Kept to the vocabulary of trade reporting:
 * a general thesaurus would blur what a figure measures.
 */
const GROUPS: readonly string[][] = [
  ["trade", "commerce", "turnover"],
  ["bilateral", "two-way"],
  ["exports", "shipments", "outbound", "sales abroad", "sales", "sell", "sells", "sold", "export"],
  ["imports", "purchases", "inbound", "buy", "buys", "bought", "import"],
  ["discount", "price cut", "rebate", "cheaper"],
  ["loss", "losses", "lose", "loses", "lost"],
  ["debt", "loan", "loans", "borrowing", "credit"],
  ["unnamed", "anonymous", "anonymity"],
  [
    "obstacle",
    "obstacles",
    "holds back",
    "hold back",
    "hinder",
    "barrier",
    "barriers",
    "impediment",
  ],
  ["deposit", "deposits", "parked"],
  ["remittances", "remit", "send home", "sent home", "inflows from workers"],
  ["overseas", "workers", "diaspora", "expatriates", "abroad"],
  ["MoU", "memorandum of understanding", "memoranda", "agreements", "accords"],
  ["FTA", "free trade agreement"],
  ["FDI", "foreign direct investment"],
  ["GDP", "gross domestic product", "economy"],
  ["SBP", "State Bank of Pakistan", "central bank"],
  ["FBR", "Federal Board of Revenue"],
  ["PBS", "Pakistan Bureau of Statistics"],
  ["CPEC", "China-Pakistan Economic Corridor"],
  ["SEZ", "special economic zone"],
  ["SIFC", "Special Investment Facilitation Council"],
  ["IT", "information technology"],
  ["ICT", "information and communication technology"],
  ["deficit", "gap", "shortfall"],
  ["investment", "investments", "invest", "put into", "pour into", "inject"],
  ["companies", "firms", "businesses", "enterprises"],
  ["chairs", "chairman", "chairperson", "chaired", "co-chaired", "heads", "headed", "leads", "led"],
  ["ask", "asked", "request", "requested", "sought", "seek", "demand", "demanded"],
  ["products", "goods", "items", "commodities"],
  [
    "incentives",
    "tax holiday",
    "tax holidays",
    "exemption",
    "exemptions",
    "tax breaks",
    "duty-free",
  ],
  ["ambassador", "envoy", "high commissioner"],
  ["target", "goal", "aim"],
  ["growth", "increase", "rise", "grew", "rose", "grown", "growing"],
  ["decline", "fall", "fell", "decrease", "drop"],
  ["worth", "value", "valued"],
  ["car", "automobile", "automotive", "automakers", "auto"],
  ["textile", "textiles", "garments", "apparel", "clothing"],
  ["subscribers", "users", "connections"],
];

/** For each stemmed term, its alternatives as lists of stemmed terms (all must be present). */
const ALTERNATIVES = new Map<string, string[][]>();
for (const group of GROUPS) {
  // A phrase that loses words to the stop list ("put into" → "put") is folded as a whole phrase
  // only; as a lone word it would match far too much.
  const forms = group
    .filter((g) => !/[\s-]/.test(g) || contentTerms(g).length > 1)
    .map((g) => contentTerms(g))
    .filter((f) => f.length > 0);
  for (const form of forms) {
    if (form.length !== 1) continue;
    const key = form[0] as string;
    const others = forms.filter((f) => f !== form && !(f.length === 1 && f[0] === key));
    ALTERNATIVES.set(key, [...(ALTERNATIVES.get(key) ?? []), ...others]);
  }
}

/** Multi-word phrases a question may use for one term, folded to it before planning. */
const PHRASES: [RegExp, string][] = GROUPS.flatMap((group) => {
  const head = group[0] as string;
  return group
    .filter((g) => /[\s-]/.test(g))
    .map((g): [RegExp, string] => [
      new RegExp(`\\b${g.replace(/[-\s]+/g, "[-\\s]+")}s?\\b`, "gi"),
      head,
    ]);
});

/** The alternatives of one stemmed term. */
export function alternativesOf(term: string): readonly string[][] {
  return ALTERNATIVES.get(term) ?? [];
}

/** What a term is looked up in: a set of terms, or anything that answers `has` as one would. */
export type TermSet = Pick<ReadonlySet<string>, "has">;

/** `holdsTerm` of the one term `word`: it is `term`, or makes up an alternative of it alone. */
export function wordHoldsTerm(word: string, term: string): boolean {
  if (word === term) return true;
  for (const alt of alternativesOf(term)) if (alt.every((t) => t === word)) return true;
  return false;
}

/** Whether `have` holds `term` or one of its alternatives. */
export function holdsTerm(have: TermSet, term: string): boolean {
  if (have.has(term)) return true;
  for (const alt of alternativesOf(term)) if (alt.every((t) => have.has(t))) return true;
  return false;
}

/** Replaces multi-word phrases with their one-word term (`send home` → `remittances`). */
export function foldPhrases(text: string): string {
  let out = text;
  for (const [re, head] of PHRASES) out = out.replace(re, head);
  return out;
}
