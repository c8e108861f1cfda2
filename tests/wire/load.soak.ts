import { describe, expect, it } from "vitest";
import { acknowledgements, DISCORD_DEADLINE_MS, mistakes, sendBurst } from "./bursts";
import { wiredBotForSuite } from "./harness";

describe("load over the wire, beyond one process (npm run soak)", () => {
  const bot = wiredBotForSuite();

  /**
   * None lost at 1,000 at once. Not held to the 3 s deadline: the bot spends about 4 ms of CPU an
   * /ask (discord.js and the engine), so on this 2-core machine the last of 1,000 replies came
   * 2.5–18.7 s after dispatch, and even acknowledging early, about half were acknowledged after
   * 3 s (2026-11-30, last at 5.4 s) — beyond what one process can serve in time (shard or run
   * replicas for that), which the logged figures keep in view.
   */
  it("answers 1,000 /ask dispatched at once, each user once and with their own answer", {
    timeout: 60_000,
  }, async () => {
    const { asked, replies } = await sendBurst(bot(), 1_000, 40_000);
    const acknowledged = acknowledgements(bot(), asked).map(
      (r) => r.ms ?? Number.POSITIVE_INFINITY,
    );
    console.log(
      `1,000 /ask at once: last acknowledged ${Math.max(...acknowledged)} ms after dispatch, ${acknowledged.filter((ms) => ms > DISCORD_DEADLINE_MS).length} later than 3 s`,
    );
    expect(mistakes(bot(), asked, replies)).toEqual([]);
  });
});
