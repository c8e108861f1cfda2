import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log";

function capture(level: "debug" | "info" | "warn" | "error", secrets: string[] = []) {
  const lines: string[] = [];
  const log = createLogger({
    level,
    secrets,
    write: (line) => lines.push(line),
    now: () => new Date("2025-01-01T00:00:00.000Z"),
  });
  return { log, lines };
}

describe("createLogger", () => {
  it("writes one JSON object a line with time, level and message", () => {
    const { log, lines } = capture("info");
    log.info("engine loaded", { articles: 3 });
    expect(lines).toEqual([
      '{"time":"2025-01-01T00:00:00.000Z","level":"info","msg":"engine loaded","articles":3}\n',
    ]);
  });

  it("drops lines below its level", () => {
    const { log, lines } = capture("warn");
    log.debug("a");
    log.info("b");
    log.warn("c");
    log.error("d");
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["c", "d"]);
  });

  it("never prints the token, even inside an error's message and stack", () => {
    const token = "MTIz.secret-token.XYZ";
    const { log, lines } = capture("debug", [token]);
    log.error("login failed", { error: new Error(`bad token ${token}`), token });
    expect(lines.join("")).not.toContain(token);
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry.token).toBe("[redacted]");
    expect(entry.error.message).toBe("bad token [redacted]");
  });
});
