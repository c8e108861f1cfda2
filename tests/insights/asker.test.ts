import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { askerHash, loadSalt, saltFileFor } from "../../src/insights/asker";
import { createLogger, type LogFields } from "../../src/log";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-asker-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capturingLog() {
  const lines: LogFields[] = [];
  return { lines, log: createLogger({ write: (line) => lines.push(JSON.parse(line)) }) };
}

describe("askerHash", () => {
  it("gives one person the same hash and two people different ones, without the id in it", () => {
    const hash = askerHash("a-salt-long-enough-for-the-test-000");
    const id = "123456789012345678";
    expect(hash(id)).toBe(hash(id));
    expect(hash(id)).not.toBe(hash("123456789012345679"));
    expect(hash(id)).not.toContain(id);
    expect(hash(id)).toMatch(/^[\w-]{22}$/);
  });

  it("hashes the same id differently under another salt", () => {
    expect(askerHash("salt-one-salt-one-salt-one-000")("42")).not.toBe(
      askerHash("salt-two-salt-two-salt-two-000")("42"),
    );
  });
});

describe("loadSalt", () => {
  it("uses INSIGHTS_SALT when given, and writes no file", () => {
    const file = join(scratch, "given", "insights.db.salt");
    const { log } = capturingLog();
    expect(loadSalt({ salt: "configured-secret-salt", file, log })).toBe("configured-secret-salt");
    expect(() => statSync(file)).toThrow();
  });

  it("generates one on first start, beside the database, readable by its owner only, and keeps it", () => {
    const file = saltFileFor(join(scratch, "kept", "insights.db"));
    expect(file).toBe(join(scratch, "kept", "insights.db.salt"));
    const { log, lines } = capturingLog();
    const first = loadSalt({ salt: null, file, log });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSalt({ salt: null, file, log })).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(lines).toEqual([]);
  });

  it("goes on with a salt for this run only, and says so, when the file cannot be kept", () => {
    const blocker = join(scratch, "blocker");
    writeFileSync(blocker, "a file, not a folder");
    const { log, lines } = capturingLog();
    const salt = loadSalt({ salt: null, file: join(blocker, "insights.db.salt"), log });
    expect(salt.length).toBeGreaterThanOrEqual(32);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("warn");
    expect(JSON.stringify(lines)).not.toContain(salt);
  });
});
