/**
 * Verbs of saying, shared by name finding (a name next to "said" is a person's) and quote
 * attribution (who said the words in quotation marks).
 */

const VERBS = [
  "said",
  "says",
  "say",
  "noted",
  "notes",
  "added",
  "adds",
  "stated",
  "states",
  "remarked",
  "explained",
  "explains",
  "told",
  "tells",
  "observed",
  "stressed",
  "stresses",
  "emphasised",
  "emphasized",
  "emphasises",
  "emphasizes",
  "asserted",
  "argued",
  "argues",
  "declared",
  "commented",
  "continued",
  "insisted",
  "maintained",
  "pointed out",
  "highlighted",
  "underscored",
  "underlined",
  "urged",
  "warned",
  "acknowledged",
  "recalled",
  "concluded",
  "affirmed",
  "announced",
  "assured",
  "replied",
  "responded",
  "reiterated",
  "opined",
  "mentioned",
  "wrote",
  "writes",
  "tweeted",
  "posted",
  "cautioned",
  "conceded",
  "admitted",
  "confirmed",
  "claimed",
  "disclosed",
  "revealed",
  "predicted",
  "promised",
  "vowed",
  "hoped",
  "believes",
  "observes",
  "was quoted as saying",
  "were quoted as saying",
  "is quoted as saying",
  "was quoted as telling",
];

/** Alternation of the verbs, longest first, for building regular expressions. */
export const SPEECH_VERB = `(?:${[...VERBS]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, "\\s+"))
  .join("|")})`;

/** A speech verb at the start of the text, after optional spaces. */
export const STARTS_WITH_SPEECH_VERB = new RegExp(`^\\s*${SPEECH_VERB}\\b`);
