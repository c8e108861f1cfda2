import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CONSOLE_BANNER } from "../../src/console/console";

/** `npm start`'s program with no DISCORD_TOKEN, fed through a pipe, as a person scripting it would. */
function runConsole(lines: string[]) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith("DISCORD_")) env[key] = value;
  }
  // Blank values stop a developer's .env from turning the console into the bot.
  Object.assign(env, { DISCORD_TOKEN: "", CORPUS_DIR: "corpus", LOG_LEVEL: "warn" });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn("npx", ["tsx", "src/main.ts"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("exit", (code) => done({ code, stdout, stderr }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

describe("the local console through a pipe", () => {
  it("answers the dev questions from the corpus and exits 0 at end of input", async () => {
    const result = await runConsole([
      "/ask question: What was the trade volume between Pakistan and Japan?",
      "/official name: Haroon",
      "/figures partner: Japan",
      "/sources",
      "/help",
    ]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out.split("\n")[0]).toBe(CONSOLE_BANNER);
    expect(out).not.toContain("tijarat>");
    expect(out).toContain("## What was the trade volume between Pakistan and Japan?");
    expect(out).toContain("**$1.26 billion**");
    expect(out).toContain("## Haroon Akhtar Khan");
    expect(out).toContain("## Figures — partner: Japan");
    expect(out).toContain("## Sources — 3 articles");
    expect(out).toContain("## Tijarat — Pakistan's trade partnerships, from the news");
  });
});
