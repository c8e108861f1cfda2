import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rivalProbabilities, THRESHOLD, WEIGHTS, WeightsSchema } from "../../src/answer/model";

describe("the answer model", () => {
  it("is read from the weights file that eval/fit.ts writes, and is valid", () => {
    const file = JSON.parse(readFileSync("src/answer/data/weights.json", "utf8"));
    expect(WeightsSchema.parse(file)).toEqual(WEIGHTS);
    expect(THRESHOLD).toBeGreaterThan(0.3);
    expect(THRESHOLD).toBeLessThan(0.95);
  });

  it("weighs the slots a question names for a figure as speaking for it", () => {
    const w = WEIGHTS.kinds.figure.weights;
    for (const slot of ["partner", "period", "kind", "slots", "local"]) {
      expect(w[slot], slot).toBeGreaterThan(0);
    }
    for (const against of ["surplus", "behind", "unseen"]) {
      expect(w[against], against).toBeLessThan(0);
    }
  });

  it("shares belief between strong rivals and none with weak ones", () => {
    const [alone] = rivalProbabilities([3]);
    const [a, b] = rivalProbabilities([3, 3]);
    expect(alone).toBeGreaterThan(0.9);
    expect(a).toBeCloseTo(b ?? 0);
    expect(a).toBeLessThan(0.5);
  });

  it("lets only the few best candidates compete, so a long tail of weak ones dilutes nothing", () => {
    const [best] = rivalProbabilities([3, ...new Array(200).fill(-1)]);
    expect(best).toBeGreaterThan(0.85);
  });

  it("gives a conflicted candidate (a null score) no share", () => {
    expect(rivalProbabilities([null, 2])).toEqual([0, expect.any(Number)]);
  });
});
