import { describe, expect, it } from "vitest";
import { attachStatements, statementsToBytes } from "../../src/snapshot/official-statements";
import type { Official } from "../../src/types";

const body = "The minister said trade would grow. Exports rose, Ms Khan noted.";
const sentence = (start: number, end: number) => ({
  articleId: "a1",
  passageId: "a1#0",
  sentence: body.slice(start, end),
  sentenceStart: start,
  sentenceEnd: end,
});

const official: Official = {
  name: "Sara Khan",
  aliases: ["Ms Khan"],
  title: "Minister",
  organization: null,
  country: "Pakistan",
  kind: "official",
  offices: [],
  quotes: [{ text: "trade would grow", ...sentence(0, 35) }],
  articleIds: ["a1"],
  mentions: [{ ...sentence(36, 64) } as Official["mentions"][number]],
  associates: [],
} as unknown as Official;

/** As the snapshot stores it: placeholders where the statements stood, read back as JSON. */
function restored(sliced: string[]): Official {
  const { bytes, ends } = statementsToBytes([official]);
  const head = JSON.parse(JSON.stringify({ ...official, quotes: 0, mentions: 0 }));
  const [back] = attachStatements([head], Buffer.from(bytes), ends, (_, start, end) => {
    sliced.push(`${start}-${end}`);
    return body.slice(start, end);
  });
  return back as Official;
}

describe("officials' statements in the snapshot", () => {
  it("are decoded only when first read, then read as written, the official's keys in order", () => {
    const sliced: string[] = [];
    const back = restored(sliced);
    expect(back.name).toBe("Sara Khan");
    expect(Object.keys(back)).toEqual(Object.keys(official));
    expect(sliced).toEqual([]);
    expect(back).toEqual(official);
    expect(sliced).toEqual(["0-35", "36-64"]);
    back.quotes;
    expect(sliced).toHaveLength(2);
  });

  it("take a new list assigned before they were read", () => {
    const back = restored([]);
    back.mentions = [];
    expect(back.mentions).toEqual([]);
    expect(back.quotes).toEqual(official.quotes);
    expect({ ...back }).toEqual({ ...official, mentions: [] });
  });
});
