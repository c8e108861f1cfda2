import { REST, Routes } from "discord.js";
import { OptionType, type SlashCommandData } from "./command";

export interface DeployTarget {
  token: string;
  applicationId: string;
  /** Register to this one server (instant, for development); null: globally. */
  guildId: string | null;
  /** REST base including `/api`; null: Discord itself. */
  apiUrl: string | null;
}

export interface Deployed {
  scope: string;
  names: string[];
}

/**
 * Replaces the application's commands with `definitions` (one bulk PUT, so removed commands
 * disappear too) and returns what Discord registered.
 */
export async function deployCommands(
  target: DeployTarget,
  definitions: readonly SlashCommandData[],
): Promise<Deployed> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const registered = (await rest.put(route, { body: definitions })) as { name?: unknown }[];
  return {
    scope: target.guildId ? `guild ${target.guildId}` : "global",
    names: Array.isArray(registered)
      ? registered.map((command) => String(command.name))
      : definitions.map((d) => d.name),
  };
}

/**
 * `/ask question* private — description`, one line per command (* marks required options);
 * subcommands as `/article add|remove|list`.
 */
export function describeCommand(definition: SlashCommandData): string {
  const all = definition.options ?? [];
  const subcommands = all.filter((o) => o.type === OptionType.Subcommand).map((o) => o.name);
  const options =
    subcommands.length > 0
      ? [subcommands.join("|")]
      : all.map((o) => `${o.name}${o.required ? "*" : ""}`);
  return `/${[definition.name, ...options].join(" ")} — ${definition.description}`;
}
