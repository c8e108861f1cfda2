import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  Routes,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "./fake-discord";

/**
 * Proves the fake against a bare discord.js client: if these pass, a failure in the wire tests
 * is the bot's, not the fake's.
 */
describe("fake Discord driven by a bare discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client;
  const errors: unknown[] = [];

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      await interaction.respond([
        { name: `typed ${interaction.options.getFocused()}`, value: "x" },
      ]);
      return;
    }
    if (interaction.isButton() && interaction.customId === "open-thread") {
      const thread = await interaction.message.startThread({ name: "Follow-up" });
      await interaction.reply({ content: `thread ${thread.id} ${thread.isThread()}` });
      return;
    }
    if (interaction.isButton()) {
      await interaction.update({ content: `pressed ${interaction.customId}` });
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    switch (interaction.commandName) {
      case "echo":
        await interaction.reply({
          content: `echo ${interaction.options.getString("text", true)}`,
          allowedMentions: { parse: [] },
        });
        return;
      case "slow":
        await interaction.deferReply({ flags: 64 });
        await interaction.editReply({ content: "done slowly" });
        return;
      case "twice":
        await interaction.reply({ content: "first" });
        // discord.js refuses a second reply itself, so go around it to reach the fake.
        await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: "second" } },
          auth: false,
        });
        return;
      case "where":
        await interaction.reply({
          content: `in ${interaction.channelId}, a thread: ${interaction.channel?.isThread()}`,
        });
        return;
      case "huge":
        await interaction.reply({ content: "x".repeat(2001) });
        return;
      default:
        await interaction.reply({ content: "unknown" });
    }
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      validatePayload: (kind, body) => {
        const content = (body as { content?: unknown } | null)?.content;
        return kind === "message" && typeof content === "string" && content.length > 2000
          ? ["content longer than 2000"]
          : [];
      },
    });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      handle(interaction).catch((error: unknown) => errors.push(error));
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login("fake-token");
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("logs the client in with READY and GUILD_CREATE for every listed guild", () => {
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.application?.id).toBe(fake.applicationId);
    expect([...client.guilds.cache.keys()]).toEqual(fake.guilds.map((g) => g.id));
    expect(client.guilds.cache.first()?.available).toBe(true);
    expect(fake.identifies).toBe(1);
    const gatewayCall = fake.restCalls.find((c) => c.path === "/gateway/bot");
    expect(gatewayCall?.headers.authorization).toBe("Bot fake-token");
  });

  it("captures the callback of a slash command reply with its options and allowed mentions", async () => {
    const sent = fake.command("echo", { text: "hello @everyone" });
    const reply = await fake.waitForReply(sent.id, 3_000);
    expect(reply.via).toBe("callback");
    expect(reply.callbackType).toBe(4);
    expect(reply.data.content).toBe("echo hello @everyone");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(reply.ephemeral).toBe(false);
    const callback = await fake.waitForCallback(sent.id, 1_000);
    expect(callback.path).toBe(`/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.query.get("with_response")).toBe("false");
  });

  it("decodes the percent-encoded @original of a webhook edit after an ephemeral defer", async () => {
    const sent = fake.command("slow");
    const reply = await fake.waitForReply(sent.id, 3_000);
    expect(reply).toMatchObject({
      via: "edit",
      callbackType: 5,
      ephemeral: true,
      data: { content: "done slowly" },
    });
    const edit = fake.callsFor(sent.id).find((c) => c.method === "PATCH");
    expect(edit?.path).toBe(`/webhooks/${fake.applicationId}/${sent.token}/messages/@original`);
    expect(edit?.rawUrl).toContain("/messages/%40original");
    expect(fake.originalMessage(sent.id)?.content).toBe("done slowly");
  });

  it("answers autocomplete with the choices the client responded with", async () => {
    const sent = fake.autocomplete("official", { name: "Jam" }, "name");
    const reply = await fake.waitForReply(sent.id, 3_000);
    expect(reply.callbackType).toBe(8);
    expect(reply.data.choices).toEqual([{ name: "typed Jam", value: "x" }]);
  });

  it("delivers a button press on the message the bot sent and captures the update", async () => {
    const first = fake.command("echo", { text: "with a button" });
    await fake.waitForReply(first.id, 3_000);
    const press = fake.button("page:2", first.id);
    expect((press.payload.message as { content: string }).content).toBe("echo with a button");
    const reply = await fake.waitForReply(press.id, 3_000);
    expect(reply.callbackType).toBe(7);
    expect(reply.data.content).toBe("pressed page:2");
  });

  it("starts a public thread on a message with the message's id, once, and sends commands in it from it", async () => {
    const first = fake.command("echo", { text: "an answer" });
    await fake.waitForReply(first.id, 3_000);
    const message = fake.originalMessage(first.id);
    const press = fake.button("open-thread", first.id);
    const reply = await fake.waitForReply(press.id, 3_000);
    expect(reply.data.content).toBe(`thread ${message?.id} true`);
    expect(fake.threads.get(String(message?.id))).toMatchObject({
      parentId: fake.guilds[0]?.channelId,
      name: "Follow-up",
    });
    // The message now says it has a thread, and Discord refuses a second one.
    expect(Number(fake.originalMessage(first.id)?.flags) & (1 << 5)).toBe(1 << 5);
    const again = await client.rest
      .post(Routes.threads(String(fake.guilds[0]?.channelId), String(message?.id)), {
        body: { name: "Again" },
      })
      .catch((error: unknown) => error);
    expect((again as DiscordAPIError).code).toBe(160004);
    const inThread = fake.command("where", {}, { channelId: String(message?.id) });
    expect((await fake.waitForReply(inThread.id, 3_000)).data.content).toBe(
      `in ${message?.id}, a thread: true`,
    );
  });

  it("refuses a second callback for one interaction with Discord's 40060", async () => {
    const sent = fake.command("twice");
    await fake.waitFor(
      "the refused second callback",
      () =>
        fake.restCalls.find(
          (c) => c.path.startsWith(`/interactions/${sent.id}/`) && c.status === 400,
        ),
      3_000,
    );
    const refusal = await fake.waitFor(
      "the client error",
      () => errors.find((e) => e instanceof DiscordAPIError && e.code === 40060),
      3_000,
    );
    expect(refusal).toBeInstanceOf(DiscordAPIError);
  });

  it("refuses a payload the validator rejects with 400 and code 50035", async () => {
    const sent = fake.command("huge");
    const refused = await fake.waitForRest(
      "the refused callback",
      (c) => c.path.startsWith(`/interactions/${sent.id}/`),
      3_000,
    );
    expect(refused.status).toBe(400);
    expect(refused.violations).toEqual(["content longer than 2000"]);
    const error = await fake.waitFor(
      "the client error",
      () => errors.find((e) => e instanceof DiscordAPIError && e.code === 50035),
      3_000,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
  });

  it("retries a webhook edit answered 429 with Retry-After and delivers it", async () => {
    const fault = fake.injectFault({
      method: "PATCH",
      path: /\/messages\/@original$/,
      status: 429,
      headers: { "retry-after": "0.3", "x-ratelimit-scope": "user" },
      body: { message: "You are being rate limited.", retry_after: 0.3, global: false },
    });
    const sent = fake.command("slow");
    const reply = await fake.waitForReply(sent.id, 5_000);
    expect(reply.data.content).toBe("done slowly");
    expect(fault.hits).toBe(1);
    const edits = fake.callsFor(sent.id).filter((c) => c.method === "PATCH");
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect((edits[1]?.at ?? 0) - (edits[0]?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it("keeps answering 5xx on a callback until discord.js gives up after its retries", async () => {
    const sent = fake.command("echo", { text: "into a wall" });
    fake.injectFault({
      method: "POST",
      path: new RegExp(`^/interactions/${sent.id}/`),
      status: 500,
      times: 10,
    });
    const error = await fake.waitFor(
      "the client error",
      () => errors.find((e) => (e as { status?: unknown }).status === 500),
      5_000,
    );
    expect((error as Error).name).toBe("HTTPError");
    expect(fake.callsFor(sent.id).map((c) => c.status)).toEqual([500, 500, 500, 500]);
  });

  it("resumes after a 4000 close and replays the interactions dispatched while the socket was down", async () => {
    const identifiesBefore = fake.identifies;
    const resumed = new Promise<void>((resolve) =>
      client.once(Events.ShardResume, () => resolve()),
    );
    const before = fake.command("echo", { text: "before" });
    fake.closeGateway(4000);
    const during = Array.from({ length: 5 }, (_, i) =>
      fake.command("echo", { text: `during ${i}` }),
    );
    await resumed;
    const after = fake.command("echo", { text: "after" });
    const replies = await Promise.all(
      [before, ...during, after].map((s) => fake.waitForReply(s.id, 5_000)),
    );
    expect(replies.map((r) => r.data.content)).toEqual([
      "echo before",
      ...during.map((_, i) => `echo during ${i}`),
      "echo after",
    ]);
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(identifiesBefore);
  });

  it("records the body of a PUT of application commands", async () => {
    await client.application?.commands.set([{ name: "ask", description: "Ask a question" }]);
    expect(fake.commandPuts.get(`/applications/${fake.applicationId}/commands`)).toEqual([
      { name: "ask", description: "Ask a question" },
    ]);
    expect(client.application?.commands.cache.map((c) => c.name)).toEqual(["ask"]);
  });
});

describe("fake Discord's callback deadline", () => {
  it("refuses a callback later than the deadline with 10062 Unknown interaction", async () => {
    const fake = await FakeDiscord.start({ callbackDeadlineMs: 100 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const failures: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const delay = interaction.commandName === "late" ? 300 : 0;
      setTimeout(() => {
        interaction
          .reply({ content: interaction.commandName })
          .catch((error: unknown) => failures.push(error));
      }, delay);
    });
    try {
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login("fake-token");
      await ready;
      const onTime = fake.command("prompt");
      const late = fake.command("late");
      expect((await fake.waitForReply(onTime.id, 2_000)).data.content).toBe("prompt");
      const refusal = await fake.waitFor("the late reply's error", () => failures[0], 2_000);
      expect(refusal).toBeInstanceOf(DiscordAPIError);
      expect((refusal as DiscordAPIError).code).toBe(10062);
      expect(fake.replyTo(late.id)).toBeUndefined();
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
