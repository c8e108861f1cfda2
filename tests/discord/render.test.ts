import { describe, expect, it } from "vitest";
import { fitReply } from "../../src/discord/fit";
import { LIMITS } from "../../src/discord/limits";
import { ButtonStyle, ComponentKind, type Reply } from "../../src/discord/payload";
import {
  FIGURES_PER_PAGE,
  renderAnswer,
  renderFiguresPage,
  renderHelp,
  renderNotice,
  renderOfficials,
  renderPassage,
  renderSources,
} from "../../src/discord/render";
import type { Answer, Official } from "../../src/types";
import { expectWithinDiscordLimits, replyText } from "../support/discord-limits";
import {
  answered,
  article,
  makeCitation,
  makeFigure,
  matsuo,
  passages,
  TRADE_SENTENCE,
  unanswered,
} from "../support/fake-engine";

const lookup = (id: string) => (id === article.id ? article : undefined);

describe("renderAnswer", () => {
  const reply = renderAnswer(answered, { questionKey: "KEY1234567" });
  const embed = reply.embeds?.[0];

  it("puts the question in the title and one answer line with the figure in bold once", () => {
    expect(embed?.title).toBe("What was the trade volume between Pakistan and Japan?");
    expect(embed?.description).toBe(
      "The trade volume between Pakistan and Japan stood at **$1.26 billion** in the fiscal year 2022-23.",
    );
  });

  it("bolds a figure stated twice only where it first stands", () => {
    const twice = renderAnswer(
      {
        ...answered,
        text: "It stood at $1.26 billion [1]. The same sentence gives $1.26 billion.",
      },
      { questionKey: "k" },
    );
    expect(twice.embeds?.[0]?.description).toBe(
      "It stood at **$1.26 billion** \\[1\\]. The same sentence gives $1.26 billion.",
    );
  });

  it("titles each source with its article's title, links publisher and date to it, and quotes the sentence", () => {
    expect(embed?.fields).toEqual([
      {
        name: "[1] Pakistan and Japan Commit to Strengthen Trade Ties",
        value: `[Daily Example](https://example.com/pakistan-japan) · 2024-05-02\n> ${TRADE_SENTENCE}`,
      },
    ]);
  });

  it("cuts a long title to fit a field name and says what it can of an article without publisher or address", () => {
    const bare = renderAnswer(
      {
        ...answered,
        citations: [makeCitation({ title: "Trade ".repeat(100), publisher: null, url: null })],
      },
      { questionKey: "k" },
    );
    const field = bare.embeds?.[0]?.fields?.[0];
    expect(field?.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field?.name).toMatch(/^\[1\] Trade Trade .*…$/);
    expect(field?.value).toBe(`2024-05-02\n> ${TRADE_SENTENCE}`);
    const unknown = renderAnswer(
      { ...answered, citations: [makeCitation({ publisher: null, published: null, url: null })] },
      { questionKey: "k" },
    );
    expect(unknown.embeds?.[0]?.fields?.[0]?.value).toBe(`> ${TRADE_SENTENCE}`);
    const linkOnly = renderAnswer(
      { ...answered, citations: [makeCitation({ publisher: null, published: null })] },
      { questionKey: "k" },
    );
    expect(linkOnly.embeds?.[0]?.fields?.[0]?.value).toBe(
      `[Read the article](https://example.com/pakistan-japan)\n> ${TRADE_SENTENCE}`,
    );
  });

  it("says in the footer how many articles it quotes and what the corpus holds, in the singular where one", () => {
    expect(embed?.footer?.text).toBe("Tijarat · Quoted verbatim from 1 article");
    const withCorpus = renderAnswer(answered, {
      questionKey: "k",
      corpus: { articles: 12, newest: "2025-04-11" },
    });
    expect(withCorpus.embeds?.[0]?.footer?.text).toBe(
      "Tijarat · Quoted verbatim from 1 article · the corpus holds 12 articles, the newest dated 2025-04-11",
    );
    const one = renderAnswer(answered, { questionKey: "k", corpus: { articles: 1, newest: null } });
    expect(one.embeds?.[0]?.footer?.text).toBe(
      "Tijarat · Quoted verbatim from 1 article · the corpus holds 1 article",
    );
  });

  it("sets a follow-up's assumption in bold at the head of its answer", () => {
    const followUp = renderAnswer(
      {
        ...answered,
        question: "and exports?",
        assumed: "Pakistan–Japan exports, FY2022-23",
        text: "Pakistan–Japan exports, FY2022-23: Exports (Pakistan–Japan): $190 million in FY2022-23 [1].",
      },
      { questionKey: "k" },
    );
    expect(followUp.embeds?.[0]?.description).toBe(
      "**Pakistan–Japan exports, FY2022-23:** Exports (Pakistan–Japan): $190 million in FY2022-23 \\[1\\].",
    );
  });

  it("offers a Follow up button beside the votes only when asked to", () => {
    const labels = (r: Reply) => r.components?.at(-1)?.components.map((b) => b.label);
    expect(labels(reply)).toEqual(["Helpful", "Not helpful"]);
    const offered = renderAnswer(answered, { questionKey: "KEY1234567", followUp: true });
    expect(labels(offered)).toEqual(["Helpful", "Not helpful", "Follow up"]);
    expect(offered.components?.at(-1)?.components[2]?.custom_id).toBe("ask:follow:KEY1234567");
  });

  it("offers Show passage, 👍 and 👎 buttons with short custom_ids", () => {
    expect(reply.components).toEqual([
      {
        type: ComponentKind.ActionRow,
        components: [
          {
            type: ComponentKind.Button,
            style: ButtonStyle.Secondary,
            label: "Show passage [1]",
            custom_id: "ask:passage:pakistan-japan-trade#1",
          },
        ],
      },
      {
        type: ComponentKind.ActionRow,
        components: [
          {
            type: ComponentKind.Button,
            style: ButtonStyle.Secondary,
            label: "Helpful",
            custom_id: "ask:vote:up:KEY1234567",
            emoji: { name: "👍" },
          },
          {
            type: ComponentKind.Button,
            style: ButtonStyle.Secondary,
            label: "Not helpful",
            custom_id: "ask:vote:down:KEY1234567",
            emoji: { name: "👎" },
          },
        ],
      },
    ]);
  });

  it("disables every mention and is public unless asked to be private", () => {
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.ephemeral).toBeUndefined();
    expect(renderAnswer(answered, { questionKey: "k", ephemeral: true }).ephemeral).toBe(true);
  });

  it("says plainly when there is no answer, once, and shows the closest passages", () => {
    const none = renderAnswer(unanswered("What was trade with China?"), { questionKey: "k" });
    expect(none.embeds?.[0]?.description).toBe(
      "The articles do not say. The closest passages are below.",
    );
    expect(none.embeds?.[0]?.fields?.length).toBe(1);
    expect(none.embeds?.[0]?.footer?.text).toBe("Tijarat · Not found in the articles");
  });

  it("uses a question key for a passage whose id is too long for a custom_id", () => {
    const longId = `${"a".repeat(95)}#3`;
    const reply = renderAnswer(
      { ...answered, citations: [makeCitation({ passageId: longId })] },
      { questionKey: "KEY1234567" },
    );
    expect(reply.components?.[0]?.components[0]?.custom_id).toBe("ask:cite:KEY1234567:1");
  });

  it("gives citations from one passage a single button", () => {
    const reply = renderAnswer(
      {
        ...answered,
        citations: [makeCitation(), makeCitation({ excerpt: "Both sides want more." })],
      },
      { questionKey: "k" },
    );
    expect(reply.components?.[0]?.components.map((b) => b.label)).toEqual(["Show passage [1][2]"]);
  });
});

