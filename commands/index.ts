import type { Command } from "../src/discord/command";
import { command as article } from "./article";
import { command as ask } from "./ask";
import { command as chart } from "./chart";
import { command as compare } from "./compare";
import { command as figures } from "./figures";
import { command as help } from "./help";
import { command as insights } from "./insights";
import { command as official } from "./official";
import { command as sources } from "./sources";

/** Every slash command, in the order /help and deployment list them. */
export const commands: readonly Command[] = [
  ask,
  figures,
  compare,
  chart,
  official,
  sources,
  insights,
  help,
  article,
];

export const commandNamed = (name: string): Command | undefined =>
  commands.find((command) => command.data.name === name);
