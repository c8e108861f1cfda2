/**
 * Starts the bot the way users do (`npm start`, or any npm script) against a fake Discord, reads
 * its JSON-lines log on stderr, and stops the whole process group (npm → tsx → node) afterwards.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

/** One stderr line: the parsed JSON object, or `{ raw }` when the line is not JSON. */
export type LogLine = Record<string, unknown>;

export interface BotProcessOptions {
  /** The fake's `apiUrl` (`http://127.0.0.1:PORT/api`). */
  apiUrl: string;
  applicationId: string;
  /** npm script to run; default `start`. */
  script?: string;
  /** Extra environment, e.g. `DISCORD_GUILD_ID`; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly logs: LogLine[];
  readonly stdout: string;
  readonly stderr: string;
  /** Exit code once the process has ended (null when killed by a signal), else undefined. */
  readonly exitCode: number | null | undefined;
  waitForLog(what: string, match: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine>;
  /** Resolves with the exit code; rejects after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<number | null>;
  /** SIGTERM to the process group, SIGKILL to whatever is left after `graceMs`; resolves once all have exited. */
  stop(graceMs?: number): Promise<void>;
}

const PROJECT_ROOT = resolve(import.meta.dirname, "../..");

export function startBot(options: BotProcessOptions): BotProcess {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The fake decides every Discord setting; nothing leaks in from the developer's shell.
    if (value !== undefined && !key.startsWith("DISCORD_")) env[key] = value;
  }
  Object.assign(env, {
    // Blank, not absent: dotenv leaves a set variable alone, so a developer's .env cannot
    // send commands to a guild or load a stale index behind the test's back.
    DISCORD_GUILD_ID: "",
    INDEX_CACHE_DIR: "",
    DISCORD_TOKEN: "fake-bot-token",
    DISCORD_APPLICATION_ID: options.applicationId,
    DISCORD_API_URL: options.apiUrl,
    CORPUS_DIR: "corpus",
    LOG_LEVEL: "debug",
    NO_COLOR: "1",
  });
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }

  const child = spawn("npm", ["run", "--silent", options.script ?? "start"], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });

  const logs: LogLine[] = [];
  let stdout = "";
  let stderr = "";
  let pending = "";
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) => {
    child.on("exit", (code) => {
      exitCode = code;
      done(code);
    });
  });
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) logs.push(parseLine(line));
  });

  const waitUntil = <T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> =>
    new Promise<T>((done, fail) => {
      const started = Date.now();
      const tick = () => {
        const found = probe();
        if (found !== undefined) return done(found);
        if (Date.now() - started > timeoutMs) {
          const tail = stderr.split("\n").slice(-15).join("\n");
          return fail(
            new Error(
              `bot process: gave up waiting for ${what} after ${timeoutMs} ms; stderr tail:\n${tail}`,
            ),
          );
        }
        setTimeout(tick, 20);
      };
      tick();
    });

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };

  return {
    child,
    logs,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    get exitCode() {
      return exitCode;
    },
    waitForLog: (what, match, timeoutMs) => waitUntil(what, () => logs.find(match), timeoutMs),
    waitForExit: (timeoutMs) =>
      Promise.race([
        exited,
        new Promise<never>((_, fail) =>
          setTimeout(
            () => fail(new Error(`bot process: did not exit within ${timeoutMs} ms`)),
            timeoutMs,
          ).unref(),
        ),
      ]),
    async stop(graceMs = 3_000) {
      if (child.pid === undefined) return;
      killGroup("SIGTERM");
      // npm exits on the signal before node has shut down, so watch the group, not npm.
      const deadline = Date.now() + graceMs;
      while (groupAlive(child.pid) && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 25));
      }
      killGroup("SIGKILL");
      if (exitCode === undefined) await exited;
    },
  };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parseLine(line: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as LogLine;
  } catch {
    // Not JSON: kept raw so a test can still see it.
  }
  return { raw: line };
}

/** The log line's text, whatever the logger calls it (`msg`, `message`, `event`). */
export function logText(line: LogLine): string {
  return [line.msg, line.message, line.event, line.raw]
    .filter((v) => typeof v === "string")
    .join(" ");
}

/** The log line's level as a word (`error`), whether logged as a word or a pino-style number. */
export function logLevel(line: LogLine): string {
  const level = line.level;
  if (typeof level === "string") return level.toLowerCase();
  if (typeof level === "number")
    return level >= 50 ? "error" : level >= 40 ? "warn" : level >= 30 ? "info" : "debug";
  return "";
}
