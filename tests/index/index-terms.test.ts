import { describe, expect, it } from "vitest";
import { IndexTermsWriter } from "../../src/index/index-terms";
import { PackedIndexBuilder } from "../../src/index/packed-index-builder";
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

/** A pack with its terms' rows in term order: the builder and MiniSearch order terms apart. */
function byTerm(pack: ReturnType<PassageIndex["pack"]>) {
  const fields = Object.keys(pack.meta.fieldIds).length;
  const rows = pack.meta.terms.map((term, t) => {
    const postings: number[][] = [];
    for (let f = 0; f < fields; f++) {
      const from = pack.ranges[t * fields + f] as number;
      const to = pack.ranges[t * fields + f + 1] as number;
      postings.push([...pack.docs.subarray(from, to)], [...pack.freqs.subarray(from, to)]);
    }
    return [term, postings] as const;
  });
  const { terms: _, ...meta } = pack.meta;
  return {
    meta,
    shortIds: [...pack.shortIds],
    fieldLengths: [...pack.fieldLengths],
    rows: rows.sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

describe("building the packed index from index terms worked out elsewhere", () => {
  it("packs exactly what MiniSearch packs after adding each passage, and finds the same", () => {
    const added = PassageIndex.build(passages);
    const rest = new IndexTermsWriter();
    for (const p of passages.slice(2))
      rest.passage([rest.field(tokens(p.title)), rest.field(tokens(p.text))]);
    // Filed in two runs, as ingest files them: each run's batch numbers its own terms.
    const inRuns = new PackedIndexBuilder();
    const first = new IndexTermsWriter();
    for (const p of passages.slice(0, 2))
      first.passage([first.field(tokens(p.title)), first.field(tokens(p.text))]);
    inRuns.file(
      passages.slice(0, 2).map((p) => p.id),
      first.done(),
    );
    inRuns.file(
      passages.slice(2).map((p) => p.id),
      rest.done(),
    );
    const pack = inRuns.pack();
    expect(byTerm(pack)).toEqual(byTerm(added.pack()));
    const built = PassageIndex.fromPack(pack);
    for (const q of [["trade", "china"], ["export"], ["eu", "textil"], ["it_"]]) {
      expect(built.find(q, 5)).toEqual(added.find(q, 5));
    }
  });

  it("starts empty as MiniSearch does", () => {
    expect(byTerm(new PackedIndexBuilder().pack())).toEqual(byTerm(PassageIndex.build([]).pack()));
  });

  it("refuses terms that do not match the passages they are filed for, and a passage twice", () => {
    const writer = new IndexTermsWriter();
    writer.passage([writer.field(tokens("a title")), writer.field(tokens("some text"))]);
    expect(() => new PackedIndexBuilder().file(["x:1", "x:2"], writer.done())).toThrow(
      /do not match/,
    );
    const once = new IndexTermsWriter();
    once.passage([once.field(tokens("a title")), once.field(tokens("some text"))]);
    const builder = new PackedIndexBuilder();
    builder.file(["x:1"], once.done());
    expect(() => builder.file(["x:1"], once.done())).toThrow(/duplicate ID x:1/);
  });

  it("files nothing of a batch it refuses for a duplicate passage", () => {
    const batch = (texts: string[]) => {
      const writer = new IndexTermsWriter();
      for (const text of texts)
        writer.passage([writer.field(tokens("a title")), writer.field(tokens(text))]);
      return writer.done();
    };
    const builder = new PackedIndexBuilder();
    builder.file(["x:1"], batch(["rice exports"]));
    expect(() => builder.file(["x:2", "x:1"], batch(["textile exports", "rice again"]))).toThrow(
      /duplicate ID x:1/,
    );
    const alone = new PackedIndexBuilder();
    alone.file(["x:1"], batch(["rice exports"]));
    expect(byTerm(builder.pack())).toEqual(byTerm(alone.pack()));
  });
});
