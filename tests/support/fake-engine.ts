/**
 * A hand-made Engine with fixed plain data, for testing the commands and the renderer without
 * the real index. It records every call so tests can assert which options reached the engine.
 */
import type {
  Answer,
  Article,
  Citation,
  Engine,
  Figure,
  FigureFilter,
  Official,
  Passage,
  SourceSummary,
} from "../../src/types";

const BODY =
  "Pakistan and Japan met in Tokyo.\n\nThe trade volume stood at $1.26 billion in the fiscal year 2022-23, according to the Federal Board of Revenue. Both sides want more.\n\n“We see great potential in Pakistan’s market,” said Matsuo Takehiko.";

const sentence = (text: string) => {
  const start = BODY.indexOf(text);
  return { text, start, end: start + text.length };
};

export const TRADE_SENTENCE =
  "The trade volume stood at $1.26 billion in the fiscal year 2022-23, according to the Federal Board of Revenue.";
const QUOTE_SENTENCE = "“We see great potential in Pakistan’s market,” said Matsuo Takehiko.";

export const article: Article = {
  id: "pakistan-japan-trade",
  title: "Pakistan and Japan Commit to Strengthen Trade Ties",
  publisher: "Daily Example",
  url: "https://example.com/pakistan-japan",
  published: "2024-05-02",
  body: BODY,
  file: "corpus/pakistan-japan-trade.md",
};

function passageAt(index: number, text: string): Passage {
  const start = BODY.indexOf(text);
  return {
    id: `${article.id}#${index}`,
    articleId: article.id,
    index,
    text,
    start,
    end: start + text.length,
    sentences: [sentence(text)],
  };
}

const tradeParagraph = `${TRADE_SENTENCE} Both sides want more.`;
export const passages: Passage[] = [
  passageAt(0, "Pakistan and Japan met in Tokyo."),
  passageAt(1, tradeParagraph),
  passageAt(2, QUOTE_SENTENCE),
];

export function makeFigure(overrides: Partial<Figure> = {}): Figure {
  const s = sentence(TRADE_SENTENCE);
  const valueStart = BODY.indexOf("$1.26 billion");
  return {
    value: "$1.26 billion",
    amount: 1.26e9,
    amountHigh: null,
    unit: "USD",
    kind: "money",
    qualifier: null,
    measure: "trade volume",
    period: "fiscal year 2022-23",
    partners: ["Japan"],
    source: "Federal Board of Revenue",
    articleId: article.id,
    passageId: `${article.id}#1`,
    sentence: TRADE_SENTENCE,
    sentenceStart: s.start,
    sentenceEnd: s.end,
    valueStart,
    valueEnd: valueStart + "$1.26 billion".length,
    ...overrides,
  };
}

export function makeCitation(overrides: Partial<Citation> = {}): Citation {
  const s = sentence(TRADE_SENTENCE);
  return {
    articleId: article.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    published: article.published,
    excerpt: TRADE_SENTENCE,
    start: s.start,
    end: s.end,
    passageId: `${article.id}#1`,
    ...overrides,
  };
}

export const matsuo: Official = {
  name: "Matsuo Takehiko",
  aliases: ["MATSUO Takehiko"],
  title: "Vice-Minister for International Affairs",
  organization: "Ministry of Economy, Trade and Industry",
  country: "Japan",
  kind: "government",
  offices: [
    {
      rank: "minister",
      modifiers: ["vice"],
      portfolio: ["international", "economy", "trade", "industry"],
      organization: "Ministry of Economy, Trade and Industry",
      country: "Japan",
      postedTo: null,
    },
  ],
  associates: [],
  quotes: [
    {
      text: "We see great potential in Pakistan’s market,",
      articleId: article.id,
      passageId: `${article.id}#2`,
      sentence: QUOTE_SENTENCE,
      sentenceStart: sentence(QUOTE_SENTENCE).start,
      sentenceEnd: sentence(QUOTE_SENTENCE).end,
    },
  ],
  articleIds: [article.id],
  mentions: [
    {
      articleId: article.id,
      passageId: `${article.id}#2`,
      sentence: QUOTE_SENTENCE,
      sentenceStart: sentence(QUOTE_SENTENCE).start,
      sentenceEnd: sentence(QUOTE_SENTENCE).end,
      nameAsWritten: "Matsuo Takehiko",
      title: "Vice-Minister for International Affairs",
    },
  ],
};

export const answered: Answer = {
  question: "What was the trade volume between Pakistan and Japan?",
  answered: true,
  kind: "amount",
  text: "The trade volume between Pakistan and Japan stood at $1.26 billion in the fiscal year 2022-23.",
  figures: [makeFigure()],
  officials: [],
  citations: [makeCitation()],
  missing: [],
};

export const unanswered = (question: string): Answer => ({
  question,
  answered: false,
  kind: "amount",
  text: "The articles do not say. The closest passages are below.",
  figures: [],
  officials: [],
  citations: [makeCitation()],
  missing: ["partner China"],
});

export interface EngineCalls {
  ask: string[];
  figures: (FigureFilter | undefined)[];
  officials: (string | undefined)[];
  passage: string[];
}

export interface FakeEngineData {
  answer?: (question: string) => Answer;
  figures?: Figure[];
  officials?: Official[];
  sources?: SourceSummary[];
}

export function fakeEngine(data: FakeEngineData = {}): Engine & { calls: EngineCalls } {
  const calls: EngineCalls = { ask: [], figures: [], officials: [], passage: [] };
  const figures = data.figures ?? [makeFigure()];
  const officials = data.officials ?? [matsuo];
  const sources: SourceSummary[] = data.sources ?? [
    {
      id: article.id,
      title: article.title,
      publisher: article.publisher,
      published: article.published,
      url: article.url,
      passages: passages.length,
      figures: figures.length,
      officials: officials.length,
    },
  ];
  const includes = (text: string | null, needle: string | undefined) =>
    needle === undefined || (text ?? "").toLowerCase().includes(needle.toLowerCase());
  return {
    calls,
    issues: [],
    ask(question) {
      calls.ask.push(question);
      if (data.answer) return data.answer(question);
      return /japan/i.test(question) ? { ...answered, question } : unanswered(question);
    },
    figures(filter) {
      calls.figures.push(filter);
      return figures.filter(
        (f) =>
          (filter?.partner === undefined ||
            f.partners.some((p) => p.toLowerCase() === filter.partner?.toLowerCase())) &&
          includes(f.measure, filter?.measure) &&
          includes(f.period, filter?.period),
      );
    },
    officials(name) {
      calls.officials.push(name);
      if (!name) return officials;
      const words = name.toLowerCase().split(/\s+/);
      return officials.filter((o) =>
        [o.name, ...o.aliases].some((n) => words.every((w) => n.toLowerCase().includes(w))),
      );
    },
    sources: () => sources,
    article: (id) => (id === article.id ? article : undefined),
    passage(id) {
      calls.passage.push(id);
      return passages.find((p) => p.id === id);
    },
    partners: () => [...new Set(figures.flatMap((f) => f.partners))].sort(),
  };
}
