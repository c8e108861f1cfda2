import { LIMITS } from "./limits";
import type { Choice } from "./payload";
import { shorten } from "./text";

/**
 * Autocomplete choices for what a user has typed so far: names starting with it first, then
 * names containing it; at most 25, each name and value at most 100 characters, no duplicates.
 */
export function choicesFor(names: readonly string[], typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  // Discord refuses a choice with a blank name.
  const unique = [...new Set(names)].filter((name) => name.trim() !== "");
  const starts = unique.filter((name) => name.toLowerCase().startsWith(needle));
  const contains = unique.filter(
    (name) => !name.toLowerCase().startsWith(needle) && name.toLowerCase().includes(needle),
  );
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const name of [...starts, ...contains]) {
    const value = name.slice(0, LIMITS.choiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: shorten(name, LIMITS.choiceName), value });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}
