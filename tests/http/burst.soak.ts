import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askBurst, type ServedBot, startServed } from "../support/serve-process";
import { plainText } from "../wire/harness";

/** 500 signed /ask at once at `npm run serve`: every one acknowledged within 3 s, and answered. */
describe("a burst of 500 over HTTP", () => {
  let served: ServedBot;

  beforeAll(async () => {
    served = await startServed();
    // A warm server, as after its first questions: the first answer pays for loading code.
    await askBurst(served.fake, 5);
  }, 45_000);

  afterAll(async () => {
    await served?.stop();
  });

  it("acknowledges each of 500 concurrent signed /ask within 3 s and answers every one", async () => {
    const burst = await askBurst(served.fake, 500);
    expect(burst.replies).toHaveLength(burst.sent.length);
    expect(burst.statuses.every((status) => status === 200)).toBe(true);
    expect(Math.max(...burst.responseMs)).toBeLessThan(3_000);
    for (const reply of burst.replies) {
      expect(plainText(reply.data)).toContain("$1.26 billion");
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    }
  });
});
