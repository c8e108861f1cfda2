import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SharedCooldown } from "../../src/discord/shared-cooldown";
import { askerHash } from "../../src/insights/asker";
import { GuardedReads } from "../../src/insights/guarded-reads";
import { SqliteInsightsStore } from "../../src/insights/sqlite-store";
import type { CooldownStore } from "../../src/insights/store";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-shared-cooldown-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const hash = askerHash("a-salt-for-the-cooldown-tests-0123456789");
const USER = "417293846150982736";

// A generous timeout: this test is about counting, not about a slow store.
const cooldownOn = (store: CooldownStore, now: () => number) =>
  new SharedCooldown({
    store,
    reads: new GuardedReads({ timeoutMs: 5_000 }),
    hash,
    requests: 2,
    seconds: 10,
    now,
  });

describe("a cooldown shared through the store", () => {
  it("counts a user's requests whichever process gets them, and says when to come back", async () => {
    const path = join(scratch, "shared", "insights.db");
    const [first, second] = [0, 1].map(() => new SqliteInsightsStore({ path }));
    await first?.open();
    await second?.open();
    let now = 1_000_000;
    const a = cooldownOn(first as SqliteInsightsStore, () => now);
    const b = cooldownOn(second as SqliteInsightsStore, () => now);
    expect(await a.take(USER)).toEqual({ allowed: true });
    now += 3_000;
    expect(await b.take(USER)).toEqual({ allowed: true });
    expect(await a.take(USER)).toEqual({ allowed: false, retryAfterSeconds: 7 });
    expect(await b.take("another-user")).toEqual({ allowed: true });
    now += 7_000;
    expect(await b.take(USER)).toEqual({ allowed: true });
    await Promise.all([first?.close(), second?.close()]);
    // Counted by the salted hash, never by the id, in the database or its write-ahead log.
    const bytes = Buffer.concat(
      [path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file)),
    );
    expect(bytes.includes(Buffer.from(hash(USER)))).toBe(true);
    expect(bytes.includes(Buffer.from(USER))).toBe(false);
  });

  it("decides from this process's own count when the store fails", async () => {
    const failing: CooldownStore = {
      takeCooldown: async () => {
        throw new Error("connect ECONNREFUSED");
      },
    };
    const cooldown = cooldownOn(failing, () => 0);
    expect((await cooldown.take(USER)).allowed).toBe(true);
    expect((await cooldown.take(USER)).allowed).toBe(true);
    expect(await cooldown.take(USER)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });
});
