import { describe, expect, it } from "vitest";
import { isCorpusChangeMessage } from "../../src/live/shard-sync";

describe("article changes between shards", () => {
  it.each([
    [{ type: "tijarat:corpus-change", change: { op: "add", id: "a" }, from: 12 }, true],
    [{ type: "tijarat:corpus-change", change: { op: "remove", id: "a" }, from: 12 }, true],
    [{ type: "tijarat:corpus-change", change: { op: "drop", id: "a" }, from: 12 }, false],
    [{ type: "tijarat:corpus-change", change: { op: "add" }, from: 12 }, false],
    [{ type: "tijarat:corpus-change", change: { op: "add", id: "a" } }, false],
    [{ _eval: "this.guilds.cache.size" }, false],
    [{ _ready: true }, false],
    [null, false],
    ["tijarat:corpus-change", false],
  ])("tells a corpus change from discord.js's own shard messages: %j → %s", (message, is) => {
    expect(isCorpusChangeMessage(message)).toBe(is);
  });
});
