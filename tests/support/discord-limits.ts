import { expect } from "vitest";
import { embedLength } from "../../src/discord/fit";
import { LIMITS } from "../../src/discord/limits";
import type { Reply } from "../../src/discord/payload";

/** Asserts every Discord limit and the no-mentions rule on one reply. */
export function expectWithinDiscordLimits(reply: Reply): void {
  expect(reply.allowed_mentions).toEqual({ parse: [] });
  expect(reply.content === undefined && reply.embeds === undefined).toBe(false);
  expect(reply.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  const embeds = reply.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.author);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
  const rows = reply.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.rows);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(ids.has(button.custom_id)).toBe(false);
      ids.add(button.custom_id);
    }
  }
}

/** Every string a user would read in the reply, joined. */
export function replyText(reply: Reply): string {
  const parts: string[] = [reply.content ?? ""];
  for (const embed of reply.embeds ?? []) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join("\n");
}
