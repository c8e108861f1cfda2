/**
 * The fixture questions the engine gets wrong today: per batch, by id, each with one line on why.
 * `tests/answer/dev-questions.test.ts` holds every other question of a batch to its expected
 * answer, and every question listed here to still failing, so this list can only shrink:
 *
 * - a question that starts failing is red until the engine is fixed (adding it here is a visible
 *   step backwards that needs the lead's word, with the reason it fails);
 * - a listed question that starts passing is red too ("now passes: remove … from the list"), so
 *   the list never hides a question the engine has learnt to answer.
 *
 * A fixture batch that arrives later is measured once on arrival, before any fix is made with it,
 * and that figure goes in the commit that adds it; its failures start this list.
 *
 * Measured 2026-11-30 on main at dd0e6e0: dev 19/19, paraphrase 36/36, dev beside the extra
 * articles 15/15, extra 49/49, more 40/41, third 37/43, fourth 24/32.
 */
export const KNOWN_FAILURES = {
  dev: {},
  paraphrase: {},
  "dev-beside-extra": {},
  extra: {},
  more: {
    m38: "a rank ('third-biggest export destination') is read from no figure: not answered",
  },
  third: {
    t03: "'new money committed during the visit' does not find the £350 million pledge",
    t07: "the unnamed official's view: no figure, and the sentence cited lacks the compliance list",
    t08: "'deferred-payment oil facility … renewed' does not find '$1.2 billion worth of crude'",
    t11: "'investment deals could be signed' does not find the $5–5.5 billion range",
    t27: "gives the pipeline's 33 bcm, not the 14.2 bcm a year Pakistan is due to receive",
    t35: "answers with the visit's lede, not the vice premier's quote on industry and mining",
  },
  fourth: {
    f01: "a figure-first lede ('$4.1 billion. That is how much …') gives no trade figure",
    f02: "'spend on palm oil' does not find the $2.8 billion the imports 'amounted to'",
    f08: "the loan's 'repayment period of 30 years' is not read as a duration of the loan",
    f09: "'Chief Representative of JICA Pakistan' after the name is not read as his title",
    f17: "'priced at 10.2 per cent of Brent' is not found as the 2021 deal's share",
    f19: "'investment valued at $1.5 billion' for the airports is not found",
    f22: "a table-like paragraph ('China: $17.1bn (83pc of regional trade)') gives no share",
    f24: "'the chief executive officer of the PBC' after the name is not read as his title",
  },
} as const satisfies Record<string, Readonly<Record<string, string>>>;

export type FixtureBatch = keyof typeof KNOWN_FAILURES;
