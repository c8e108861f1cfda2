import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index";
import { parseConsoleLine } from "../../src/console/parse";

describe("console lines for a command with subcommands", () => {
  it("reads the subcommand, then its options", () => {
    expect(parseConsoleLine("/article add url: https://example.com/a?b=1", commands)).toEqual({
      type: "command",
      name: "article",
      options: { subcommand: "add", url: "https://example.com/a?b=1" },
    });
    expect(parseConsoleLine("/article remove pakistan-japan-trade-ties", commands)).toEqual({
      type: "command",
      name: "article",
      options: { subcommand: "remove", id: "pakistan-japan-trade-ties" },
    });
    expect(parseConsoleLine("/article list", commands)).toMatchObject({
      options: { subcommand: "list" },
    });
  });

  it("takes a file option as a path on this machine", () => {
    expect(parseConsoleLine("/article add file: saved/oman.html", commands)).toMatchObject({
      options: { subcommand: "add", file: pathToFileURL(resolve("saved/oman.html")).href },
    });
  });

  it("names the subcommands when none or an unknown one is given", () => {
    for (const line of ["/article", "/article publish"]) {
      expect(parseConsoleLine(line, commands)).toEqual({
        type: "error",
        message: "/article needs one of: add, remove, list (e.g. /article add).",
      });
    }
  });
});