describe("renderAnswer with oversized input", () => {
  const hostile = "@everyone <@123> <@&456> **bold** `code` ```fence``` # heading ";
  const question = `${hostile}${"why ".repeat(1500)}`.slice(0, 6000);
  const longQuote = `${"The partnership grew steadily over the decade. ".repeat(60)}Trade reached $1.26 billion.`;
  const huge: Answer = {
    question,
    answered: true,
    kind: "amount",
    text: `${"Pakistan and Japan traded goods worth $1.26 billion in the year. ".repeat(100)}`,
    figures: Array.from({ length: 40 }, (_, i) =>
      makeFigure({ value: `$${i + 1}.5 billion`, measure: `measure number ${i + 1} `.repeat(5) }),
    ),
    officials: [],
    citations: Array.from({ length: 30 }, (_, i) =>
      makeCitation({ excerpt: longQuote, passageId: `${article.id}#${i}`, title: "T".repeat(400) }),
    ),
    missing: [],
  };
  const reply = renderAnswer(huge, { questionKey: "KEY1234567" });
  const text = replyText(reply);

  it("keeps every Discord limit", () => {
    expectWithinDiscordLimits(reply);
  });

  it("escapes the echoed question so nobody is pinged and no markdown applies", () => {
    const title = reply.embeds?.[0]?.title ?? "";
    expect(
      title.startsWith("@\u200beveryone <\u200b@123> <\u200b@&456> \\*\\*bold\\*\\* \\`code\\`"),
    ).toBe(true);
    expect(text).not.toMatch(/@everyone|<@\d|<@&\d|```/);
  });

  it("never cuts a figure: every money amount shown is whole", () => {
    const amounts = [...text.matchAll(/\$[\d.]+(\s\S+)?/g)];
    expect(amounts.length).toBeGreaterThan(0);
    for (const match of amounts) {
      expect(match[1]?.startsWith(" billion")).toBe(true);
    }
  });

  it("says how many citations were left out", () => {
    const more = reply.embeds?.[0]?.fields?.find((f) => f.name === "More sources");
    expect(more?.value).toBe("20 more citations are not shown.");
  });

  it("keeps ten passage buttons in two rows plus the vote row", () => {
    expect(reply.components?.map((row) => row.components.length)).toEqual([5, 5, 2]);
  });
});

describe("fitReply", () => {
  it("enforces content, embed count, field count, labels and custom_ids whatever it is given", () => {
    const wild: Reply = {
      content: "word ".repeat(1000),
      embeds: Array.from({ length: 12 }, () => ({
        title: "t".repeat(300),
        description: "d ".repeat(3000),
        fields: Array.from({ length: 30 }, () => ({
          name: "n".repeat(300),
          value: "v ".repeat(800),
        })),
        footer: { text: "f".repeat(3000) },
        author: { name: "a".repeat(300) },
      })),
      components: Array.from({ length: 7 }, (_, row) => ({
        type: ComponentKind.ActionRow,
        components: Array.from({ length: 7 }, (_, i) => ({
          type: ComponentKind.Button,
          style: ButtonStyle.Primary,
          label: "L".repeat(100),
          custom_id: i === 0 ? "x".repeat(101) : `b:${row}:${i}`,
        })),
      })),
      allowed_mentions: { parse: [] },
    };
    const fitted = fitReply(wild);
    expectWithinDiscordLimits(fitted);
    expect(fitted.content?.length).toBe(LIMITS.content);
    expect(fitted.components?.length).toBe(5);
    expect(fitted.components?.[0]?.components.map((b) => b.custom_id)).toEqual([
      "b:0:1",
      "b:0:2",
      "b:0:3",
      "b:0:4",
      "b:0:5",
    ]);
  });

  it("replaces anything but no mentions with no mentions", () => {
    const fitted = fitReply({
      content: "hi",
      allowed_mentions: { parse: ["everyone"] } as unknown as Reply["allowed_mentions"],
    });
    expect(fitted.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("the other renderers", () => {
  it("shows a passage in full, ephemeral, with the cited sentence in bold", () => {
    const passage = passages[1];
    if (!passage) throw new Error("fixture");
    const reply = renderPassage(passage, article, TRADE_SENTENCE);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds?.[0]).toEqual({
      title: article.title,
      url: "https://example.com/pakistan-japan",
      description: `**${TRADE_SENTENCE}** Both sides want more.`,
      color: 0x1565c0,
      footer: { text: "Daily Example · 2024-05-02 · paragraph 2" },
    });
  });

  it("pages 40 figures five at a time with Previous and Next", () => {
    const figures = Array.from({ length: 40 }, (_, i) =>
      makeFigure({ value: `$${i + 1} billion`, sentence: "A very long sentence. ".repeat(80) }),
    );
    const first = renderFiguresPage(figures, {
      filter: { partner: "Japan" },
      page: 0,
      queryKey: "Q123456789",
      article: lookup,
      partners: ["Japan"],
    });
    expectWithinDiscordLimits(first);
    const embed = first.embeds?.[0];
    expect(embed?.title).toBe("Figures — partner: Japan");
    expect(embed?.fields?.length).toBe(FIGURES_PER_PAGE);
    expect(embed?.fields?.[0]?.name).toBe("$1 billion — trade volume");
    expect(
      embed?.fields?.[0]?.value.startsWith(
        "**Period:** fiscal year 2022-23\n**Source:** Federal Board of Revenue\n**Partners:** Japan\n**Article:** [Pakistan and Japan Commit to Strengthen Trade Ties](https://example.com/pakistan-japan)\n> A very long sentence.",
      ),
    ).toBe(true);
    expect(embed?.description).toBe("40 figures, quoted from the articles.");
    expect(embed?.footer?.text).toBe("Page 1 of 8");
    expect(
      first.components?.[0]?.components.map((b) => [b.label, b.custom_id, b.disabled]),
    ).toEqual([
      ["Previous", "figures:page:-1:Q123456789", true],
      ["Next", "figures:page:1:Q123456789", false],
    ]);
    const last = renderFiguresPage(figures, {
      filter: {},
      page: 99,
      queryKey: "Q123456789",
      article: lookup,
      partners: [],
    });
    expect(last.embeds?.[0]?.footer?.text).toBe("Page 8 of 8");
    expect(last.components?.[0]?.components.map((b) => b.disabled)).toEqual([false, true]);
  });

  it("says when no figure matches and names the partners that have figures", () => {
    const none = renderFiguresPage([], {
      filter: { partner: "Mars" },
      page: 0,
      queryKey: "k",
      article: lookup,
      partners: ["Japan", "United States"],
    });
    expect(none.embeds?.[0]?.description).toBe(
      "No figures match partner: Mars. Partners with figures: Japan, United States.",
    );
    expect(none.components).toBeUndefined();
  });

  it("shows an official's title, organisation, country, kind, quotes, who the articles name beside them, and articles", () => {
    const withAssociate: Official = {
      ...matsuo,
      associates: [
        {
          name: "Jam Kamal Khan",
          title: "Federal Minister for Commerce",
          articleId: matsuo.articleIds[0] ?? "",
          passageId: matsuo.mentions[0]?.passageId ?? "",
          sentenceStart: 0,
          sentenceEnd: 10,
        },
      ],
    };
    const reply = renderOfficials("matsuo", [withAssociate], lookup);
    expect(reply.embeds?.[0]).toEqual({
      title: "Matsuo Takehiko",
      description:
        "**Title:** Vice-Minister for International Affairs\n**Organisation:** Ministry of Economy, Trade and Industry\n**Country:** Japan\n**Kind:** government\n**Also written:** MATSUO Takehiko",
      color: 0x1565c0,
      fields: [
        {
          name: "Quote [1]",
          value:
            "> “We see great potential in Pakistan’s market,”\n— [Pakistan and Japan Commit to Strengthen Trade Ties](https://example.com/pakistan-japan) · Daily Example · 2024-05-02",
        },
        {
          name: "Named with",
          value:
            "• **Jam Kamal Khan** (Federal Minister for Commerce) — [Pakistan and Japan Commit to Strengthen Trade Ties](https://example.com/pakistan-japan)",
        },
        {
          name: "Mentioned in",
          value:
            "• [Pakistan and Japan Commit to Strengthen Trade Ties](https://example.com/pakistan-japan) — as Vice-Minister for International Affairs",
        },
      ],
    });
  });

  it("fits many officials with many long quotes in one message and names the rest", () => {
    const wordy: Official = {
      ...matsuo,
      quotes: Array.from({ length: 20 }, () => ({
        ...(matsuo.quotes[0] as Official["quotes"][0]),
        text: "q ".repeat(900),
      })),
    };
    const reply = renderOfficials(
      "",
      Array.from({ length: 6 }, (_, i) => ({ ...wordy, name: `Official ${i}` })),
      lookup,
    );
    expectWithinDiscordLimits(reply);
    expect(reply.embeds?.length).toBe(3);
    expect(reply.content).toBe("6 officials match; also: Official 3, Official 4, Official 5.");
  });

  it("escapes a name nobody matches", () => {
    expect(renderOfficials("@everyone", [], lookup).content).toBe(
      "No official matches “@\u200beveryone”. Try part of a name, or /official without a name for everyone.",
    );
  });

  it("lists sources with publisher, date and counts", () => {
    const reply = renderSources([
      {
        id: "a",
        title: "A",
        publisher: null,
        published: null,
        url: null,
        passages: 3,
        figures: 2,
        officials: 1,
      },
    ]);
    expect(reply.embeds?.[0]?.description).toBe("**1.** A\n2 figures, 1 official, 3 paragraphs");
    expect(reply.embeds?.[0]?.footer?.text).toBe(
      "Tijarat answers only from this article and quotes it verbatim.",
    );
  });

  it("cuts a very long source list with a count of the rest", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      title: `Article ${i} `.repeat(5),
      publisher: "P",
      published: "2024-01-01",
      url: "https://example.com/a",
      passages: 1,
      figures: 1,
      officials: 1,
    }));
    const reply = renderSources(many);
    expectWithinDiscordLimits(reply);
    expect(reply.embeds?.[0]?.description).toMatch(/\n…and \d+ more articles$/);
  });

  it("lists commands, partners and example questions in /help", () => {
    const reply = renderHelp({
      articles: 3,
      figures: 5,
      officials: 4,
      partners: ["Japan"],
      examples: ["What was the trade volume between Pakistan and Japan?"],
    });
    expect(reply.embeds?.[0]?.description).toBe(
      "I answer from 3 news articles: 5 figures and 4 officials, each cited with the article's own sentence. If the articles do not say, I say so.",
    );
    expect(reply.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([
      "Commands",
      "Follow-up questions",
      "Partners in the figures",
      "Try asking",
    ]);
    expect(reply.embeds?.[0]?.fields?.[3]?.value).toBe(
      "• What was the trade volume between Pakistan and Japan?",
    );
  });

  it("makes notices ephemeral by default", () => {
    expect(renderNotice("x")).toEqual({
      content: "x",
      ephemeral: true,
      allowed_mentions: { parse: [] },
    });
  });
});
