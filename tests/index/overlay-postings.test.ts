import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OverlayPostings } from "../../src/index/overlay-postings";

/**
 * Postings changed beside their packed entries must read, in every way MiniSearch reads a Map,
 * as a Map copied from the packed entries and changed the same way: order included, since
 * MiniSearch orders ties by it.
 */

type Op = { kind: "set"; doc: number; freq: number } | { kind: "delete"; doc: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    doc: fc.integer({ min: 0, max: 30 }),
    freq: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), doc: fc.integer({ min: 0, max: 30 }) }),
);

describe("postings changed beside the packed ones", () => {
  it("read as the Map copy changed the same way, in the same order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }),
        fc.array(op, { maxLength: 30 }),
        (docs, ops) => {
          const packed = new Map(docs.sort((a, b) => a - b).map((d) => [d, (d % 3) + 1]));
          const copy = new Map(packed);
          const overlay = new OverlayPostings(packed);
          for (const o of ops) {
            if (o.kind === "set") {
              copy.set(o.doc, o.freq);
              overlay.set(o.doc, o.freq);
            } else {
              expect(overlay.delete(o.doc)).toBe(copy.delete(o.doc));
            }
            expect([...overlay]).toEqual([...copy]);
            expect(overlay.size).toBe(copy.size);
          }
          for (let doc = 0; doc <= 30; doc++) {
            expect(overlay.get(doc)).toBe(copy.get(doc));
            expect(overlay.has(doc)).toBe(copy.has(doc));
          }
          expect([...overlay.keys()]).toEqual([...copy.keys()]);
          expect([...overlay.values()]).toEqual([...copy.values()]);
          expect(packed.size).toBe(docs.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("lets a walk delete entries as it goes, as MiniSearch's clean-up of discarded documents does", () => {
    const packed = new Map([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
    const overlay = new OverlayPostings(packed);
    overlay.set(7, 1);
    for (const [doc] of overlay) if (doc % 2 === 1) overlay.delete(doc);
    expect([...overlay]).toEqual([[2, 1]]);
  });
});
