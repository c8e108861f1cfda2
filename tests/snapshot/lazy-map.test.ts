import { describe, expect, it } from "vitest";
import { LazyMap } from "../../src/snapshot/lazy-map";

const KEYS = ["a", "b", "c", "d"];

function lazy() {
  const made: string[] = [];
  const map = new LazyMap<{ key: string }>(
    (key) => {
      if (!KEYS.includes(key)) return undefined;
      made.push(key);
      return { key };
    },
    () => KEYS,
    KEYS.length,
  );
  return { map, made };
}

describe("a map whose entries are made on first use", () => {
  it("makes only the entry asked for, once, and knows its size without making any", () => {
    const { map, made } = lazy();
    expect(map.size).toBe(4);
    expect(map.get("c")).toEqual({ key: "c" });
    expect(map.get("c")).toBe(map.get("c"));
    expect(map.has("b")).toBe(true);
    expect(map.has("z")).toBe(false);
    expect(map.get("z")).toBeUndefined();
    expect(made).toEqual(["c", "b"]);
  });

  it("iterates every entry in key order, whatever was asked for first, keeping those made", () => {
    const { map, made } = lazy();
    const c = map.get("c");
    expect([...map.keys()]).toEqual(KEYS);
    expect([...map.values()].map((v) => v.key)).toEqual(KEYS);
    expect(map.get("c")).toBe(c);
    expect(made).toEqual(["c", "a", "b", "d"]);
  });

  it("changes like a Map once every entry is made", () => {
    const { map } = lazy();
    map.set("e", { key: "e" });
    expect(map.delete("a")).toBe(true);
    expect([...map.keys()]).toEqual(["b", "c", "d", "e"]);
    expect(map.size).toBe(4);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get("b")).toBeUndefined();
  });
});
