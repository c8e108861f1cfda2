/**
 * A small fake Discord on loopback: the REST API under `/api/v10` and a JSON gateway, enough for
 * discord.js 14 to log in, receive interactions and answer them. Every REST call is captured so
 * tests can read what the bot sent, and faults (429, 5xx, gateway closes) can be injected.
 *
 * It behaves like Discord where a bot could notice the difference: a second callback for one
 * interaction is refused (40060), webhook edits before the callback find no message (10008),
 * missed dispatches are replayed on RESUME, and an optional validator refuses payloads that
 * break Discord's limits with a 400 (50035), as Discord does. Threads started from a message take
 * the message's id, one per message (a second start is refused with 160004), and an interaction
 * sent in a thread carries the thread as its channel. With `deliverTo`, interactions are POSTed,
 * signed, to an Interactions Endpoint URL instead, and the response is taken as the callback.
 */
import { type KeyObject, randomBytes, sign } from "node:crypto";
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { type WebSocket, WebSocketServer } from "ws";

/** One REST request as the fake received it. */
export interface RestCall {
  method: string;
  /** Path after `/api/v10`, percent-decoded segment by segment (`%40original` → `@original`). */
  path: string;
  /** The request target as sent, query included. */
  rawUrl: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (`payload_json` for multipart requests), or null when there was none. */
  body: unknown;
  /** Number of file parts in a multipart request. */
  files: number;
  /** The file parts of a multipart request, bytes as sent. */
  attachments: FilePart[];
  /** `performance.now()` when the request arrived. */
  at: number;
  /** The status the fake answered with. */
  status: number;
  /** The interaction the request is about (its callback, or a webhook with its token), if any. */
  interactionId: string | null;
  /** Why the payload was refused, when the validator refused it. */
  violations: string[];
}

/** One file of a multipart request. */
export interface FilePart {
  /** The form field name (`files[0]`). */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** An Interactions Endpoint URL's answer to one interaction POSTed to it. */
export interface HttpDelivery {
  /** 0 when no response came at all. */
  status: number;
  /** The response body, parsed when JSON. */
  body: unknown;
  /** `performance.now()` when the response had arrived. */
  at: number;
  /** Why the validator refused the response as a callback. */
  violations: string[];
}

/** An interaction the fake dispatched. */
export interface SentInteraction {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  /** `performance.now()` when it was handed to the gateway. */
  dispatchedAt: number;
}

/** What the user ends up seeing for an interaction. */
export interface Reply {
  /** How the visible content arrived. */
  via: "callback" | "edit" | "followup";
  /** The interaction callback type that acknowledged the interaction (4, 5, 6, 7, 8, 9). */
  callbackType: number;
  /** The message (or autocomplete/modal) data as sent. */
  data: Record<string, unknown>;
  ephemeral: boolean;
  /** Milliseconds from dispatch to the request that carried the visible content. */
  latencyMs: number;
}

export interface FaultRule {
  method?: string;
  /** Matched against the decoded path (see `RestCall.path`). */
  path: RegExp | string;
  /** How many matching requests get the fault; default 1. */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FaultHandle {
  readonly hits: number;
}

/** A public thread started from a message, as the fake keeps it. */
export interface FakeThread {
  id: string;
  guildId: string;
  parentId: string;
  name: string;
  autoArchiveDuration: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}

export interface InteractionContext {
  guildId?: string | null;
  channelId?: string;
  userId?: string;
  username?: string;
  locale?: string;
  /** The member's permission bits in the channel, a decimal string; default: all of them. */
  permissions?: string;
}

export type OptionValue = string | number | boolean;

/**
 * A command option as Discord sends it (`type`: 1 subcommand, 3 string, 4 integer, 5 boolean,
 * 10 number, 11 attachment); a subcommand carries its own options instead of a value.
 */
export interface CommandOption {
  name: string;
  type: number;
  value?: OptionValue;
  focused?: boolean;
  options?: CommandOption[];
}

/** A file a user uploads with a command, as `resolved.attachments` describes it. */
export interface FakeAttachment {
  filename: string;
  url: string;
  contentType: string;
  size: number;
}

/** Checks a message/autocomplete payload against Discord's limits; returns what it breaks. */
export type PayloadValidator = (
  kind: "message" | "autocomplete" | "commands",
  body: unknown,
) => string[];

export interface FakeDiscordOptions {
  applicationId?: string;
  guilds?: FakeGuild[];
  heartbeatIntervalMs?: number;
  validatePayload?: PayloadValidator;
  /**
   * Refuse callbacks that arrive later than this after dispatch with 404 10062, as Discord does
   * after 3 s. Off by default, so a slow machine fails latency checks, not completeness ones.
   */
  callbackDeadlineMs?: number;
  /** When set, any other bot token gets 401 from REST and close 4004 from the gateway. */
  validToken?: string;
}

interface GatewaySession {
  id: string;
  token: string;
  seq: number;
  log: Array<{ s: number; text: string }>;
  socket: WebSocket | null;
  /** Dispatches go straight to the socket only once IDENTIFY/RESUME has been answered. */
  live: boolean;
}

interface InteractionState {
  sent: SentInteraction;
  callbackType: number | null;
  callbackData: Record<string, unknown>;
  callbackAt: number;
  ephemeral: boolean;
  original: Record<string, unknown> | null;
  edits: RestCall[];
  followups: RestCall[];
  /** Every request about this interaction, whatever the answer. */
  calls: RestCall[];
}

interface Waiter {
  /** Set: only changes to this interaction can satisfy it, so other changes skip it. */
  interactionId: string | undefined;
  check: () => boolean;
  wake: () => void;
}

const API_PREFIX = "/api/v10";
const EPHEMERAL = 1 << 6;
const ALL_PERMISSIONS = "2251799813685247";

let snowflakeCounter = 0n;
/** Snowflakes that decode to the current time, so discord.js's createdAt looks sane. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  const ms = BigInt(Date.now()) - 1420070400000n;
  return ((ms << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly guilds: FakeGuild[];
  readonly restCalls: RestCall[] = [];
  readonly interactions = new Map<string, SentInteraction>();
  /** The last body PUT to each commands route (`/applications/{app}/commands` or the guild one). */
  readonly commandPuts = new Map<string, unknown>();
  identifies = 0;
  resumes = 0;
  heartbeats = 0;
  /** Close codes of gateway sockets, in order, whoever closed them. */
  readonly gatewayCloseCodes: number[] = [];
  /** Threads started from messages, by id (the id of the message each was started from). */
  readonly threads = new Map<string, FakeThread>();

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly heartbeatIntervalMs: number;
  private readonly validatePayload: PayloadValidator | undefined;
  private readonly callbackDeadlineMs: number | undefined;
  private readonly validToken: string | undefined;
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly states = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();
  private readonly faults: Array<{ rule: FaultRule; left: number; handle: { hits: number } }> = [];
  private readonly storedCommands = new Map<string, unknown[]>();
  private readonly waiters = new Set<Waiter>();
  private port = 0;
  private endpoint: { url: string; key: KeyObject } | null = null;
  private readonly endpointAgent = new Agent({
    keepAlive: true,
    maxSockets: Number.POSITIVE_INFINITY,
  });
  /** Interactions POSTed to the endpoint, by id, once each has been answered. */
  readonly deliveries = new Map<string, HttpDelivery>();

