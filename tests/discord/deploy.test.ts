import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index";
import { deployCommands, describeCommand } from "../../src/discord/deploy";

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

let server: Server;
let apiUrl: string;
const seen: Seen[] = [];

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((done) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    req.on("end", () => done(text));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const text = await bodyOf(req);
    const body = text ? JSON.parse(text) : null;
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
      body,
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify(Array.isArray(body) ? body.map((c, i) => ({ ...c, id: String(i + 1) })) : []),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

function run(env: Record<string, string>) {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith("DISCORD_")) clean[key] = value;
  }
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn("npx", ["tsx", "src/discord/deploy-commands.ts"], {
      env: {
        ...clean,
        DISCORD_TOKEN: "",
        DISCORD_APPLICATION_ID: "",
        DISCORD_GUILD_ID: "",
        DISCORD_API_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("exit", (code) => done({ code, stdout, stderr }));
  });
}

describe("deployCommands", () => {
  it("PUTs every definition to the guild through the configured REST base, with the bot token", async () => {
    seen.length = 0;
    const definitions = commands.map((c) => c.data);
    const deployed = await deployCommands(
      { token: "tok", applicationId: "111", guildId: "222", apiUrl },
      definitions,
    );
    expect(deployed).toEqual({
      scope: "guild 222",
      names: [
        "ask",
        "figures",
        "compare",
        "chart",
        "official",
        "sources",
        "insights",
        "help",
        "article",
      ],
    });
    expect(seen).toEqual([
      {
        method: "PUT",
        url: "/api/v10/applications/111/guilds/222/commands",
        authorization: "Bot tok",
        body: JSON.parse(JSON.stringify(definitions)),
      },
    ]);
  });

  it("registers globally without a guild", async () => {
    seen.length = 0;
    const deployed = await deployCommands(
      { token: "tok", applicationId: "111", guildId: null, apiUrl },
      [commands[0]?.data ?? { name: "x", description: "x" }],
    );
    expect(deployed.scope).toBe("global");
    expect(seen.map((s) => s.url)).toEqual(["/api/v10/applications/111/commands"]);
  });

  it("describes a command with its options, required ones starred", () => {
    expect(commands.map((c) => describeCommand(c.data))).toEqual([
      "/ask question* private — Ask about Pakistan's trade partnerships; the answer quotes its sources.",
      "/figures partner measure period — The figures in the articles: value, measure, period, source and article.",
      "/compare partners* measure — Two to four partners side by side: the same measures, each figure cited.",
      "/chart partner* measure — A chart of one measure for a partner over the periods the articles give.",
      "/official name — An official named in the articles: title, organisation, country and quotes.",
      "/sources — The articles Tijarat answers from, with what it found in each.",
      "/insights days forget — What this server asked, what went unanswered, what was disliked (Manage Server).",
      "/help — What Tijarat knows, and example questions.",
      "/article add|remove|list — Add a news article to what Tijarat answers from, list or remove them (admins).",
    ]);
  });
});

describe.concurrent("npm run deploy-commands", () => {
  it("prints what it registered", async () => {
    seen.length = 0;
    const result = await run({
      DISCORD_TOKEN: "secret-token",
      DISCORD_APPLICATION_ID: "111",
      DISCORD_GUILD_ID: "222",
      DISCORD_API_URL: apiUrl,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      "Registered 9 commands (guild 222) for application 111:",
      "  /ask question* private — Ask about Pakistan's trade partnerships; the answer quotes its sources.",
    ]);
    expect(seen.map((s) => s.url)).toEqual(["/api/v10/applications/111/guilds/222/commands"]);
  });

  it("stops with exit code 2 naming what is missing", async () => {
    const result = await run({ DISCORD_APPLICATION_ID: "111" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "deploy-commands needs DISCORD_TOKEN (see .env.example and docs/discord.md).",
    );
  });

  it("stops with exit code 2 naming a bad variable", async () => {
    const result = await run({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "abc" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DISCORD_APPLICATION_ID: must be a Discord id");
  });
});
