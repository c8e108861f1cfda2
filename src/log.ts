/**
 * Structured logs: one JSON object a line on stderr (stdout stays free for the console's
 * replies), with a level. Secrets given at creation are replaced wherever they appear, so a
 * token cannot reach a log even inside an error message or a stack.
 */

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Strings never to print (the bot token). */
  secrets?: readonly (string | null | undefined)[];
  write?: (line: string) => void;
  now?: () => Date;
}

/** Errors do not serialise to JSON by themselves; keep what helps: name, message, stack, code. */
function plain(value: unknown): unknown {
  if (value instanceof Error) {
    const extra = value as Error & { code?: unknown; status?: unknown };
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      ...(extra.code !== undefined ? { code: extra.code } : {}),
      ...(extra.status !== undefined ? { status: extra.status } : {}),
    };
  }
  return value;
}

export const REDACTED = "[redacted]";

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? "info");
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => typeof secret === "string" && secret.length >= 4,
  );
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());

  const redact = (line: string): string => {
    let clean = line;
    for (const secret of secrets) {
      clean = clean.split(secret).join(REDACTED);
      // JSON escaping could change how a secret with quotes or backslashes is spelled.
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret) clean = clean.split(escaped).join(REDACTED);
    }
    return clean;
  };

  const log = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const entry: LogFields = { time: now().toISOString(), level, msg };
    for (const [key, value] of Object.entries(fields)) entry[key] = plain(value);
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ time: entry.time, level, msg, note: "fields not serialisable" });
    }
    write(`${redact(line)}\n`);
  };

  return {
    debug: (msg, fields) => log("debug", msg, fields),
    info: (msg, fields) => log("info", msg, fields),
    warn: (msg, fields) => log("warn", msg, fields),
    error: (msg, fields) => log("error", msg, fields),
  };
}
