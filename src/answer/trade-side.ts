import { findCountries } from "../facts/language/countries";

/**
 * Which side of Pakistan's trade a text speaks of — its exports or its imports — reading who
 * sells to whom: "the UAE exported $5.93 billion to Pakistan" and "how much does the UAE sell to
 * Pakistan" are both Pakistan's imports; "the EU's imports from Pakistan" and "how much did
 * Britain buy from Pakistan" its exports. Used on questions and on the clause around a figure, so
 * both are read the same way.
 */
export type TradeSide = "exports" | "imports";

const SELL =
  "(?:exports?|exported|exporting|sells?|sold|selling|supplies|supplied|supplying|ships?|shipped|shipments?|sales)";
const BUY =
  "(?:imports?|imported|importing|buys?|bought|buying|purchases?|purchased|purchasing|receives?|received|receiving)";
/**
 * The verbs alone: "the UAE sold", "China bought". "US exports" typed without a possessive is a
 * heading ("us exports fy22"), which in Pakistan's trade news asks for Pakistan's exports to the
 * US as often as the reverse, so it decides nothing by itself.
 */
const SELL_VERB = "(?:exported|exporting|sells?|sold|selling|supplies|supplied|supplying|shipped)";
const BUY_VERB =
  "(?:imported|importing|buys?|bought|buying|purchased|purchasing|receives|received|receiving)";
/** "does China export …", "did the UAE import …": after an auxiliary the word is a verb. */
const ASKED = "(?:does|did|do|will|would|can|could)\\s+(?:the\\s+)?";
const GAP = "(?:[\\w'’$.,%-]+\\s+){0,6}?";
const SHORT = "(?:[\\w'’-]+\\s+){0,2}?";

/** Rules in order; the first that matches decides. `P` stands for Pakistan, `X` for a partner. */
const RULES: [RegExp, TradeSide][] = [
  [new RegExp(`\\bX(?:'s|’s)\\s+${SHORT}${SELL}\\b`, "i"), "imports"],
  [new RegExp(`\\bX\\s+${SHORT}${SELL_VERB}\\b`, "i"), "imports"],
  [new RegExp(`\\b${ASKED}X\\s+${SHORT}${SELL}\\b`, "i"), "imports"],
  [new RegExp(`\\b${SELL}\\s+${GAP}(?:to|into)\\s+(?:the\\s+)?P\\b`, "i"), "imports"],
  [new RegExp(`\\b${BUY}\\s+${GAP}from\\s+(?:the\\s+)?P\\b`, "i"), "exports"],
  [new RegExp(`\\bX(?:'s|’s)\\s+${SHORT}${BUY}\\b`, "i"), "exports"],
  [new RegExp(`\\bX\\s+${SHORT}${BUY_VERB}\\b`, "i"), "exports"],
  [new RegExp(`\\b${ASKED}X\\s+${SHORT}${BUY}\\b`, "i"), "exports"],
  [new RegExp(`\\b${SELL}\\s+${GAP}from\\s+(?:the\\s+)?X\\b`, "i"), "imports"],
  [new RegExp(`\\b${BUY}\\s+${GAP}from\\s+(?:the\\s+)?X\\b`, "i"), "imports"],
  [new RegExp(`\\b${SELL}\\s+${GAP}(?:to|into)\\s+(?:the\\s+)?X\\b`, "i"), "exports"],
  [new RegExp(`\\bP(?:'s|’s)?\\s+${SHORT}${SELL}\\b`, "i"), "exports"],
  [new RegExp(`\\bP(?:'s|’s)?\\s+${SHORT}${BUY}\\b`, "i"), "imports"],
];

const SELL_WORD = new RegExp(`\\b${SELL}\\b`, "i");
const BUY_WORD = new RegExp(`\\b${BUY}\\b`, "i");

/** The text with every country written as P (Pakistan) or X (a partner). */
function marked(text: string): string {
  let out = "";
  let at = 0;
  for (const c of findCountries(text)) {
    out += text.slice(at, c.start) + (c.country === "Pakistan" ? "P" : "X");
    at = c.end;
  }
  return out + text.slice(at);
}

/** The side of Pakistan's trade the text speaks of, or null when it says neither or both. */
export function tradeSide(text: string): TradeSide | null {
  let side = SIDES.get(text);
  if (side === undefined) {
    side = readSide(text);
    if (SIDES.size > 20_000) SIDES.clear();
    SIDES.set(text, side);
  }
  return side;
}

/** Clauses around figures are read again on every question about them. */
const SIDES = new Map<string, TradeSide | null>();

function readSide(text: string): TradeSide | null {
  const t = marked(text);
  for (const [re, side] of RULES) if (re.test(t)) return side;
  const sells = SELL_WORD.test(t);
  const buys = BUY_WORD.test(t);
  if (sells === buys) return null;
  return sells ? "exports" : "imports";
}
