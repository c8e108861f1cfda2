import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logText, startBot } from "../support/bot-process";
import {
  askBurst,
  expectEveryAskAnswered,
  JAPAN,
  type ServedBot,
  startServed,
} from "../support/serve-process";
import { postInteraction, signatureHeaders } from "../support/signing";
import { freshUser, plainText } from "../wire/harness";

/**
 * `npm run serve` end to end, as a deployment runs it: its own process on a port of its own,
 * Discord (the fake) POSTing signed interactions to it and taking its webhook edits. The burst
 * of 500 is in `burst.soak.ts` (`npm run soak`): beside the suite's other load test on two cores
 * it measures the machine more than the server.
 */
describe("npm run serve", () => {
  let served: ServedBot;

  beforeAll(async () => {
    served = await startServed();
  }, 45_000);

  afterAll(async () => {
    await served?.stop();
  });

  it("says /healthz 200 once loaded, and PONG to a signed PING", async () => {
    const { base, keys } = served;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ping = JSON.stringify({ id: "1", application_id: "2", type: 1, token: "t" });
    expect(
      await postInteraction(`${base}/interactions`, ping, signatureHeaders(keys.privateKey, ping)),
    ).toEqual({ status: 200, json: { type: 1 } });
    expect((await postInteraction(`${base}/interactions`, ping, {})).status).toBe(401);
  });

  it("answers a signed /ask in the HTTP response", async () => {
    const sent = served.fake.command("ask", { question: JAPAN }, freshUser());
    const reply = await served.fake.waitForReply(sent.id, 10_000);
    expect(reply.callbackType).toBe(4);
    expect(plainText(reply.data)).toContain("$1.26 billion");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers 100 concurrent signed /ask, each acknowledged within Discord's 3 s", async () => {
    const burst = await askBurst(served.fake, 100);
    expectEveryAskAnswered(burst);
  }, 60_000);

  it("finishes what is in flight on SIGTERM, then stops", async () => {
    const { fake, serve } = served;
    const sent = fake.command("chart", { partner: "Japan", measure: "trade volume" }, freshUser());
    await fake.waitForDelivery(sent.id, 5_000);
    // npm exits on the signal before node has shut down, so the log tells how node ended.
    await serve.stop(10_000);
    expect(fake.replyTo(sent.id)).toBeDefined();
    expect(serve.logs.some((line) => logText(line) === "shutting down")).toBe(true);
    expect(serve.logs.some((line) => line.level === "error")).toBe(false);
  });
});

describe("npm run serve without DISCORD_PUBLIC_KEY", () => {
  it("stops at start-up with exit code 2, naming the variable", async () => {
    const serve = startBot({
      script: "serve",
      apiUrl: "http://127.0.0.1:9/api",
      applicationId: "1",
      env: { DISCORD_TOKEN: undefined, DISCORD_PUBLIC_KEY: "" },
    });
    expect(await serve.waitForExit(15_000)).toBe(2);
    expect(serve.stderr).toContain("DISCORD_PUBLIC_KEY: must be set");
  });
});
