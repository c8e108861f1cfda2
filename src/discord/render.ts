/**
 * Renders the engine's plain data (Answer, Figure, Official, SourceSummary, Passage) as Discord
 * message payloads. Every function ends in `fitReply`, so every Discord limit holds and no reply
 * can mention anyone; article and user text is escaped before it is shown.
 */

import { type CorpusFacts, describeCorpus } from "../corpus/summary";
import { counted } from "../text/plural";
import type {
  Answer,
  Article,
  Citation,
  Figure,
  FigureFilter,
  Official,
  Passage,
  SourceSummary,
} from "../types";
import { fitEmbed, fitReply } from "./fit";
import { LIMITS } from "./limits";
import {
  type ActionRow,
  type Button,
  ButtonStyle,
  ComponentKind,
  type Embed,
  type EmbedField,
  type Reply,
} from "./payload";
import { blockQuote, escapeText, link, oneLine, safeUrl, shorten } from "./text";

export const COLORS = { answered: 0x2e7d32, unanswered: 0x9e9e9e, info: 0x1565c0 } as const;

/** Figures per /figures page: five full fields stay well inside 6,000 characters. */
export const FIGURES_PER_PAGE = 5;
/** "Show passage" buttons on an answer: two rows, leaving room for the vote row. */
const MAX_PASSAGE_BUTTONS = 10;
/** Citations shown on an answer: each is a field, and a field carries its quote. */
const MAX_CITATION_FIELDS = 10;

export type ArticleLookup = (id: string) => Article | undefined;

/** A short, always-ephemeral note: errors, cooldown, expired buttons, bad options. */
export function renderNotice(text: string, ephemeral = true): Reply {
  return fitReply({ content: text, ephemeral, allowed_mentions: { parse: [] } });
}

