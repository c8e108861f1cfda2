import type { z } from "zod";
import type { CommandOptions } from "./command";
import type { Reply } from "./payload";
import { renderNotice } from "./render";
import { escapeText } from "./text";

/**
 * Checks a command's options with its zod schema. A bad option becomes a short ephemeral note
 * naming it, never an exception: Discord enforces most limits itself, but the console does not.
 */
export function parseOptions<Schema extends z.ZodType>(
  schema: Schema,
  options: CommandOptions,
): { ok: true; value: z.infer<Schema> } | { ok: false; reply: Reply } {
  const result = schema.safeParse(options);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join(".") || "options";
    const given = options[name];
    if (issue.code === "too_big" && typeof given === "string") {
      return `\`${name}\` is ${given.length.toLocaleString("en-US")} characters long; the limit is ${String(issue.maximum)}.`;
    }
    return `\`${name}\`: ${escapeText(issue.message)}`;
  });
  return { ok: false, reply: renderNotice(problems.join("\n")) };
}
