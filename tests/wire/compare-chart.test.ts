import { rmSync } from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logText } from "../support/bot-process";
import { chartCorpus } from "../support/chart-corpus";
import { messageViolations } from "./discord-limits";
import { freshUser, plainText, startWiredBot, type WiredBot } from "./harness";

/**
 * /compare and /chart over the wire: the real bot (`npm start`) against the fake Discord, on a
 * corpus with China's trade over several fiscal years. The fake refuses any payload past
 * Discord's limits, so a reply that arrives is within them.
 */
describe("/compare and /chart over the wire", () => {
  const corpus = chartCorpus();
  let wired: WiredBot;

  beforeAll(async () => {
    wired = await startWiredBot({ CORPUS_DIR: corpus });
    // The renderer loads once the bot is logged in; the latency below is a warm bot's.
    await wired.bot.waitForLog(
      "the chart renderer to load",
      (line) => /command prepared/.test(logText(line)) && line.command === "chart",
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    await wired?.stop();
    rmSync(corpus, { recursive: true, force: true });
  });

  it("/compare answers with a table of both partners, within limits, pinging nobody", async () => {
    const sent = wired.fake.command("compare", { partners: "Japan, China" }, freshUser());
    const reply = await wired.fake.waitForReply(sent.id, 10_000);
    expect(messageViolations(reply.data)).toEqual([]);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const text = plainText(reply.data);
    expect(text).toContain("Japan: $1.26 billion · FY2022-23 [1]");
    expect(text).toContain("China:");
    expect(text).toContain("which stood at $1.26 billion in the fiscal year 2022-23");
    expect(reply.latencyMs).toBeLessThan(3_000);
  });

  it("/chart attaches the PNG the embed shows, within limits and within Discord's 3 s", async () => {
    const sent = wired.fake.command(
      "chart",
      { partner: "China", measure: "trade volume" },
      freshUser(),
    );
    const reply = await wired.fake.waitForReply(sent.id, 10_000);
    expect(messageViolations(reply.data)).toEqual([]);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const embed = (reply.data.embeds as Record<string, unknown>[])[0] ?? {};
    expect(embed.image).toEqual({ url: "attachment://chart.png" });
    const call = await wired.fake.waitForCallback(sent.id, 1_000);
    expect(call.files).toBe(1);
    const [file] = call.attachments;
    expect(file?.filename).toBe("chart.png");
    const png = PNG.sync.read(file?.data ?? Buffer.alloc(0));
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(png.height).toBeGreaterThanOrEqual(300);
    const described = (reply.data.attachments as Record<string, unknown>[])[0];
    expect(String(described?.description)).toContain("FY2024-25: $23.1 billion");
    expect(plainText(reply.data)).toContain(
      "bilateral trade between Pakistan and China was $23.1 billion",
    );
    expect(reply.latencyMs).toBeLessThan(3_000);
  });

  it("/chart with nothing to draw says so, with no file", async () => {
    const sent = wired.fake.command(
      "chart",
      { partner: "Japan", measure: "remittances" },
      freshUser(),
    );
    const reply = await wired.fake.waitForReply(sent.id, 10_000);
    expect(plainText(reply.data)).toContain("remittances");
    const call = await wired.fake.waitForCallback(sent.id, 1_000);
    expect(call.files).toBe(0);
  });

  it("completes /compare partners and /chart measures", async () => {
    const partners = wired.fake.autocomplete(
      "compare",
      { partners: "Japan, Ch" },
      "partners",
      freshUser(),
    );
    const choices = await wired.fake.waitForReply(partners.id, 5_000);
    expect(JSON.stringify(choices.data.choices)).toContain("Japan, China");
    const measures = wired.fake.autocomplete(
      "chart",
      { partner: "China", measure: "bil" },
      "measure",
      freshUser(),
    );
    const offered = await wired.fake.waitForReply(measures.id, 5_000);
    expect(JSON.stringify(offered.data.choices)).toContain("bilateral trade");
  });
});
