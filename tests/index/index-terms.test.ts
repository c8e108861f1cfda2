import { describe, expect, it } from "vitest";
import { IndexTermsWriter } from "../../src/index/index-terms";
import { type IndexedPassage, PassageIndex } from "../../src/index/passage-index";
import { words } from "../../src/text/terms";

const tokens = (text: string) => words(text).map((w) => w.word);

const passages: IndexedPassage[] = [
  {
    id: "a:1",
    title: "Pakistan and China trade",
    text: "Trade with China rose; trade with the US fell.",
  },
  {
    id: "a:2",
    title: "Pakistan and China trade",
    text: "The IT sector's exports, IT services and U.S. buyers.",
  },
  {
    id: "b:1",
    title: "",
    text: "Textiles and textile exports to the EU: the EU is the largest buyer.",
  },
];

describe("filing index terms worked out elsewhere", () => {
  it("leaves the index exactly as adding each passage would", () => {
    const added = PassageIndex.build(passages);
    const writer = new IndexTermsWriter();
    for (const p of passages)
      writer.passage([writer.field(tokens(p.title)), writer.field(tokens(p.text))]);
    const filed = PassageIndex.build([]);
    filed.fileTerms(
      passages.map((p) => p.id),
      writer.done(),
    );
    expect(JSON.stringify(filed.toJSON())).toBe(JSON.stringify(added.toJSON()));
    expect(filed.find(["trade", "china"], 5)).toEqual(added.find(["trade", "china"], 5));
  });

  it("refuses terms that do not match the passages they are filed for", () => {
    const writer = new IndexTermsWriter();
    writer.passage([writer.field(tokens("a title")), writer.field(tokens("some text"))]);
    expect(() => PassageIndex.build([]).fileTerms(["x:1", "x:2"], writer.done())).toThrow(
      /do not match/,
    );
  });
});
