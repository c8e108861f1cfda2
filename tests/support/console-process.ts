/** `npm start`'s program with no DISCORD_TOKEN, fed through a pipe, as a person scripting it would. */
import { spawn } from "node:child_process";

/** The process's environment without Discord settings, so a developer's .env cannot turn the console into the bot. */
export function consoleEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith("DISCORD_")) env[key] = value;
  }
  return { ...env, DISCORD_TOKEN: "", CORPUS_DIR: "corpus", LOG_LEVEL: "warn", ...extra };
}

export function runConsoleProcess(lines: string[], env: Record<string, string> = consoleEnv()) {
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
