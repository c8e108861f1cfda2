import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logLevel } from "../support/bot-process";
import { mentionLeaks } from "./discord-limits";
import {
  buttonsOf,
  describeReply,
  freshUser,
  plainText,
  startWiredBot,
  type WiredBot,
} from "./harness";

/**
 * The real bot (`npm start`) against the fake Discord: what a user sees for each command, button
 * and autocomplete, and what survives faults. One process for the file keeps the suite fast.
 */
describe("the bot over the wire", () => {
  let wired: WiredBot;
  const scratch = mkdtempSync(join(tmpdir(), "tijarat-wire-"));
  const insightsFile = join(scratch, "insights.db");

  beforeAll(async () => {
    wired = await startWiredBot({ INSIGHTS_DB: insightsFile });
  });

  afterAll(async () => {
    await wired?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Every message-bearing request the bot made: callbacks with message data, edits, follow-ups. */
  function messageBodies(): Array<{ path: string; body: Record<string, unknown> }> {
    return wired.fake.restCalls.flatMap((call) => {
      const body = (call.body ?? {}) as Record<string, unknown>;
      if (call.path.endsWith("/callback")) {
        const type = Number(body.type);
        return type === 4 || type === 7
          ? [{ path: call.path, body: (body.data ?? {}) as Record<string, unknown> }]
          : [];
      }
      if (
        call.path.startsWith("/webhooks/") &&
        (call.method === "PATCH" || call.method === "POST")
      ) {
        return [{ path: call.path, body }];
      }
      return [];
    });
  }

  describe("/ask", () => {
    it("answers a dev question with the figure, a verbatim citation and no mentions, in well under 3 s", async () => {
      const sent = wired.fake.command(
        "ask",
        { question: "What was the trade volume between Pakistan and Japan?" },
        freshUser(),
      );
      const reply = await wired.fake.waitForReply(sent.id, 5_000);
      const text = plainText(reply.data);
      expect(text).toContain("$1.26 billion");
      expect(text).toContain("which stood at $1.26 billion in the fiscal year 2022-23");
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
      expect(reply.ephemeral).toBe(false);
      expect(reply.latencyMs).toBeLessThan(3_000);
    });

    it("answers privately when private is true", async () => {
      const sent = wired.fake.command(
        "ask",
        { question: "Who is Haroon Akhtar Khan?", private: true },
        freshUser(),
      );
      const reply = await wired.fake.waitForReply(sent.id, 5_000);
      expect(reply.ephemeral).toBe(true);
      expect(plainText(reply.data)).toContain(
        "Special Assistant to the Prime Minister on Industries and Production",
      );
    });
  });

  describe("autocomplete", () => {
    it("offers at most 25 official names of at most 100 characters, the typed one among them", async () => {
      for (const typed of ["", "a", "Haroon"]) {
        const sent = wired.fake.autocomplete("official", { name: typed }, "name", freshUser());
        const reply = await wired.fake.waitForReply(sent.id, 5_000);
        expect(reply.callbackType).toBe(8);
        const choices = reply.data.choices as Array<{ name: string; value: string }>;
        expect(choices.length).toBeGreaterThan(0);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
        if (typed === "Haroon") expect(choices.map((c) => c.name)).toContain("Haroon Akhtar Khan");
      }
    });

    it("answers autocomplete on hostile typing within the limits, for both commands", async () => {
      const typings = ["@everyone", "<@&456>", "x".repeat(300), "جاپان", "🇯🇵"];
      const sent = typings.flatMap((typed) => [
        wired.fake.autocomplete("official", { name: typed }, "name", freshUser()),
        wired.fake.autocomplete("figures", { partner: typed }, "partner", freshUser()),
      ]);
      const replies = await Promise.all(sent.map((s) => wired.fake.waitForReply(s.id, 5_000)));
      for (const reply of replies) {
        expect(reply.callbackType).toBe(8);
        expect((reply.data.choices as unknown[]).length).toBeLessThanOrEqual(25);
      }
      expect(wired.fake.restCalls.filter((c) => c.violations.length > 0)).toEqual([]);
    });

    it("offers partner countries for /figures partner:, Japan for Ja", async () => {
      const sent = wired.fake.autocomplete("figures", { partner: "Ja" }, "partner", freshUser());
      const reply = await wired.fake.waitForReply(sent.id, 5_000);
      const choices = reply.data.choices as Array<{ name: string; value: string }>;
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(choices.map((c) => c.name)).toContain("Japan");
      for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    });
  });

  describe("buttons", () => {
    it("shows the cited passage when Show passage is pressed", async () => {
      const user = freshUser();
      const asked = wired.fake.command(
        "ask",
        { question: "What was the trade volume between Pakistan and Japan?" },
        user,
      );
      const answer = await wired.fake.waitForReply(asked.id, 5_000);
      const show = buttonsOf(answer.data).find((b) => b.label.startsWith("Show passage"));
      expect(show, describeReply(answer)).toBeDefined();
      const pressed = wired.fake.button(show?.custom_id ?? "", asked.id, user);
      const passage = await wired.fake.waitForReply(pressed.id, 5_000);
      expect(plainText(passage.data)).toContain(
        "which stood at $1.26 billion in the fiscal year 2022-23",
      );
      expect(passage.data.allowed_mentions).toEqual({ parse: [] });
    });

    it("records a Helpful vote and thanks the user privately", async () => {
      const user = freshUser();
      const asked = wired.fake.command(
        "ask",
        { question: "How many Japanese companies operate in Pakistan?" },
        user,
      );
      const answer = await wired.fake.waitForReply(asked.id, 5_000);
      const helpful = buttonsOf(answer.data).find((b) => b.label === "Helpful");
      expect(helpful, describeReply(answer)).toBeDefined();
      const pressed = wired.fake.button(helpful?.custom_id ?? "", asked.id, user);
      const thanks = await wired.fake.waitForReply(pressed.id, 5_000);
      expect(thanks.ephemeral).toBe(true);
      expect(plainText(thanks.data)).toContain("👍");
    });

    it("pages /figures forward in place with Next", async () => {
      const user = freshUser();
      const listed = wired.fake.command("figures", {}, user);
      const first = await wired.fake.waitForReply(listed.id, 5_000);
      const next = buttonsOf(first.data).find((b) => b.label === "Next");
      expect(next, describeReply(first)).toBeDefined();
      expect(next?.disabled).toBe(false);
      const pressed = wired.fake.button(next?.custom_id ?? "", listed.id, user);
      const second = await wired.fake.waitForReply(pressed.id, 5_000);
      expect(second.callbackType).toBe(7);
      expect(plainText(second.data)).toMatch(/Page 2 of \d+/);
      expect(plainText(second.data)).not.toEqual(plainText(first.data));
    });
  });

  describe("hostile input", () => {
    const hostile = [
      "@everyone what was the trade volume with Japan?",
      "@here <@123> <@!123> <@&456> <#789> trade with Japan?",
      "**bold** __underline__ `code` ||spoiler|| [link](https://evil.example) # heading > quote",
      `What was the trade volume? ${"very ".repeat(1_200)}`,
      "پاکستان اور جاپان کے درمیان تجارت کا حجم کیا تھا؟",
      "🇵🇰🤝🇯🇵 trade volume 💰💰💰 with Japan? 🙏",
    ];

    it("answers every hostile question within Discord's limits and without a parsed mention", async () => {
      const sent = hostile.map((question) => wired.fake.command("ask", { question }, freshUser()));
      const replies = await Promise.all(sent.map((s) => wired.fake.waitForReply(s.id, 5_000)));
      for (const [i, reply] of replies.entries()) {
        const shown = plainText(reply.data).replace(/\u200b/g, "");
        const raw = JSON.stringify(reply.data);
        expect(mentionLeaks(reply.data), `question ${i}`).toEqual([]);
        // Text shown as typed: a zero-width space keeps each mention from rendering as one.
        expect(raw, `question ${i}`).not.toMatch(/@(everyone|here)/);
        expect(raw, `question ${i}`).not.toMatch(/<[@#][!&]?\d+>/);
        expect(shown.length, `question ${i}`).toBeGreaterThan(0);
      }
      const refused = wired.fake.restCalls.filter((c) => c.violations.length > 0);
      expect(refused.map((c) => c.violations)).toEqual([]);
    });

    it("puts allowed_mentions { parse: [] } on every message the bot has sent", () => {
      const leaks = messageBodies()
        .map(({ path, body }) => ({ path, leaks: mentionLeaks(body) }))
        .filter((entry) => entry.leaks.length > 0);
      expect(leaks).toEqual([]);
    });
  });

  describe("faults", () => {
    it("answers a command whose handler throws with an ephemeral error, then answers the next /ask", async () => {
      // Another process holds the insights store's write lock: the bot's store thread waits on
      // it with the record of an /ask, so /insights cannot read in time and its handler throws.
      const holder = new Database(insightsFile, { timeout: 5_000 });
      holder.exec("BEGIN IMMEDIATE");
      holder.prepare("DELETE FROM votes WHERE question_id = 'none'").run();
      let held = true;
      try {
        const asked = wired.fake.command(
          "ask",
          { question: "How many mobile broadband subscribers does Pakistan have?" },
          freshUser(),
        );
        const answer = await wired.fake.waitForReply(asked.id, 5_000);
        expect(answer.latencyMs, "an answer never waits for the store").toBeLessThan(3_000);
        const pressed = wired.fake.command("insights", {}, freshUser());
        const failure = await wired.fake.waitForReply(pressed.id, 5_000);
        expect(failure.ephemeral, describeReply(failure)).toBe(true);
        expect(plainText(failure.data)).toContain("something went wrong");
        const logged = await wired.bot.waitForLog(
          "the failure's error log",
          (line) => line.interactionId === pressed.id,
          3_000,
        );
        expect(logLevel(logged)).toBe("error");
        holder.exec("COMMIT");
        held = false;
      } finally {
        if (held) holder.exec("ROLLBACK");
        holder.close();
      }
      const next = wired.fake.command(
        "ask",
        { question: "How much were Pakistan's IT exports in fiscal year 2023?" },
        freshUser(),
      );
      const reply = await wired.fake.waitForReply(next.id, 5_000);
      expect(plainText(reply.data)).toContain("$2.6 billion");
    });

    it("answers a button from before a restart (unknown keys) with an ephemeral notice", async () => {
      const stale = [
        "ask:vote:up:0000000000",
        "figures:page:1:0000000000",
        "ask:cite:0000000000:1",
        "ask:passage:nowhere#9",
        "retired:thing",
      ];
      const pressed = stale.map((customId) => wired.fake.button(customId, undefined, freshUser()));
      const replies = await Promise.all(pressed.map((p) => wired.fake.waitForReply(p.id, 5_000)));
      for (const [i, reply] of replies.entries()) {
        expect(reply.ephemeral, stale[i]).toBe(true);
        expect(plainText(reply.data).length, stale[i]).toBeGreaterThan(0);
      }
    });

    it("answers /ask in a direct message, where there is no guild or member", async () => {
      const sent = wired.fake.command(
        "ask",
        { question: "How many Japanese companies operate in Pakistan?" },
        { ...freshUser(), guildId: null },
      );
      expect(sent.payload.guild_id).toBeUndefined();
      const reply = await wired.fake.waitForReply(sent.id, 5_000);
      expect(plainText(reply.data)).toContain("70");
    });

    it("answers an unknown command with an ephemeral notice", async () => {
      const sent = wired.fake.command("trade-secrets", { what: "everything" }, freshUser());
      const reply = await wired.fake.waitForReply(sent.id, 5_000);
      expect(reply.ephemeral).toBe(true);
      expect(plainText(reply.data)).toContain("/trade-secrets");
    });

    it("resumes after the gateway closes with 4000 mid-burst and loses no interaction", async () => {
      const { fake } = wired;
      const resumesBefore = fake.resumes;
      const identifiesBefore = fake.identifies;
      const burst = Array.from({ length: 40 }, (_, i) => {
        if (i === 15) fake.closeGateway(4000);
        return fake.command(
          "ask",
          { question: "What was bilateral trade between the United States and Pakistan in 2023?" },
          freshUser(),
        );
      });
      const replies = await Promise.all(burst.map((s) => fake.waitForReply(s.id, 10_000)));
      expect(replies.every((r) => plainText(r.data).includes("$7.3 billion"))).toBe(true);
      expect(fake.resumes).toBe(resumesBefore + 1);
      expect(fake.identifies).toBe(identifiesBefore);
      // Exactly one callback per interaction: nothing lost, nothing answered twice.
      const callbacks = burst.map(
        (s) => fake.callsFor(s.id).filter((c) => c.path.endsWith("/callback")).length,
      );
      expect(callbacks).toEqual(burst.map(() => 1));
    });

    it("retries an interaction callback refused with 429 and Retry-After, and delivers it", async () => {
      const { fake } = wired;
      // The bot answers at once and never edits through the webhook, so the callback is the
      // request a rate limit can hit (webhook-edit 429s are proven in the fake's own tests).
      const listed = fake.command("figures", { partner: "Japan" }, freshUser());
      const fault = fake.injectFault({
        method: "POST",
        path: `/interactions/${listed.id}/${listed.token}/callback`,
        status: 429,
        headers: { "retry-after": "0.5", "x-ratelimit-scope": "user" },
        body: { message: "You are being rate limited.", retry_after: 0.5, global: false },
      });
      const reply = await fake.waitForReply(listed.id, 5_000);
      expect(fault.hits).toBe(1);
      const attempts = fake.callsFor(listed.id);
      expect(attempts.map((c) => c.status)).toEqual([429, 204]);
      expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(450);
      expect(plainText(reply.data)).toContain("Japan");
    });

    it("logs a callback that keeps failing with 5xx and stays alive for the next /ask", async () => {
      const { fake, bot } = wired;
      const doomed = fake.command(
        "ask",
        { question: "Who is Pakistan's Ambassador to Japan?" },
        freshUser(),
      );
      // Enough 503s for discord.js's three retries of the answer and of the error notice after it.
      const outage = fake.injectFault({
        method: "POST",
        path: new RegExp(`^/interactions/${doomed.id}/`),
        status: 503,
        times: 8,
      });
      const logged = await bot.waitForLog(
        "an error log about the failed callback",
        (line) => line.interactionId === doomed.id && logLevel(line) === "error",
        5_000,
      );
      expect(JSON.stringify(logged)).toContain("503");
      expect(outage.hits).toBeGreaterThanOrEqual(4);
      expect(fake.callsFor(doomed.id).filter((c) => c.status < 300)).toEqual([]);
      expect(bot.exitCode).toBeUndefined();
      const next = fake.command(
        "ask",
        { question: "Who chairs the Special Technology Zones Authority?" },
        freshUser(),
      );
      const reply = await fake.waitForReply(next.id, 5_000);
      expect(plainText(reply.data)).toContain("Azfar Manzoor");
    });
  });
});
