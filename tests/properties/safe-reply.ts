import { expect } from "vitest";
import { LIMITS } from "../../src/discord/limits";
import type { Choice, Reply } from "../../src/discord/payload";
import type { InteractionResponse } from "../../src/discord/router";
import { expectWithinDiscordLimits, replyText } from "../support/discord-limits";
import { RAW_MENTION } from "./hostile-text";

/**
 * A markdown link's target is not shown and never parsed for mentions, and an article's URL may
 * lawfully hold `@` (`?q=@here`), so targets are left out of what a reader sees.
 */
const LINK_TARGET = /\]\((?:https?:\/\/)[^)\s]*\)/g;

/** Every Discord limit, `allowed_mentions: { parse: [] }`, and no raw mention anyone could read. */
export function expectSafeReply(reply: Reply): void {
  expectWithinDiscordLimits(reply);
  const labels = (reply.components ?? []).flatMap((row) =>
    row.components.map((button) => button.label ?? ""),
  );
  const visible = [replyText(reply), ...labels].join("\n").replace(LINK_TARGET, "]");
  expect(visible).not.toMatch(RAW_MENTION);
}

/** Autocomplete as Discord accepts it: 0–25 choices, names and values 1–100 characters. */
export function expectSafeChoices(choices: readonly Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
    expect(choice.value.length).toBeGreaterThan(0);
    expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
  }
}

export function expectSafeResponse(response: InteractionResponse): void {
  if (response.type === "choices") expectSafeChoices(response.choices);
  else if (response.type === "reply" || response.type === "update") expectSafeReply(response.reply);
  // A deferred reply is checked when it arrives; a modal holds no text from the user.
}
