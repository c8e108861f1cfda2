import { describe, expect, it } from "vitest";
import { SnapshotError } from "../../src/snapshot/container";
import { termColumns, termLists } from "../../src/snapshot/term-columns";

describe("term lists as columns", () => {
  const measure = [["trade", "volum"], [], ["export"]];
  const sentence = [["pakistan", "trade"], ["export", "rice", "rice"], []];
  const columns = termColumns([measure, sentence]);

  it("come back as the same lists, repeats and empty lists included", () => {
    const [m, s] = columns.groups;
    expect(
      termLists(columns.dictionary, m?.at ?? new Uint32Array(), m?.ids ?? new Uint32Array()),
    ).toEqual(measure);
    expect(
      termLists(columns.dictionary, s?.at ?? new Uint32Array(), s?.ids ?? new Uint32Array()),
    ).toEqual(sentence);
  });

  it("number terms by first appearance, the first group's lists before the next's", () => {
    expect(columns.dictionary).toEqual(["trade", "volum", "export", "pakistan", "rice"]);
  });

  it("refuse columns that do not hold together", () => {
    expect(() => termLists(["a"], Uint32Array.from([0, 2]), Uint32Array.from([0, 1]))).toThrow(
      SnapshotError,
    );
    expect(() => termLists(["a"], Uint32Array.from([0, 2]), Uint32Array.from([0]))).toThrow(
      SnapshotError,
    );
  });
});