  private constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.guilds = options.guilds ?? [
      { id: snowflake(), name: "Trade Desk", channelId: snowflake() },
    ];
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.validatePayload = options.validatePayload;
    this.callbackDeadlineMs = options.callbackDeadlineMs;
    this.validToken = options.validToken;
    this.server = createServer((req, res) => void this.onHttp(req, res));
    // Idle keep-alive sockets must not keep `close()` waiting.
    this.server.keepAliveTimeout = 1_000;
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/gateway")) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      // A thousand requests in flight at once overflow the default backlog of 511.
      fake.server.listen({ host: "127.0.0.1", port: 0, backlog: 4096 }, () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What to pass as discord.js `rest.api` / `DISCORD_API_URL` (the version is appended by discord.js). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get botUser(): Record<string, unknown> {
    return {
      id: this.applicationId,
      username: "Tijarat",
      discriminator: "0000",
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0,
    };
  }

  async close(): Promise<void> {
    this.endpointAgent.destroy();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Resolves with `probe()`'s first non-undefined result; rejects after `timeoutMs`. The probe is
   * re-run on every change to the fake and every 20 ms, so it may also watch state outside it.
   */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
    return this.waitOn(what, probe, timeoutMs, undefined);
  }

  /** Like `waitFor`, but re-run only when a request about this interaction arrives. */
  private waitOn<T>(
    what: string,
    probe: () => T | undefined,
    timeoutMs: number,
    interactionId: string | undefined,
  ): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      let result: T | undefined;
      const waiter: Waiter = {
        interactionId,
        check: () => {
          result = probe();
          return result !== undefined;
        },
        wake: () => {
          clearTimeout(timer);
          if (poll) clearInterval(poll);
          this.waiters.delete(waiter);
          if (result !== undefined) resolve(result);
          else reject(new Error(`fake discord: gave up waiting for ${what} after ${timeoutMs} ms`));
        },
      };
      const timer = setTimeout(() => waiter.wake(), timeoutMs);
      const poll =
        interactionId === undefined
          ? setInterval(() => {
              if (waiter.check()) waiter.wake();
            }, 20)
          : undefined;
      this.waiters.add(waiter);
    });
  }

  private changed(interactionId?: string | null): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.interactionId !== undefined && waiter.interactionId !== interactionId) continue;
      if (waiter.check()) waiter.wake();
    }
  }

  waitForRest(
    what: string,
    match: (call: RestCall) => boolean,
    timeoutMs: number,
  ): Promise<RestCall> {
    return this.waitFor(what, () => this.restCalls.find(match), timeoutMs);
  }

  /** Resolves once a client has identified (or resumed) and been sent READY and its guilds. */
  waitForSession(timeoutMs: number): Promise<void> {
    return this.waitFor(
      "a gateway session",
      () => ([...this.sessions.values()].some((s) => s.live) ? true : undefined),
      timeoutMs,
    ).then(() => undefined);
  }

  /** The first accepted callback for an interaction. */
  waitForCallback(interactionId: string, timeoutMs: number): Promise<RestCall> {
    return this.waitOn(
      `a callback for interaction ${interactionId}`,
      () =>
        this.callsFor(interactionId).find(
          (call) => call.path.endsWith("/callback") && call.status < 300,
        ),
      timeoutMs,
      interactionId,
    );
  }

  /** What the user sees: the callback's message, or after a defer the first edit or follow-up. */
  waitForReply(interactionId: string, timeoutMs: number): Promise<Reply> {
    return this.waitOn(
      `a reply to interaction ${interactionId}`,
      () => this.replyTo(interactionId),
      timeoutMs,
      interactionId,
    );
  }

  replyTo(interactionId: string): Reply | undefined {
    const state = this.states.get(interactionId);
    if (!state || state.callbackType === null) return undefined;
    const latency = (at: number) => at - state.sent.dispatchedAt;
    const base = { callbackType: state.callbackType, ephemeral: state.ephemeral };
    if (state.callbackType !== 5 && state.callbackType !== 6) {
      return {
        ...base,
        via: "callback",
        data: state.callbackData,
        latencyMs: latency(state.callbackAt),
      };
    }
    const first = [...state.edits, ...state.followups].sort((a, b) => a.at - b.at)[0];
    if (!first) return undefined;
    return {
      ...base,
      via: state.edits.includes(first) ? "edit" : "followup",
      data: asRecord(first.body),
      latencyMs: latency(first.at),
    };
  }

  /** The message currently shown as the interaction's original response, after all edits. */
  originalMessage(interactionId: string): Record<string, unknown> | null {
    return this.states.get(interactionId)?.original ?? null;
  }

  /** Every REST call (any status) that touched this interaction: callbacks, edits, follow-ups. */
  callsFor(interactionId: string): RestCall[] {
    return this.states.get(interactionId)?.calls ?? [];
  }

  // ---------------------------------------------------------------- faults

  injectFault(rule: FaultRule): FaultHandle {
    const handle = { hits: 0 };
    this.faults.push({ rule, left: rule.times ?? 1, handle });
    return handle;
  }

  private takeFault(method: string, path: string): FaultRule | undefined {
    for (const fault of this.faults) {
      const { rule } = fault;
      if (fault.left <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      const matches = typeof rule.path === "string" ? path === rule.path : rule.path.test(path);
      if (!matches) continue;
      fault.left -= 1;
      fault.handle.hits += 1;
      return rule;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- gateway

  /** Closes every gateway socket with `code`; sessions stay resumable, dispatches are kept for replay. */
  closeGateway(code = 4000, reason = "fake discord closed the gateway"): void {
    for (const session of this.sessions.values()) {
      const socket = session.socket;
      session.socket = null;
      session.live = false;
      socket?.close(code, reason);
    }
  }

  /** Sends a dispatch to every session; sessions that are down get it on RESUME. */
  dispatch(t: string, d: unknown): void {
    for (const session of this.sessions.values()) this.dispatchTo(session, t, d);
  }

  private dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const text = JSON.stringify({ op: 0, t, s: session.seq, d });
    session.log.push({ s: session.seq, text });
    if (session.live && session.socket) session.socket.send(text);
  }

  private onSocket(ws: WebSocket): void {
    let session: GatewaySession | null = null;
    ws.send(
      JSON.stringify({
        op: 10,
        d: { heartbeat_interval: this.heartbeatIntervalMs },
        s: null,
        t: null,
      }),
    );
    ws.on("message", (raw, isBinary) => {
      if (isBinary) {
        ws.close(4002, "binary frames are not understood");
        return;
      }
      let payload: { op?: unknown; d?: unknown };
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        ws.close(4002, "decode error");
        return;
      }
      const d = asRecord(payload.d);
      switch (payload.op) {
        case 1:
          this.heartbeats += 1;
          ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
          break;
        case 2:
          if (this.validToken !== undefined && d.token !== this.validToken) {
            ws.close(4004, "Authentication failed.");
            break;
          }
          session = this.identify(ws, String(d.token ?? ""));
          break;
        case 6:
          session = this.resume(ws, String(d.session_id ?? ""), Number(d.seq ?? 0));
          break;
        default:
          break;
      }
      this.changed();
    });
    ws.on("close", (code) => {
      this.gatewayCloseCodes.push(code);
      this.changed();
      if (session && session.socket === ws) {
        session.socket = null;
        session.live = false;
      }
    });
  }

  private identify(ws: WebSocket, token: string): GatewaySession {
    this.identifies += 1;
    // A client that identifies again has given up its old session; never replay into it.
    for (const [id, old] of this.sessions) {
      if (old.token === token && old.socket !== ws) {
        old.socket?.terminate();
        this.sessions.delete(id);
      }
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString("hex"),
      token,
      seq: 0,
      log: [],
      socket: ws,
      live: true,
    };
    this.sessions.set(session.id, session);
    this.dispatchTo(session, "READY", {
      v: 10,
      user: this.botUser,
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ["fake-discord"],
    });
    for (const guild of this.guilds)
      this.dispatchTo(session, "GUILD_CREATE", this.guildPayload(guild));
    return session;
  }

  private resume(ws: WebSocket, sessionId: string, seq: number): GatewaySession | null {
    const session = this.sessions.get(sessionId);
    if (!session) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return null;
    }
    this.resumes += 1;
    session.socket?.terminate();
    session.socket = ws;
    for (const entry of session.log) if (entry.s > seq) ws.send(entry.text);
    session.live = true;
    this.dispatchTo(session, "RESUMED", { _trace: ["fake-discord"] });
    return session;
  }

  private guildPayload(guild: FakeGuild): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guild.id,
          name: "@everyone",
          color: 0,
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 0,
          permissions: "1071698660929",
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: guild.channelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [
        {
          id: guild.channelId,
          type: 0,
          guild_id: guild.id,
          name: "trade-questions",
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          topic: null,
          last_message_id: null,
          rate_limit_per_user: 0,
          parent_id: null,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---------------------------------------------------------------- interactions

  /**
   * From now on interactions are POSTed to `url` signed with `privateKey`, as Discord does for
   * an application with an Interactions Endpoint URL, instead of dispatched over the gateway.
   * A 200 response's body is taken as the interaction's callback.
   */
  deliverTo(url: string, privateKey: KeyObject): void {
    this.endpoint = { url, key: privateKey };
  }

  /** The endpoint's response to an interaction POSTed to it. */
  waitForDelivery(interactionId: string, timeoutMs: number): Promise<HttpDelivery> {
    return this.waitOn(
      `the endpoint's response to interaction ${interactionId}`,
      () => this.deliveries.get(interactionId),
      timeoutMs,
      interactionId,
    );
  }

  private async deliver(
    state: InteractionState,
    endpoint: { url: string; key: KeyObject },
  ): Promise<void> {
    const body = JSON.stringify(state.sent.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), endpoint.key).toString("hex");
    const delivery: HttpDelivery = { status: 0, body: null, at: 0, violations: [] };
    // node:http rather than fetch: a burst of hundreds is queued in a fraction of the time.
    await new Promise<void>((resolve) => {
      const request = httpRequest(
        endpoint.url,
        {
          method: "POST",
          agent: this.endpointAgent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
            "x-signature-ed25519": signature,
            "x-signature-timestamp": timestamp,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            delivery.status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            try {
              delivery.body = JSON.parse(text);
            } catch {
              delivery.body = text;
            }
            resolve();
          });
          response.on("error", (error) => {
            delivery.body = String(error);
            resolve();
          });
        },
      );
      request.on("error", (error) => {
        delivery.body = String(error);
        resolve();
      });
      request.end(body);
    });
    delivery.at = performance.now();
    const late =
      this.callbackDeadlineMs !== undefined &&
      delivery.at - state.sent.dispatchedAt > this.callbackDeadlineMs;
    if (delivery.status === 200 && !late) {
      delivery.violations = this.takeCallback(state, asRecord(delivery.body), delivery.at) ?? [];
    }
    this.deliveries.set(state.sent.id, delivery);
    this.changed(state.sent.id);
  }

  /** Dispatches an INTERACTION_CREATE built from `payload` plus the fields every interaction carries. */
  sendInteraction(
    type: number,
    data: Record<string, unknown> | undefined,
    context: InteractionContext = {},
    extra: Record<string, unknown> = {},
  ): SentInteraction {
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb24${id}${randomBytes(24).toString("base64url")}`;
    const guild = this.guilds[0];
    const guildId = context.guildId === undefined ? (guild?.id ?? null) : context.guildId;
    const channelId = context.channelId ?? guild?.channelId ?? snowflake();
    const user = {
      id: context.userId ?? "400000000000000001",
      username: context.username ?? "trader",
      discriminator: "0",
      global_name: context.username ?? "Trader",
      avatar: null,
      public_flags: 0,
    };
    const payload: Record<string, unknown> = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      channel_id: channelId,
      channel: this.threads.has(channelId)
        ? this.threadObject(this.threads.get(channelId) as FakeThread)
        : guildId
          ? {
              id: channelId,
              type: 0,
              guild_id: guildId,
              name: "trade-questions",
              permissions: ALL_PERMISSIONS,
              nsfw: false,
              position: 0,
              parent_id: null,
            }
          : { id: channelId, type: 1, recipients: [user], last_message_id: null, flags: 0 },
      app_permissions: ALL_PERMISSIONS,
      locale: context.locale ?? "en-US",
      entitlements: [],
      authorizing_integration_owners: guildId ? { "0": guildId } : { "1": user.id },
      context: guildId ? 0 : 1,
      attachment_size_limit: 8 * 1024 * 1024,
      ...(data ? { data } : {}),
      ...(guildId
        ? {
            guild_id: guildId,
            guild: { id: guildId, locale: "en-US", features: [] },
            guild_locale: "en-US",
            member: {
              user,
              roles: [],
              permissions: context.permissions ?? ALL_PERMISSIONS,
              joined_at: new Date().toISOString(),
              premium_since: null,
              deaf: false,
              mute: false,
              flags: 0,
              pending: false,
              nick: null,
              avatar: null,
              communication_disabled_until: null,
            },
          }
        : { user }),
      ...extra,
    };
    const sent: SentInteraction = { id, token, type, payload, dispatchedAt: performance.now() };
    this.interactions.set(id, sent);
    const state: InteractionState = {
      sent,
      callbackType: null,
      callbackData: {},
      callbackAt: 0,
      ephemeral: false,
      original: null,
      edits: [],
      followups: [],
      calls: [],
    };
    this.states.set(id, state);
    this.byToken.set(token, state);
    if (this.endpoint) void this.deliver(state, this.endpoint);
    else this.dispatch("INTERACTION_CREATE", payload);
    return sent;
  }

  /** A slash command. Plain values become options: strings 3, booleans 5, integers 4, other numbers 10. */
  command(
    name: string,
    options: Record<string, OptionValue> | CommandOption[] = {},
    context: InteractionContext = {},
  ): SentInteraction {
    return this.sendInteraction(
      2,
      { id: snowflake(), name, type: 1, options: toOptions(options) },
      context,
    );
  }

  /**
   * A subcommand (`/article add url: …`): string, boolean and number values as in `command`; a
   * FakeAttachment becomes an attachment option with the file in `resolved.attachments`.
   */
  subcommand(
    name: string,
    sub: string,
    options: Record<string, OptionValue | FakeAttachment> = {},
    context: InteractionContext = {},
  ): SentInteraction {
    const attachments: Record<string, unknown> = {};
    const list: CommandOption[] = Object.entries(options).map(([optionName, value]) => {
      if (typeof value !== "object") return toOptions({ [optionName]: value })[0] as CommandOption;
      const id = snowflake();
      attachments[id] = {
        id,
        filename: value.filename,
        url: value.url,
        proxy_url: value.url,
        content_type: value.contentType,
        size: value.size,
      };
      return { name: optionName, type: 11, value: id };
    });
    return this.sendInteraction(
      2,
      {
        id: snowflake(),
        name,
        type: 1,
        options: [{ name: sub, type: 1, options: list }],
        ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
      },
      context,
    );
  }

  /** Autocomplete inside a subcommand, with `focused` the option being typed. */
  subcommandAutocomplete(
    name: string,
    sub: string,
    options: Record<string, OptionValue>,
    focused: string,
    context: InteractionContext = {},
  ): SentInteraction {
    const list = toOptions(options).map((o) => (o.name === focused ? { ...o, focused: true } : o));
    return this.sendInteraction(
      4,
      { id: snowflake(), name, type: 1, options: [{ name: sub, type: 1, options: list }] },
      context,
    );
  }

  /** A submitted modal: each field a text input in its own row. */
  modalSubmit(
    customId: string,
    fields: Record<string, string>,
    context: InteractionContext = {},
  ): SentInteraction {
    const components = Object.entries(fields).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    return this.sendInteraction(5, { custom_id: customId, components }, context);
  }

  /** Autocomplete for `name`, with `focused` the option being typed. */
  autocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    context: InteractionContext = {},
  ): SentInteraction {
    const list = toOptions(options).map((o) => (o.name === focused ? { ...o, focused: true } : o));
    return this.sendInteraction(4, { id: snowflake(), name, type: 1, options: list }, context);
  }

  /**
   * A button press. `onMessage` is the message the button sits on; by default the original
   * response of `fromInteraction` as the fake stored it, else a bare message.
   */
  button(
    customId: string,
    fromInteraction?: string,
    context: InteractionContext = {},
  ): SentInteraction {
    const stored = fromInteraction ? this.originalMessage(fromInteraction) : null;
    const message =
      stored ??
      this.messageObject(
        snowflake(),
        context.channelId ?? this.guilds[0]?.channelId ?? snowflake(),
        {},
      );
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, context, {
      message,
    });
  }

  private messageObject(
    id: string,
    channelId: string,
    data: Record<string, unknown>,
  ): Record<string, unknown> {
    return {
      id,
      type: 20,
      channel_id: channelId,
      author: this.botUser,
      content: typeof data.content === "string" ? data.content : "",
      embeds: Array.isArray(data.embeds) ? data.embeds : [],
      components: Array.isArray(data.components) ? data.components : [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: typeof data.flags === "number" ? data.flags : 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
    };
  }

  // ---------------------------------------------------------------- REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const rawUrl = req.url ?? "/";
    const url = new URL(rawUrl, "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname.startsWith(API_PREFIX)
      ? url.pathname
          .slice(API_PREFIX.length)
          .split("/")
          .map((segment) => safeDecode(segment))
          .join("/")
      : url.pathname;
    const raw = await readBody(req);
    const { body, files, attachments } = parseBody(raw, String(req.headers["content-type"] ?? ""));
    const call: RestCall = {
      method,
      path,
      rawUrl,
      query: url.searchParams,
      headers: req.headers,
      body,
      files,
      attachments,
      at,
      status: 0,
      violations: [],
      interactionId: null,
    };
    const segments = path.split("/");
    const about =
      segments[1] === "interactions"
        ? this.states.get(segments[2] ?? "")
        : segments[1] === "webhooks"
          ? this.byToken.get(segments[3] ?? "")
          : undefined;
    if (about) call.interactionId = about.sent.id;

    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.restCalls.push(call);
      about?.calls.push(call);
      const text = json === undefined ? "" : JSON.stringify(json);
      res.writeHead(status, {
        ...(text ? { "content-type": "application/json" } : {}),
        ...headers,
      });
      res.end(text);
      this.changed(call.interactionId);
    };

    if (!url.pathname.startsWith(API_PREFIX)) {
      send(404, { message: "404: Not Found", code: 0 });
      return;
    }
    // Interaction callbacks and webhooks authenticate by their token in the path, not the header.
    const authenticated = path.startsWith("/interactions/") || path.startsWith("/webhooks/");
    if (
      this.validToken !== undefined &&
      !authenticated &&
      req.headers.authorization !== `Bot ${this.validToken}`
    ) {
      send(401, { message: "401: Unauthorized", code: 0 });
      return;
    }
    const fault = this.takeFault(method, path);
    if (fault) {
      send(
        fault.status,
        fault.body ?? { message: `fake fault ${fault.status}`, code: 0 },
        fault.headers ?? {},
      );
      return;
    }
    const [answer, json, headers] = this.route(method, path, call);
    send(answer, json, headers);
  }

  private route(
    method: string,
    path: string,
    call: RestCall,
  ): [number, unknown?, Record<string, string>?] {
    const parts = path.split("/").filter(Boolean);
    const body = asRecord(call.body);

    if (method === "GET" && path === "/gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 86_400_000,
            max_concurrency: 1,
          },
        },
      ];
    }
    if (method === "GET" && path === "/gateway") return [200, { url: this.gatewayUrl }];
    if (method === "GET" && path === "/users/@me") return [200, this.botUser];
    if (method === "GET" && (path === "/applications/@me" || path === "/oauth2/applications/@me")) {
      return [
        200,
        {
          id: this.applicationId,
          name: "Tijarat",
          icon: null,
          description: "",
          bot_public: false,
          bot_require_code_grant: false,
          flags: 0,
          owner: this.botUser,
        },
      ];
    }

    // /interactions/{id}/{token}/callback
    if (parts[0] === "interactions" && parts[3] === "callback" && method === "POST") {
      const state = this.states.get(parts[1] ?? "");
      const late =
        state !== undefined &&
        this.callbackDeadlineMs !== undefined &&
        call.at - state.sent.dispatchedAt > this.callbackDeadlineMs;
      if (!state || state.sent.token !== parts[2] || (late && state.callbackType === null))
        return [404, { message: "Unknown interaction", code: 10062 }];
      if (state.callbackType !== null) {
        return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
      }
      const refused = this.takeCallback(state, body, call.at);
      if (refused) return this.refuse(call, refused);
      const type = state.callbackType;
      if (call.query.get("with_response") === "true") {
        return [
          200,
          {
            interaction: {
              id: state.sent.id,
              type: state.sent.type,
              response_message_id: state.original?.id,
              response_message_loading: type === 5,
              response_message_ephemeral: state.ephemeral,
            },
            resource: { type, ...(state.original ? { message: state.original } : {}) },
          },
        ];
      }
      return [204];
    }

    // /webhooks/{app}/{token}[/messages/{id}]
    if (parts[0] === "webhooks" && parts[1] === this.applicationId) {
      const state = this.byToken.get(parts[2] ?? "");
      if (!state) return [404, { message: "Unknown Webhook", code: 10015 }];
      const messageId = parts[3] === "messages" ? parts[4] : undefined;
      if (messageId === undefined && parts.length === 3 && method === "POST") {
        if (state.callbackType === null) return [404, { message: "Unknown Webhook", code: 10015 }];
        const violations = this.validate("message", body);
        if (violations.length > 0) return this.refuse(call, violations);
        state.followups.push(call);
        return [
          200,
          this.messageObject(snowflake(), state.sent.payload.channel_id as string, body),
        ];
      }
      if (messageId === "@original" || (messageId && state.original?.id === messageId)) {
        if (!state.original) return [404, { message: "Unknown Message", code: 10008 }];
        if (method === "GET") return [200, state.original];
        if (method === "DELETE") {
          state.original = null;
          return [204];
        }
        if (method === "PATCH") {
          const violations = this.validate("message", body);
          if (violations.length > 0) return this.refuse(call, violations);
          state.edits.push(call);
          state.original = {
            ...state.original,
            ...pickMessageFields(body),
            edited_timestamp: new Date().toISOString(),
          };
          return [200, state.original];
        }
      }
      if (messageId && method === "PATCH") {
        const followup = state.followups.find((f) => f.status === 200);
        if (!followup) return [404, { message: "Unknown Message", code: 10008 }];
        return [200, this.messageObject(messageId, state.sent.payload.channel_id as string, body)];
      }
      return [404, { message: "Unknown Message", code: 10008 }];
    }

    // /channels/{channel}/messages/{message}/threads: a public thread started from a message.
    if (
      parts[0] === "channels" &&
      parts[2] === "messages" &&
      parts[4] === "threads" &&
      parts.length === 5 &&
      method === "POST"
    ) {
      return this.startThread(parts[1] ?? "", parts[3] ?? "", body);
    }

    // /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands
    if (
      parts[0] === "applications" &&
      parts.at(-1) === "commands" &&
      (parts.length === 3 || (parts.length === 5 && parts[2] === "guilds"))
    ) {
      if (parts[1] !== this.applicationId) return [403, { message: "Missing Access", code: 50001 }];
      const guildId = parts.length === 5 ? parts[3] : undefined;
      if (method === "PUT") {
        const violations = this.validate("commands", call.body);
        if (violations.length > 0) return this.refuse(call, violations);
        this.commandPuts.set(path, call.body);
        const stored = (Array.isArray(call.body) ? call.body : []).map((command) => ({
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          type: 1,
          default_member_permissions: null,
          ...(guildId ? { guild_id: guildId } : {}),
          ...asRecord(command),
        }));
        this.storedCommands.set(path, stored);
        return [200, stored];
      }
      if (method === "GET") return [200, this.storedCommands.get(path) ?? []];
    }

    return [404, { message: "404: Not Found", code: 0 }];
  }

  /**
   * Records an interaction's response (by callback or, over HTTP, in the response body); returns
   * the violations when the validator refuses it.
   */
  private takeCallback(
    state: InteractionState,
    body: Record<string, unknown>,
    at: number,
  ): string[] | null {
    const type = Number(body.type);
    const data = asRecord(body.data);
    const violations = this.validate(type === 8 ? "autocomplete" : "message", data);
    if (violations.length > 0) return violations;
    state.callbackType = type;
    state.callbackData = data;
    state.callbackAt = at;
    state.ephemeral = ((Number(data.flags ?? 0) & EPHEMERAL) !== 0) as boolean;
    if (type === 4 || type === 5) {
      state.original = this.messageObject(
        snowflake(),
        state.sent.payload.channel_id as string,
        type === 5 ? { flags: data.flags } : data,
      );
    } else if (type === 6 || type === 7) {
      const clicked = asRecord(state.sent.payload.message);
      state.original = type === 7 ? { ...clicked, ...pickMessageFields(data) } : clicked;
    }
    return null;
  }

  /** A message the bot sent as an interaction's original response, by id. */
  private messageById(messageId: string): Record<string, unknown> | null {
    for (const state of this.states.values()) {
      if (state.original?.id === messageId) return state.original;
    }
    return null;
  }

  /**
   * A thread opened elsewhere in the same Discord (through another replica's fake): this bot
   * learns of it as Discord tells every connection of the server, by THREAD_CREATE.
   */
  knowThread(thread: FakeThread): void {
    this.threads.set(thread.id, thread);
    this.dispatch("THREAD_CREATE", { ...this.threadObject(thread), newly_created: true });
  }

  private startThread(
    channelId: string,
    messageId: string,
    body: Record<string, unknown>,
  ): [number, unknown?] {
    const message = this.messageById(messageId);
    if (!message || message.channel_id !== channelId) {
      return [404, { message: "Unknown Message", code: 10008 }];
    }
    if (this.threads.has(messageId)) {
      return [400, { message: "A thread has already been created for this message", code: 160004 }];
    }
    const name = typeof body.name === "string" ? body.name : "";
    if (name.length < 1 || name.length > 100) {
      return [
        400,
        {
          message: "Invalid Form Body",
          code: 50035,
          errors: { name: { _errors: [{ code: "BASE_TYPE_BAD_LENGTH", message: "1 to 100" }] } },
        },
      ];
    }
    const guild = this.guilds.find((g) => g.channelId === channelId) ?? this.guilds[0];
    const thread: FakeThread = {
      id: messageId,
      guildId: guild?.id ?? "",
      parentId: channelId,
      name,
      autoArchiveDuration: Number(body.auto_archive_duration ?? 1440),
    };
    this.threads.set(thread.id, thread);
    // The message now has a thread: discord.js reads the flag (HAS_THREAD, 1 << 5).
    message.flags = Number(message.flags ?? 0) | (1 << 5);
    const object = this.threadObject(thread);
    message.thread = object;
    this.dispatch("THREAD_CREATE", { ...object, newly_created: true });
    return [201, object];
  }

  private threadObject(thread: FakeThread): Record<string, unknown> {
    return {
      id: thread.id,
      type: 11,
      guild_id: thread.guildId,
      parent_id: thread.parentId,
      owner_id: this.applicationId,
      name: thread.name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      permissions: ALL_PERMISSIONS,
      thread_metadata: {
        archived: false,
        auto_archive_duration: thread.autoArchiveDuration,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        create_timestamp: new Date().toISOString(),
      },
    };
  }

  private validate(kind: "message" | "autocomplete" | "commands", body: unknown): string[] {
    return this.validatePayload ? this.validatePayload(kind, body) : [];
  }

  private refuse(call: RestCall, violations: string[]): [number, unknown] {
    call.violations = violations;
    return [
      400,
      {
        message: "Invalid Form Body",
        code: 50035,
        errors: { _errors: violations.map((message) => ({ code: "BASE_TYPE_INVALID", message })) },
      },
    ];
  }
}

function toOptions(options: Record<string, OptionValue> | CommandOption[]): CommandOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({
    name,
    value,
    type:
      typeof value === "string"
        ? 3
        : typeof value === "boolean"
          ? 5
          : Number.isInteger(value)
            ? 4
            : 10,
  }));
}

function pickMessageFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of [
    "content",
    "embeds",
    "components",
    "flags",
    "allowed_mentions",
    "attachments",
  ]) {
    if (key in body) fields[key] = body[key];
  }
  return fields;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** JSON bodies as they are; multipart bodies by their `payload_json` part, files kept. */
function parseBody(
  raw: Buffer,
  contentType: string,
): { body: unknown; files: number; attachments: FilePart[] } {
  if (raw.length === 0) return { body: null, files: 0, attachments: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (contentType.startsWith("multipart/form-data") && boundary) {
    const marker = `--${boundary[1] ?? boundary[2] ?? ""}`;
    let body: unknown = null;
    let files = 0;
    const attachments: FilePart[] = [];
    for (const part of raw.toString("latin1").split(marker)) {
      const split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      const head = part.slice(0, split);
      if (/name="payload_json"/.test(head)) {
        const content = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ""), "latin1").toString(
          "utf8",
        );
        body = JSON.parse(content);
      } else if (/filename=/.test(head)) {
        files += 1;
        attachments.push({
          field: /name="([^"]*)"/.exec(head)?.[1] ?? "",
          filename: /filename="([^"]*)"/.exec(head)?.[1] ?? "",
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? "",
          data: Buffer.from(part.slice(split + 4).replace(/\r\n$/, ""), "latin1"),
        });
      }
    }
    return { body, files, attachments };
  }
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text), files: 0, attachments: [] };
  } catch {
    return { body: text, files: 0, attachments: [] };
  }
}
