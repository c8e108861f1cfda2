import { describe, expect, it } from "vitest";
import {
  blockQuote,
  escapeMarkdown,
  escapeText,
  link,
  neutralizeMentions,
  safeUrl,
  shorten,
} from "../../src/discord/text";

describe("shorten", () => {
  const text =
    "Trade stood at $1.26 billion in the fiscal year 2022-23. Growth of 6–7% is the target for 2025.";

  it("returns text that fits unchanged", () => {
    expect(shorten(text, text.length)).toBe(text);
  });

  it("cuts after a whole sentence when one ends in the second half of the budget", () => {
    expect(shorten(text, 70)).toBe("Trade stood at $1.26 billion in the fiscal year 2022-23. …");
  });

  it("cuts at a word boundary with an ellipsis when no sentence ends late enough", () => {
    expect(shorten(text, 40)).toBe("Trade stood at $1.26 billion in the…");
  });

  it("never cuts between a money amount and its scale word", () => {
    for (let max = 16; max <= 29; max++) {
      const cut = shorten(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.includes("$1.26") === cut.includes("$1.26 billion")).toBe(true);
    }
    expect(shorten(text, 28)).toBe("Trade stood at…");
    expect(shorten(text, 29)).toBe("Trade stood at $1.26 billion…");
  });

  it("never cuts inside a percentage range", () => {
    const range = "Growth of 6–7% is the target";
    for (let max = 11; max <= 14; max++) {
      expect(shorten(range, max)).toBe("Growth of…");
    }
    expect(shorten(range, 15)).toBe("Growth of 6–7%…");
  });

  it("never cuts inside a phrase it is told to keep", () => {
    const counted = "Japan has over 70 Japanese companies operating in Pakistan";
    expect(shorten(counted, 35, ["70 Japanese companies"])).toBe("Japan has over…");
  });

  it("keeps a bold span and a markdown link whole", () => {
    expect(shorten("Trade was **USD one point two six billion** in all", 30)).toBe("Trade was…");
    expect(shorten("See [the article](https://example.com/a) for more", 30)).toBe("See…");
  });

  it("cuts a single overlong word hard, still within the limit", () => {
    const cut = shorten("x".repeat(300), 100);
    expect(cut).toBe(`${"x".repeat(99)}…`);
  });

  it("does not leave a dangling escape backslash before the ellipsis", () => {
    expect(shorten("abc\\*defgh", 5)).toBe("abc…");
  });
});

describe("escaping", () => {
  it("defuses @everyone and @here with a zero-width space", () => {
    expect(neutralizeMentions("@everyone and @here")).toBe("@\u200beveryone and @\u200bhere");
  });

  it("defuses user, role, channel and command mentions", () => {
    expect(neutralizeMentions("<@123> <@!123> <@&456> <#789> </ask:1>")).toBe(
      "<\u200b@123> <\u200b@!123> <\u200b@&456> <\u200b#789> <\u200b/ask:1>",
    );
  });

  it("escapes bold, italics, code fences, spoilers and masked links", () => {
    expect(escapeMarkdown("**b** _i_ ```js``` ||s|| [x](y)")).toBe(
      "\\*\\*b\\*\\* \\_i\\_ \\`\\`\\`js\\`\\`\\` \\|\\|s\\|\\| \\[x\\](y)",
    );
  });

  it("escapes headings, lists and quotes only at the start of a line", () => {
    expect(escapeMarkdown("# Title\n- item\n> quote\n1. first\na - b # c")).toBe(
      "\\# Title\n\\- item\n\\> quote\n\\1. first\na - b # c",
    );
  });

  it("combines markdown escaping and mention defusing", () => {
    expect(escapeText("@everyone **now**")).toBe("@\u200beveryone \\*\\*now\\*\\*");
  });

  it("quotes every non-empty line", () => {
    expect(blockQuote("one\n\ntwo")).toBe("> one\n> two");
  });

  it("links only web addresses and escapes the label", () => {
    expect(link("A [b]", "https://example.com/x(1)")).toBe(
      "[A \\[b\\]](https://example.com/x%281%29)",
    );
    expect(link("Title", "javascript:alert(1)")).toBe("Title");
    expect(link("Title", null)).toBe("Title");
    expect(safeUrl("not a url")).toBeNull();
  });
});