/** `Publisher · 2024-05-02`, with unknowns said plainly. */
function byline(publisher: string | null, published: string | null): string {
  const parts = [
    publisher ? escapeText(publisher) : null,
    published ? escapeText(published) : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

/**
 * Bolds each figure value in already-escaped text once, where it first stands (the answer line);
 * longest first so a value inside another is not bolded on its own.
 */
function boldFigures(escaped: string, values: readonly string[]): string {
  const unique = [...new Set(values.map(escapeText).filter((v) => v.length > 0))];
  if (unique.length === 0) return escaped;
  unique.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    unique.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "g",
  );
  const bolded = new Set<string>();
  return escaped.replace(pattern, (value) => {
    if (bolded.has(value)) return value;
    bolded.add(value);
    return `**${value}**`;
  });
}

/** Lines joined until the budget is reached, then a line saying how many were left out. */
function linesWithin(
  lines: readonly string[],
  budget: number,
  more: (left: number) => string,
): string {
  const kept: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    const tail = index < lines.length - 1 ? more(lines.length - index - 1).length + 1 : 0;
    if (used + line.length + 1 + tail > budget && kept.length > 0) {
      kept.push(more(lines.length - index));
      return kept.join("\n");
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join("\n");
}

/**
 * A source as a field: the article's title (cut to fit) as the name, then its publisher and date
 * — linked to the article where the corpus has its address — and the cited words quoted.
 */
function citationField(citation: Citation, number: number): EmbedField {
  const url = safeUrl(citation.url);
  const about = byline(citation.publisher, citation.published);
  let source = about;
  if (url) {
    const label = citation.publisher ? escapeText(citation.publisher) : "Read the article";
    source = [`[${label}](${url})`, citation.published ? escapeText(citation.published) : null]
      .filter(Boolean)
      .join(" · ");
  }
  const quote = blockQuote(escapeText(citation.excerpt));
  return {
    name: shorten(`[${number}] ${escapeText(oneLine(citation.title))}`, LIMITS.fieldName),
    value: source ? `${source}\n${quote}` : quote,
  };
}

function button(customId: string, label: string, style: Button["style"], emoji?: string): Button {
  const made: Button = { type: ComponentKind.Button, style, label, custom_id: customId };
  if (emoji) made.emoji = { name: emoji };
  return made;
}

function rowsOf(buttons: readonly Button[]): ActionRow[] {
  const rows: ActionRow[] = [];
  for (let at = 0; at < buttons.length; at += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentKind.ActionRow,
      components: buttons.slice(at, at + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

/** custom_ids of an answer's buttons. A passage id that fits is carried as is (survives restarts). */
export const askIds = {
  passage: (passageId: string) => `ask:passage:${passageId}`,
  citation: (questionKey: string, number: number) => `ask:cite:${questionKey}:${number}`,
  vote: (vote: "up" | "down", questionKey: string) => `ask:vote:${vote}:${questionKey}`,
  followUp: (questionKey: string) => `ask:follow:${questionKey}`,
};

function passageButtons(citations: readonly Citation[], questionKey: string): Button[] {
  const byPassage = new Map<string, number[]>();
  for (const [index, citation] of citations.entries()) {
    const numbers = byPassage.get(citation.passageId) ?? [];
    numbers.push(index + 1);
    byPassage.set(citation.passageId, numbers);
  }
  return [...byPassage.entries()].slice(0, MAX_PASSAGE_BUTTONS).map(([passageId, numbers]) => {
    const direct = askIds.passage(passageId);
    const first = numbers[0] ?? 1;
    const customId =
      direct.length <= LIMITS.customId ? direct : askIds.citation(questionKey, first);
    const label = `Show passage ${numbers.map((n) => `[${n}]`).join("")}`;
    return button(customId, label, ButtonStyle.Secondary);
  });
}

export interface AnswerOptions {
  questionKey: string;
  ephemeral?: boolean;
  /** Offer the "Follow up" button: a public answer in a server's text channel. */
  followUp?: boolean;
  /** The corpus the answer was drawn from, for the footer. */
  corpus?: CorpusFacts;
}

/** A follow-up's assumption, bold at the head of its (escaped) answer line. */
function boldAssumption(escaped: string, assumed: string | undefined): string {
  if (!assumed) return escaped;
  const head = `${escapeText(assumed)}:`;
  return escaped.startsWith(head) ? `**${head}**${escaped.slice(head.length)}` : escaped;
}

/**
 * An /ask reply: the question as the title; the answer line, with a follow-up's assumption and
 * each figure in bold once; each source as a field (title, publisher and date linked to the
 * article, the verbatim sentence quoted); a footer saying how many articles the answer quotes and
 * what the corpus holds. Unanswered questions say so and show the closest passages found.
 */
export function renderAnswer(answer: Answer, options: AnswerOptions): Reply {
  const figureValues = answer.figures.map((figure) => figure.value);
  const citations = answer.citations.slice(0, MAX_CITATION_FIELDS);
  const text = answer.text || "I could not find the answer in the articles I have.";
  const escaped = boldAssumption(escapeText(text), answer.assumed);
  const description = shorten(
    answer.answered ? boldFigures(escaped, figureValues) : escaped,
    2500,
    figureValues,
  );

  const fields = citations.map((citation, index) => citationField(citation, index + 1));
  const left = answer.citations.length - citations.length;
  if (left > 0) {
    fields.push({
      name: "More sources",
      value: `${counted(left, "more citation")} ${left === 1 ? "is" : "are"} not shown.`,
    });
  }
  const quoted = new Set(answer.citations.map((c) => c.articleId)).size;
  // An unanswered reply that cites nothing (a question asking which, or asking nothing) found
  // nothing to miss: the footer says only what the corpus holds.
  const footer = [
    "Tijarat",
    answer.answered
      ? `Quoted verbatim from ${counted(quoted, "article")}`
      : answer.citations.length > 0
        ? "Not found in the articles"
        : null,
    options.corpus ? `the corpus holds ${describeCorpus(options.corpus)}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const embed: Embed = {
    title: shorten(escapeText(oneLine(answer.question)), LIMITS.embedTitle),
    description,
    color: answer.answered ? COLORS.answered : COLORS.unanswered,
    fields,
    footer: { text: footer },
  };
  const buttons = passageButtons(answer.citations, options.questionKey);
  const rows = rowsOf(buttons);
  const last = [
    button(askIds.vote("up", options.questionKey), "Helpful", ButtonStyle.Secondary, "👍"),
    button(askIds.vote("down", options.questionKey), "Not helpful", ButtonStyle.Secondary, "👎"),
  ];
  if (options.followUp) {
    last.push(button(askIds.followUp(options.questionKey), "Follow up", ButtonStyle.Primary, "🧵"));
  }
  rows.push({ type: ComponentKind.ActionRow, components: last });
  return fitReply(
    {
      embeds: [embed],
      components: rows,
      ephemeral: options.ephemeral === true,
      allowed_mentions: { parse: [] },
    },
    figureValues,
  );
}

/**
 * The note under a pressed "Follow up": where the thread is, and what its questions are read
 * against. `<#id>` shows as a link to the thread and pings nobody.
 */
export function renderFollowUpThread(
  threadId: string,
  context: string | null,
  created: boolean,
): Reply {
  const where = created
    ? `I opened a thread on this answer: <#${threadId}>.`
    : `This answer's thread: <#${threadId}>.`;
  const against = context
    ? ` against this answer (${escapeText(context)})`
    : " against this answer";
  return fitReply({
    content: `${where} Ask with /ask in it, and I read each question${against}: try “and exports?”, “what about 2021?”, “and China?” or “who said that?”. A new thread starts afresh.`,
    ephemeral: true,
    allowed_mentions: { parse: [] },
  });
}

/** The full paragraph behind a citation, with the cited words in bold when given. */
export function renderPassage(
  passage: Passage,
  article: Article | undefined,
  cited?: string,
): Reply {
  let description = escapeText(passage.text);
  const at = cited ? passage.text.indexOf(cited) : -1;
  if (cited && at !== -1) {
    const before = escapeText(passage.text.slice(0, at));
    const after = escapeText(passage.text.slice(at + cited.length));
    description = `${before}**${escapeText(cited)}**${after}`;
  }
  const embed: Embed = {
    title: escapeText(article?.title ?? passage.articleId),
    description,
    color: COLORS.info,
    footer: {
      text: [
        article ? byline(article.publisher, article.published) : escapeText(passage.articleId),
        `paragraph ${passage.index + 1}`,
      ]
        .filter(Boolean)
        .join(" · "),
    },
  };
  const url = safeUrl(article?.url);
  if (url) embed.url = url;
  return fitReply({ embeds: [embed], ephemeral: true, allowed_mentions: { parse: [] } });
}

export function describeFilter(filter: FigureFilter): string {
  const parts = (["partner", "measure", "period"] as const)
    .filter((key) => filter[key])
    .map((key) => `${key}: ${filter[key]}`);
  return parts.length > 0 ? parts.join(", ") : "all";
}

export const figuresPageId = (page: number, queryKey: string) => `figures:page:${page}:${queryKey}`;

/** One page of /figures: each figure a field with value, measure, period, source and article. */
export function renderFiguresPage(
  figures: readonly Figure[],
  options: {
    filter: FigureFilter;
    page: number;
    queryKey: string;
    article: ArticleLookup;
    partners: readonly string[];
  },
): Reply {
  const pages = Math.max(1, Math.ceil(figures.length / FIGURES_PER_PAGE));
  const page = Math.min(Math.max(0, options.page), pages - 1);
  const shown = figures.slice(page * FIGURES_PER_PAGE, (page + 1) * FIGURES_PER_PAGE);
  const filterText = escapeText(describeFilter(options.filter));
  const embed: Embed = {
    title: `Figures — ${filterText}`,
    color: COLORS.info,
    fields: shown.map((figure) => figureField(figure, options.article)),
  };
  if (figures.length === 0) {
    const partners = options.partners.map(escapeText).join(", ");
    embed.description = `No figures match ${filterText}.${partners ? ` Partners with figures: ${partners}.` : ""}`;
  } else {
    embed.description = `${counted(figures.length, "figure")}, quoted from the articles.`;
    if (pages > 1) embed.footer = { text: `Page ${page + 1} of ${pages}` };
  }
  const reply: Reply = { embeds: [embed], allowed_mentions: { parse: [] } };
  if (pages > 1) {
    reply.components = [
      {
        type: ComponentKind.ActionRow,
        components: [
          {
            ...button(figuresPageId(page - 1, options.queryKey), "Previous", ButtonStyle.Secondary),
            disabled: page === 0,
          },
          {
            ...button(figuresPageId(page + 1, options.queryKey), "Next", ButtonStyle.Secondary),
            disabled: page >= pages - 1,
          },
        ],
      },
    ];
  }
  return fitReply(
    reply,
    shown.map((figure) => figure.value),
  );
}

function figureField(figure: Figure, article: ArticleLookup): EmbedField {
  const source = article(figure.articleId);
  const lines = [`**Period:** ${figure.period ? escapeText(figure.period) : "not stated"}`];
  if (figure.source) lines.push(`**Source:** ${escapeText(figure.source)}`);
  if (figure.partners.length > 0)
    lines.push(`**Partners:** ${figure.partners.map(escapeText).join(", ")}`);
  lines.push(`**Article:** ${link(source?.title ?? figure.articleId, source?.url)}`);
  lines.push(blockQuote(escapeText(figure.sentence)));
  // A count names what it counts ("70 Japanese companies"): its measure would say it again.
  const measure =
    figure.measure && !figure.value.toLowerCase().includes(figure.measure.toLowerCase())
      ? ` — ${figure.measure}`
      : "";
  const name = `${figure.qualifier ? `${figure.qualifier} ` : ""}${figure.value}${measure}`;
  return {
    name: shorten(escapeText(name), LIMITS.fieldName, [figure.value]),
    value: lines.join("\n"),
  };
}

/** At most this many officials get a full card; the rest are named. */
const OFFICIAL_CARDS = 3;

/** /official: title, organisation, country, quotes with citations, and the articles naming them. */
export function renderOfficials(
  query: string,
  officials: readonly Official[],
  article: ArticleLookup,
): Reply {
  if (officials.length === 0) {
    return renderNotice(
      `No official matches “${shorten(escapeText(oneLine(query)), 200)}”. Try part of a name, or /official without a name for everyone.`,
      false,
    );
  }
  const cards = officials.slice(0, OFFICIAL_CARDS);
  const budget = Math.floor((LIMITS.embedsTotal - 300) / cards.length);
  // Each card gets an even share, so a long first card cannot push the others out.
  const embeds = cards.map((official) => fitEmbed(officialEmbed(official, article), budget));
  const reply: Reply = { embeds, allowed_mentions: { parse: [] } };
  if (officials.length > cards.length) {
    const others = officials.slice(cards.length).map((o) => escapeText(o.name));
    reply.content = shorten(
      `${counted(officials.length, "official")} match; also: ${others.join(", ")}.`,
      300,
    );
  }
  return fitReply(reply);
}

/** What kind of person each kind is, as the card says it. */
const KIND_LABELS: Record<Official["kind"], string | null> = {
  government: "government",
  diplomat: "diplomat",
  business: "business",
  analyst: "analyst",
  other: null,
};

function officialEmbed(official: Official, article: ArticleLookup): Embed {
  const lines: string[] = [];
  if (official.title) lines.push(`**Title:** ${escapeText(official.title)}`);
  // An organisation the title already names ("Governor of the State Bank of Pakistan") is not repeated.
  if (official.organization && !official.title?.includes(official.organization))
    lines.push(`**Organisation:** ${escapeText(official.organization)}`);
  if (official.country) lines.push(`**Country:** ${escapeText(official.country)}`);
  const kind = KIND_LABELS[official.kind];
  if (kind) lines.push(`**Kind:** ${kind}`);
  const aliases = official.aliases.filter((alias) => alias !== official.name);
  if (aliases.length > 0) lines.push(`**Also written:** ${aliases.map(escapeText).join(", ")}`);
  if (lines.length === 0) lines.push("No title or organisation is given in the articles.");

  const fields: EmbedField[] = official.quotes.slice(0, 8).map((quote, index) => {
    const source = article(quote.articleId);
    return {
      name: `Quote [${index + 1}]`,
      value: `${blockQuote(`“${escapeText(quote.text)}”`)}\n— ${[
        link(source?.title ?? escapeText(quote.articleId), source?.url),
        source ? byline(source.publisher, source.published) : "",
      ]
        .filter(Boolean)
        .join(" · ")}`,
    };
  });
  if (official.quotes.length > 8) {
    fields.push({
      name: "More quotes",
      value: `${counted(official.quotes.length - 8, "more quote")} not shown.`,
    });
  }
  // The people the articles name beside this one, each with the article naming them together.
  const namedWith = official.associates.map((a) => {
    const source = article(a.articleId);
    return `• **${escapeText(a.name)}**${a.title ? ` (${escapeText(a.title)})` : ""} — ${link(source?.title ?? a.articleId, source?.url)}`;
  });
  if (namedWith.length > 0) {
    fields.push({
      name: "Named with",
      value: linesWithin(namedWith, LIMITS.fieldValue - 40, (left) => `…and ${left} more`),
    });
  }
  const mentionedIn = official.articleIds.map((id) => {
    const source = article(id);
    const asTitle = official.mentions.find((m) => m.articleId === id && m.title)?.title;
    return `• ${link(source?.title ?? id, source?.url)}${asTitle ? ` — as ${escapeText(asTitle)}` : ""}`;
  });
  if (mentionedIn.length > 0) {
    fields.push({
      name: "Mentioned in",
      value: linesWithin(mentionedIn, LIMITS.fieldValue - 40, (left) => `…and ${left} more`),
    });
  }
  return {
    title: escapeText(official.name),
    description: lines.join("\n"),
    color: COLORS.info,
    fields,
  };
}

/** /sources: every article with publisher, date and what the engine drew from it. */
export function renderSources(sources: readonly SourceSummary[]): Reply {
  const lines = sources.map((source, index) => {
    const found = [
      counted(source.figures, "figure"),
      counted(source.officials, "official"),
      counted(source.passages, "paragraph"),
    ].join(", ");
    const about = byline(source.publisher, source.published);
    return `**${index + 1}.** ${link(source.title, source.url)}${about ? ` — ${about}` : ""}\n${found}`;
  });
  const newest = sources
    .flatMap((s) => (s.published ? [s.published] : []))
    .sort()
    .at(-1);
  const embed: Embed = {
    title: `Sources — ${counted(sources.length, "article")}`,
    description:
      lines.length > 0
        ? linesWithin(
            lines,
            LIMITS.embedDescription - 100,
            (left) => `…and ${counted(left, "more article")}`,
          )
        : "No articles are loaded.",
    color: COLORS.info,
    footer: {
      text: `Tijarat answers only from ${sources.length === 1 ? "this article and quotes it" : "these articles and quotes them"} verbatim.${newest ? ` The newest is of ${newest}.` : ""}`,
    },
  };
  return fitReply({ embeds: [embed], allowed_mentions: { parse: [] } });
}

export interface HelpFacts {
  articles: number;
  figures: number;
  officials: number;
  partners: readonly string[];
  examples: readonly string[];
}

/** /help: what Tijarat knows, the commands, follow-ups, and example questions from the corpus. */
export function renderHelp(facts: HelpFacts): Reply {
  const fields: EmbedField[] = [
    {
      name: "Commands",
      value: [
        "`/ask question:` a question; the answer quotes its sources. Add `private: True` to see it alone.",
        "`/figures partner: measure: period:` the figures, filtered.",
        "`/compare partners: measure:` 2–4 partners side by side, each figure cited.",
        "`/chart partner: measure:` a measure over the periods the articles give, as a picture.",
        "`/official name:` an official's title, organisation, country and quotes.",
        "`/sources` the articles Tijarat reads.",
        "`/article add url:` (admins) add a news article; `/article list`, `/article remove id:`.",
        "`/insights days:` what was asked here and what went unanswered (Manage Server).",
      ].join("\n"),
    },
    {
      name: "Follow-up questions",
      value:
        "Press **Follow up** under an answer to open a thread on it. In the thread, `/ask` reads each question against the last answer: “and exports?” keeps the partner and period, “what about 2021?” the partner and measure, “and China?” changes the partner, and “who said that?” names the speaker of the sentence cited last. Each reply says what it assumed.",
    },
  ];
  if (facts.partners.length > 0) {
    fields.push({
      name: "Partners in the figures",
      value: facts.partners.map(escapeText).join(", "),
    });
  }
  if (facts.examples.length > 0) {
    fields.push({
      name: "Try asking",
      value: facts.examples.map((q) => `• ${escapeText(q)}`).join("\n"),
    });
  }
  const embed: Embed = {
    title: "Tijarat — Pakistan's trade partnerships, from the news",
    description: `I answer from ${counted(facts.articles, "news article")}: ${counted(facts.figures, "figure")} and ${counted(facts.officials, "official")}, each cited with the article's own sentence. If the articles do not say, I say so.`,
    color: COLORS.info,
    fields,
  };
  return fitReply({ embeds: [embed], allowed_mentions: { parse: [] } });
}
