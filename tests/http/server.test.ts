import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { storedRouterDeps } from "../../src/discord/context";
import type { RouterDeps } from "../../src/discord/router";
import { DiscordApi } from "../../src/http/discord-api";
import { createInteractionServer, type InteractionServer } from "../../src/http/server";
import { openStorage, type Storage } from "../../src/insights/storage";
import { ArticleDesk } from "../../src/live/article-desk";
import { ReloadableEngine } from "../../src/reloadable-engine";
import { chartCorpus } from "../support/chart-corpus";
import { FakeDiscord } from "../support/fake-discord";
import { capturingLog } from "../support/insights";
import { nowSeconds, postInteraction, signatureHeaders, signingKeys } from "../support/signing";
import { freshUser, plainText } from "../wire/harness";

/**
 * The HTTP interactions server in this process, over the real engine on the seed corpus (plus
 * China's articles, so there is a chart to draw) and a scratch SQLite store, answering a fake
 * Discord that POSTs signed interactions to it and takes webhook edits.
 */
const JAPAN = "What was the trade volume between Pakistan and Japan?";

describe("serving interactions over HTTP", () => {
  const keys = signingKeys();
  const corpus = chartCorpus();
  const storeDir = mkdtempSync(join(tmpdir(), "tijarat-serve-"));
  const captured = capturingLog();
  let fake: FakeDiscord;
  let interactions: InteractionServer;
  let storage: Storage;
  let deps: RouterDeps;
  let base: string;

  const ping = JSON.stringify({ id: "1", application_id: "2", type: 1, token: "t", version: 1 });

  beforeAll(async () => {
    fake = await FakeDiscord.start({ callbackDeadlineMs: 3_000 });
    const config = parseConfig({
      CORPUS_DIR: corpus,
      INSIGHTS_DB: join(storeDir, "insights.db"),
      INSIGHTS_SALT: "a-salt-for-tests-that-is-long-enough",
      // Hundreds of questions from one user here and there must not meet the cooldown.
      COOLDOWN_REQUESTS: "1000",
    });
    const log = captured.log;
    const engine = await ReloadableEngine.load({ corpusDir: corpus, cacheDir: null, log });
    storage = await openStorage(config, log, "discord");
    const articles = ArticleDesk.forConfig(engine, config, log, { allowLocalFiles: false });
    deps = storedRouterDeps(engine, config, storage, { cooldown: true, articles, log });
    interactions = createInteractionServer({
      publicKey: keys.publicKeyHex,
      api: new DiscordApi({ apiUrl: fake.apiUrl }),
      log,
    });
    base = `http://127.0.0.1:${await interactions.listen(0, "127.0.0.1")}`;
    fake.deliverTo(`${base}/interactions`, keys.privateKey);
  }, 30_000);

  afterAll(async () => {
    await interactions?.close();
    await storage?.close();
    await fake?.close();
    rmSync(corpus, { recursive: true, force: true });
    rmSync(storeDir, { recursive: true, force: true });
  });

  describe("before the engine is loaded", () => {
    it("/healthz says 503, PING is answered, commands get 503", async () => {
      expect((await fetch(`${base}/healthz`)).status).toBe(503);
      const pong = await postInteraction(
        `${base}/interactions`,
        ping,
        signatureHeaders(keys.privateKey, ping),
      );
      expect(pong).toEqual({ status: 200, json: { type: 1 } });
      const sent = fake.command("ask", { question: JAPAN }, freshUser());
      expect((await fake.waitForDelivery(sent.id, 5_000)).status).toBe(503);
      interactions.ready(deps);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
  });

  describe("the signature check", () => {
    it("answers a signed PING with a PONG", async () => {
      const response = await postInteraction(
        `${base}/interactions`,
        ping,
        signatureHeaders(keys.privateKey, ping),
      );
      expect(response).toEqual({ status: 200, json: { type: 1 } });
    });

    it.each([
      ["no signature at all", () => ({})],
      [
        "a key that is not the application's",
        () => signatureHeaders(signingKeys().privateKey, ping),
      ],
      ["a body changed after signing", () => signatureHeaders(keys.privateKey, `${ping} `)],
      [
        "a signature an hour old",
        () => signatureHeaders(keys.privateKey, ping, String(Number(nowSeconds()) - 3600)),
      ],
      [
        "a garbage signature",
        () => ({
          ...signatureHeaders(keys.privateKey, ping),
          "x-signature-ed25519": "zz".repeat(64),
        }),
      ],
      [
        "a short signature",
        () => ({ ...signatureHeaders(keys.privateKey, ping), "x-signature-ed25519": "ab" }),
      ],
      [
        "a timestamp that is not a number",
        () => ({ ...signatureHeaders(keys.privateKey, ping), "x-signature-timestamp": "soon" }),
      ],
      [
        "a signature over another timestamp",
        () => ({
          ...signatureHeaders(keys.privateKey, ping),
          "x-signature-timestamp": String(Number(nowSeconds()) - 1),
        }),
      ],
    ])("refuses %s with 401", async (_what, headers) => {
      const response = await postInteraction(`${base}/interactions`, ping, headers());
      expect(response.status).toBe(401);
    });
  });

  describe("hostile or wrong requests", () => {
    it("says 400 to a signed body that is not JSON, or not an interaction it knows", async () => {
      for (const body of [
        "{not json",
        "[]",
        JSON.stringify({ id: "1", application_id: "2", type: 99, token: "t" }),
        JSON.stringify({ id: "1", application_id: "2", type: 2, token: "t", user: { id: "3" } }),
        JSON.stringify({
          id: "1",
          application_id: "2",
          type: 2,
          token: "t",
          user: { id: "3" },
          data: { name: "ask", options: [{ name: "question", type: 3, value: { $gt: 1 } }] },
        }),
      ]) {
        const response = await postInteraction(
          `${base}/interactions`,
          body,
          signatureHeaders(keys.privateKey, body),
        );
        expect(response.status, body).toBe(400);
      }
      // And the server is still serving.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });

    it("says 413 to a body over 64 KB, before checking anything else", async () => {
      const body = JSON.stringify({ type: 1, padding: "x".repeat(70 * 1024) });
      const response = await postInteraction(
        `${base}/interactions`,
        body,
        signatureHeaders(keys.privateKey, body),
      );
      expect(response.status).toBe(413);
    });

    it("says 405 to a method other than POST, and 404 to other paths", async () => {
      const get = await fetch(`${base}/interactions`);
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/interactions/extra`, { method: "POST" })).status).toBe(404);
    });
  });

  describe("commands", () => {
    beforeAll(() => interactions.ready(deps));

    it("answers /ask in the HTTP response, with the figure, pinging nobody", async () => {
      const sent = fake.command("ask", { question: JAPAN }, freshUser());
      const reply = await fake.waitForReply(sent.id, 5_000);
      expect(reply.via).toBe("callback");
      expect(reply.callbackType).toBe(4);
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
      expect(plainText(reply.data)).toContain("$1.26 billion");
      expect(reply.latencyMs).toBeLessThan(3_000);
    });

    it("keeps a private answer private", async () => {
      const sent = fake.command("ask", { question: JAPAN, private: true }, freshUser());
      const reply = await fake.waitForReply(sent.id, 5_000);
      expect(reply.ephemeral).toBe(true);
      expect(plainText(reply.data)).toContain("$1.26 billion");
    });

    it("answers autocomplete with choices (type 8)", async () => {
      const sent = fake.autocomplete("figures", { partner: "Jap" }, "partner", freshUser());
      const delivery = await fake.waitForDelivery(sent.id, 5_000);
      expect(delivery.status).toBe(200);
      const body = delivery.body as { type: number; data: { choices: { name: string }[] } };
      expect(body.type).toBe(8);
      expect(body.data.choices.map((choice) => choice.name)).toContain("Japan");
    });

    it("answers a button of an answer through the same router", async () => {
      const asked = fake.command("ask", { question: JAPAN }, freshUser());
      const answer = await fake.waitForReply(asked.id, 5_000);
      const rows = (answer.data.components ?? []) as { components: { custom_id?: string }[] }[];
      const customId = rows.flatMap((row) => row.components).find((b) => b.custom_id)?.custom_id;
      expect(customId).toBeDefined();
      const pressed = fake.button(customId ?? "", asked.id, freshUser());
      const reply = await fake.waitForReply(pressed.id, 5_000);
      expect([4, 7]).toContain(reply.callbackType);
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    });

    it("defers a /chart with its PNG, then edits @original with the file as multipart", async () => {
      const sent = fake.command(
        "chart",
        { partner: "China", measure: "trade volume" },
        freshUser(),
      );
      const delivery = await fake.waitForDelivery(sent.id, 10_000);
      expect(delivery.body).toEqual({ type: 5 });
      expect(delivery.at - sent.dispatchedAt).toBeLessThan(3_000);
      const reply = await fake.waitForReply(sent.id, 15_000);
      expect(reply.via).toBe("edit");
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
      expect(plainText(reply.data)).toContain("$23.1 billion");
      const edit = fake
        .callsFor(sent.id)
        .find((call) => call.method === "PATCH" && call.path.endsWith("/messages/@original"));
      expect(edit?.files).toBe(1);
      const png = PNG.sync.read(edit?.attachments[0]?.data ?? Buffer.alloc(0));
      expect(png.width).toBeGreaterThanOrEqual(600);
    });

    it("completes a deferred command (/article remove) by editing @original", async () => {
      const sent = fake.subcommand(
        "article",
        "remove",
        { id: "china-pakistan-fta-phase-two" },
        { ...freshUser(), permissions: String(1 << 5) },
      );
      const delivery = await fake.waitForDelivery(sent.id, 5_000);
      // Deferred privately: only the member who removed it hears how it went.
      expect(delivery.body).toEqual({ type: 5, data: { flags: 64 } });
      const reply = await fake.waitForReply(sent.id, 10_000);
      expect(reply.via).toBe("edit");
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
      expect(plainText(reply.data)).toContain("china-pakistan-fta-phase-two");
    });

    it("refuses /article to a member without Manage Server, read from member.permissions", async () => {
      const sent = fake.subcommand("article", "list", {}, { ...freshUser(), permissions: "0" });
      const reply = await fake.waitForReply(sent.id, 5_000);
      expect(plainText(reply.data)).toContain("Manage Server");
    });
  });
});
