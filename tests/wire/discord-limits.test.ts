import { describe, expect, it } from "vitest";
import {
  autocompleteViolations,
  commandsViolations,
  mentionLeaks,
  messageViolations,
} from "./discord-limits";

describe("Discord payload limits", () => {
  it("accepts a message within every limit", () => {
    const body = {
      content: "x".repeat(2000),
      embeds: [
        {
          title: "t",
          description: "d".repeat(4096),
          fields: [{ name: "n", value: "v".repeat(1024) }],
        },
      ],
      components: [
        {
          type: 1,
          components: [{ type: 2, style: 1, label: "Show passage", custom_id: "passage:1" }],
        },
      ],
    };
    expect(messageViolations(body)).toEqual([]);
  });

  it("names content over 2000 characters and an embed field value over 1024", () => {
    const body = {
      content: "x".repeat(2001),
      embeds: [{ fields: [{ name: "n", value: "v".repeat(1025) }] }],
    };
    expect(messageViolations(body)).toEqual([
      "content is 2001 long (max 2000)",
      "embeds[0].fields[0].value is 1025 long (max 1024)",
    ]);
  });

  it("counts all embeds of a message toward the 6000-character total", () => {
    const embed = { description: "d".repeat(3001) };
    expect(messageViolations({ embeds: [embed, embed] })).toEqual([
      "embeds total 6002 characters (max 6000)",
    ]);
  });

  it("refuses six buttons in one row and a custom_id over 100 characters", () => {
    const button = (id: string) => ({ type: 2, style: 2, label: "b", custom_id: id });
    const row = { type: 1, components: ["a", "b", "c", "d", "e", "f".repeat(101)].map(button) };
    expect(messageViolations({ components: [row] })).toEqual([
      "components[0] holds 6 components (1 to 5)",
      "components[0].components[5].custom_id is 101 long (max 100)",
    ]);
  });

  it("refuses 26 autocomplete choices and a choice name over 100 characters", () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({
      name: i === 0 ? "n".repeat(101) : `c${i}`,
      value: `${i}`,
    }));
    expect(autocompleteViolations({ choices })).toEqual([
      "26 choices (max 25)",
      "choices[0].name is 101 long (1 to 100)",
    ]);
  });

  it("refuses a command with an upper-case name and a required option after an optional one", () => {
    const body = [
      {
        name: "Ask",
        description: "Ask",
        options: [
          { name: "private", description: "p", type: 5 },
          { name: "question", description: "q", type: 3, required: true },
        ],
      },
    ];
    expect(commandsViolations(body)).toEqual([
      "commands[0] (Ask) has an invalid name",
      "commands[0] (Ask).options[1] (question) is required but follows an optional option",
    ]);
  });

  it("reports a message without allowed_mentions as leaking and accepts parse: []", () => {
    expect(mentionLeaks({ content: "@everyone" })).toEqual([
      "no allowed_mentions: Discord parses every mention in content",
    ]);
    expect(mentionLeaks({ content: "@everyone", allowed_mentions: { parse: ["users"] } })).toEqual([
      'allowed_mentions.parse is ["users"]',
    ]);
    expect(mentionLeaks({ content: "@everyone", allowed_mentions: { parse: [] } })).toEqual([]);
  });
});
