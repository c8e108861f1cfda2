/**
 * Question strings a Discord user could type to break the bot: other scripts, direction and
 * zero-width marks, emoji, markdown, code fences, mention syntax, URLs, numbers, NUL and lone
 * surrogates, runs of whitespace, and the extremes (empty, 6,000 characters).
 */
import fc from "fast-check";

export const HOSTILE_PIECES = [
  "",
  " ",
  "\t",
  "\n\n",
  "\r\n",
  "پاکستان اور جاپان کی تجارت",
  "التجارة بين باكستان واليابان",
  "巴基斯坦和日本的贸易额是多少",
  "Пакистан",
  "\u200f",
  "\u202e",
  "\u202d",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u0301",
  "😀",
  "🇵🇰🇯🇵",
  "👨‍👩‍👧",
  "**bold**",
  "__under__",
  "~~strike~~",
  "||spoiler||",
  "*",
  "_",
  "`tick`",
  "```js\nprocess.exit()\n```",
  "```",
  "> quoted",
  "# heading",
  "- list",
  "[link](https://evil.example/x)",
  "@everyone",
  "@here",
  "@EVERYONE",
  "<@123>",
  "<@!123>",
  "<@&456>",
  "<#789>",
  "</ask:1>",
  "<t:1700000000:R>",
  "<:emoji:1>",
  "https://example.com/a?b=c&d=(e)",
  "www.example.com",
  "0",
  "1.26",
  "1,260,000,000",
  "-1e308",
  "NaN",
  "$1.26 billion",
  "6–7%",
  "US$ 5 billion",
  "2022-23",
  "\\",
  "\\*",
  "\u0000",
  "\ud800",
  "\udc00",
  "%s %d",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax typed as plain text
  "${process}",
  "(.*+?[^$]{",
  "__proto__",
  "constructor",
  "Japan",
  "Pakistan",
  "China",
  "trade volume",
  "What was",
  "How many",
  "Who is",
  "What did",
  "said",
  "?",
];

/** The extremes, each tried on every run. */
export const EDGE_QUESTIONS = [
  "",
  " ",
  "\u200b\ufeff\u200f",
  "?".repeat(50),
  "x".repeat(6000),
  "Japan ".repeat(1000),
  "@everyone ".repeat(600),
  "<@123>".repeat(1000),
  "`".repeat(6000),
  "پاکستان اور جاپان کی تجارت ".repeat(220),
  "9".repeat(6000),
];

/** Pieces from the list above and `extra` words, joined by spaces or nothing. */
export function piecesQuestion(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...HOSTILE_PIECES, ...extra), { maxLength: 14 }),
      fc.constantFrom(" ", "", "\n"),
    )
    .map(([pieces, glue]) => pieces.join(glue));
}

/** Any question: hostile pieces, arbitrary Unicode, arbitrary code units, or an extreme. */
export function hostileQuestion(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: piecesQuestion(extra) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
    // UTF-16 code units, so lone surrogates too.
    {
      weight: 1,
      arbitrary: fc
        .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
        .map((units) => String.fromCharCode(...units)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_QUESTIONS) },
  );
}

/** Raw mention syntax that would ping someone if Discord parsed it. */
export const RAW_MENTION = /@(everyone|here)|<@[!&]?\d+>|<#\d+>/i;
