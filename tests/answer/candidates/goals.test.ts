import { describe, expect, it } from "vitest";
import { isGoal } from "../../../src/answer/candidates/figures";
import { figureIn } from "../../compare/figure-in";

const goal = (sentence: string, value: string) =>
  isGoal(figureIn(sentence, value, { measure: "trade" }));

describe("telling a goal from a result", () => {
  const sentence =
    '"Mutual trade turnover had exceeded USD 400 million and we have plans to increase that to USD 2 billion," Mirziyoyev said.';

  it("reads the plan as the second figure's, not the first's", () => {
    expect(goal(sentence, "USD 400 million")).toBe(false);
    expect(goal(sentence, "USD 2 billion")).toBe(true);
  });

  it("keeps a target stated in the figure's own clause", () => {
    expect(
      goal("The two sides aim to raise bilateral trade to $5 billion by 2030.", "$5 billion"),
    ).toBe(true);
  });
});

describe("telling a prospect of firms coming from a count of firms present", () => {
  it("reads 'will also arrive' as a prospect and 'are operating' as a result", () => {
    const coming = figureIn(
      "“Two to three more Japanese companies will also arrive in Pakistan,” the consul general said.",
      "Two to three",
      { measure: "Japanese companies" },
    );
    const present = figureIn(
      "Currently, a total of 80 Japanese companies are successfully operating in Pakistan.",
      "80",
      { measure: "Japanese companies" },
    );
    expect(isGoal(coming)).toBe(true);
    expect(isGoal(present)).toBe(false);
  });
});
