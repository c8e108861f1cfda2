/**
 * Discord interactions over HTTP: the same router and renderers as the gateway bot, reached by
 * Discord POSTing each interaction to `/interactions` instead of over a websocket. Every request
 * is checked against the application's public key first. An answer ready in time goes back in
 * the HTTP response; one that is not (a deferred command, a file to upload, a long line under a
 * burst) is acknowledged with "thinking…" and edited in through the interaction's webhook, so
 * the response always leaves within Discord's 3 s.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ACKNOWLEDGED_EARLY } from "../discord/caller-facts";
import { FAILURE_NOTICE } from "../discord/interactions";
import type { Reply } from "../discord/payload";
import { renderNotice } from "../discord/render";
import { type InteractionResponse, type RouterDeps, route } from "../discord/router";
import type { Logger } from "../log";
import type { DiscordApi } from "./discord-api";
import {
  type InteractionAddress,
  type ParsedInteraction,
  parseInteraction,
} from "./interaction-request";
import {
  CallbackKind,
  deferredBody,
  EPHEMERAL_FLAG,
  hasFiles,
  messageBody,
  updateBody,
} from "./response-body";
import { isSignedByDiscord, publicKeyFromHex } from "./signature";

/** Discord's interactions are small; anything much bigger is not from Discord. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface InteractionServerOptions {
  /** The application's public key, 64 hex characters. */
  publicKey: string;
  api: DiscordApi;
  log: Logger;
  /** The router's dependencies once the engine is loaded; until then only PING is answered. */
  deps?: RouterDeps;
  /**
   * How long an interaction that may be acknowledged early waits for its answer before it is
   * acknowledged instead; Discord refuses responses after 3 s.
   */
  acknowledgeAfterMs?: number;
}

export interface InteractionServer {
  readonly server: Server;
  /** Starts answering commands (and /healthz with 200). */
  ready(deps: RouterDeps): void;
  /** Resolves with the port listened on (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, then waits for every interaction in flight to be answered or edited in. */
  close(): Promise<void>;
}

type Answerable = Extract<ParsedInteraction, { kind: "request" }>;

/** One interaction on its way: its request, and its HTTP response until that is sent. */
interface Exchange {
  interaction: Answerable;
  res: ServerResponse;
  /** Set once the HTTP response has gone: whether it was "thinking…" (ephemeral or not). */
  acknowledged: { ephemeral: boolean } | null;
  responded: boolean;
  timer: NodeJS.Timeout | null;
  /** Called once the interaction has been answered or edited in, or has failed for good. */
  done: () => void;
  /** `performance.now()` when its request had been read. */
  arrivedAt: number;
}

export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const { api, log } = options;
  const key = publicKeyFromHex(options.publicKey);
  const acknowledgeAfterMs = options.acknowledgeAfterMs ?? 1_000;
  let deps: RouterDeps | null = options.deps ?? null;
  let closing = false;
  const inFlight = new Set<Promise<void>>();

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };

  const respond = (exchange: Exchange, body: unknown) => {
    if (exchange.responded) return;
    exchange.responded = true;
    if (exchange.timer) clearTimeout(exchange.timer);
    sendJson(exchange.res, 200, body);
  };

  /** "Thinking…" now, for a command whose answer will be edited in; false if it is too late. */
  const acknowledge = (exchange: Exchange, ephemeral: boolean): boolean => {
    if (exchange.responded) return false;
    respond(exchange, deferredBody(ephemeral));
    exchange.acknowledged = { ephemeral };
    return true;
  };

  /** Acknowledges early an interaction whose answer is always a message; others must wait. */
  const acknowledgeEarly = (exchange: Exchange) => {
    const { request } = exchange.interaction;
    if (request.type !== "command" || !ACKNOWLEDGED_EARLY.has(request.name)) return;
    if (acknowledge(exchange, request.options.private === true)) {
      log.debug("acknowledged early", { interactionId: exchange.interaction.address.id });
    }
  };

  /** Edits the reply in over "thinking…"; one meant for the asker alone under a public one
   * replaces it as an ephemeral follow-up, so it is never shown to the channel. */
  const editIn = async (address: InteractionAddress, reply: Reply, ephemeral: boolean) => {
    if ((reply.ephemeral ?? false) === ephemeral) {
      await api.editOriginal(address, reply);
    } else {
      await api.deleteOriginal(address);
      await api.followUp(address, reply);
    }
  };

  const replyOf = async (response: InteractionResponse): Promise<Reply> => {
    if (response.type === "reply" || response.type === "update") return response.reply;
    if (response.type === "deferred") return response.reply;
    // A form or choices cannot follow "thinking…"; no early-acknowledged command gives one.
    throw new Error(`a ${response.type} cannot answer an acknowledged interaction`);
  };

  const answer = async (exchange: Exchange, response: InteractionResponse): Promise<void> => {
    const { address } = exchange.interaction;
    if (exchange.acknowledged) {
      await editIn(address, await replyOf(response), exchange.acknowledged.ephemeral);
      return;
    }
    switch (response.type) {
      case "choices":
        respond(exchange, { type: CallbackKind.Choices, data: { choices: response.choices } });
        return;
      case "modal":
        respond(exchange, { type: CallbackKind.Modal, data: response.modal });
        return;
      case "update":
        if (hasFiles(response.reply)) {
          // Files go up as multipart, which only the webhook takes.
          respond(exchange, { type: CallbackKind.DeferredUpdate });
          await api.editOriginal(address, response.reply);
        } else {
          respond(exchange, { type: CallbackKind.UpdateMessage, data: updateBody(response.reply) });
        }
        return;
      case "reply":
        if (hasFiles(response.reply)) {
          acknowledge(exchange, response.reply.ephemeral ?? false);
          await api.editOriginal(address, response.reply);
        } else {
          respond(exchange, {
            type: CallbackKind.Message,
            data: messageBody(response.reply, { withFlags: true }),
          });
        }
        return;
      case "deferred": {
        // Should the acknowledgement fail, the work still ends; its outcome is then no one's.
        response.reply.catch(() => {});
        acknowledge(exchange, response.ephemeral);
        await editIn(address, await response.reply, response.ephemeral);
        return;
      }
    }
  };

  /** The apology for a failure, in place of "thinking…" or as the response. */
  const tellUser = async (exchange: Exchange) => {
    const { request, address } = exchange.interaction;
    if (!exchange.responded) {
      respond(
        exchange,
        request.type === "autocomplete"
          ? { type: CallbackKind.Choices, data: { choices: [] } }
          : {
              type: CallbackKind.Message,
              data: {
                content: FAILURE_NOTICE,
                flags: EPHEMERAL_FLAG,
                allowed_mentions: { parse: [] },
              },
            },
      );
      return;
    }
    if (!exchange.acknowledged) return;
    try {
      await editIn(address, renderNotice(FAILURE_NOTICE), exchange.acknowledged.ephemeral);
    } catch (error) {
      log.warn("could not tell the user about a failure", { interactionId: address.id, error });
    }
  };

  const describe = (exchange: Exchange) => {
    const { request, address } = exchange.interaction;
    return {
      interactionId: address.id,
      kind: request.type,
      ...(request.type === "button" || request.type === "modal"
        ? { customId: request.customId }
        : { command: request.name }),
      userId: request.userId,
      guildId: request.guildId ?? null,
    };
  };

  const finish = async (exchange: Exchange, routed: Promise<InteractionResponse>) => {
    try {
      const response = await routed;
      await answer(exchange, response);
      log.debug("interaction answered", {
        ...describe(exchange),
        response: response.type,
        ...(exchange.acknowledged ? { acknowledged: true } : {}),
        ms: Math.round(performance.now() - exchange.arrivedAt),
      });
    } catch (error) {
      log.error("interaction failed", { ...describe(exchange), error });
      await tellUser(exchange);
    } finally {
      exchange.done();
    }
  };

  /**
   * Interactions are routed one at a time, with a turn of the event loop between, so a burst
   * cannot starve the reading of requests or the sending of answers. Whoever would wait in line
   * past a quarter of the deadline (the line ahead times what routing has been taking), or has
   * waited half of it already, is acknowledged at once: Discord's clock started before ours.
   */
  const line: Exchange[] = [];
  let routingMs = 0;
  let pumping = false;
  const pump = async (routerDeps: RouterDeps) => {
    pumping = true;
    for (let exchange = line.shift(); exchange; exchange = line.shift()) {
      if (performance.now() - exchange.arrivedAt >= acknowledgeAfterMs / 2) {
        acknowledgeEarly(exchange);
      }
      const started = performance.now();
      const routed = route(exchange.interaction.request, routerDeps);
      // Settled either way before the next one starts: its failure is finish()'s to report.
      await routed.catch(() => {});
      routingMs = routingMs * 0.8 + (performance.now() - started) * 0.2;
      void finish(exchange, routed);
      await new Promise((resolve) => setImmediate(resolve));
    }
    pumping = false;
  };
  const enqueue = (exchange: Exchange, routerDeps: RouterDeps) => {
    if (line.length * routingMs >= acknowledgeAfterMs / 4) acknowledgeEarly(exchange);
    line.push(exchange);
    if (!pumping) void pump(routerDeps);
  };

  const onInteraction = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const signature = req.headers["x-signature-ed25519"];
    const timestamp = req.headers["x-signature-timestamp"];
    if (
      typeof signature !== "string" ||
      typeof timestamp !== "string" ||
      !isSignedByDiscord(key, signature, timestamp, body)
    ) {
      sendJson(res, 401, { error: "invalid request signature" });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      sendJson(res, 400, { error: "the body is not JSON" });
      return;
    }
    const interaction = parseInteraction(payload);
    if (!interaction) {
      sendJson(res, 400, { error: "not an interaction this application handles" });
      return;
    }
    if (interaction.kind === "ping") {
      sendJson(res, 200, { type: CallbackKind.Pong });
      return;
    }
    if (!deps) {
      sendJson(res, 503, { error: "still loading the articles" });
      return;
    }
    const { request, message } = interaction;
    if (request.type === "button" && message && api.canOpenThreads) {
      request.openThread = async (name) =>
        message.hasThread
          ? { id: message.id, created: false }
          : api.openThread(message.channelId, message.id, name);
    }
    let done = () => {};
    // Tracked from here, not from its turn: acknowledged early, it may wait in line unseen.
    track(
      new Promise<void>((resolve) => {
        done = resolve;
      }),
    );
    const exchange: Exchange = {
      interaction,
      res,
      acknowledged: null,
      responded: false,
      timer: null,
      done,
      arrivedAt: performance.now(),
    };
    // Work waiting on I/O (a shared store) is not seen by the line's own estimate.
    exchange.timer = setTimeout(() => acknowledgeEarly(exchange), acknowledgeAfterMs);
    res.once("close", () => {
      if (exchange.timer) clearTimeout(exchange.timer);
    });
    enqueue(exchange, deps);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      if (deps && !closing) sendJson(res, 200, { status: "ok" });
      else sendJson(res, 503, { status: closing ? "stopping" : "loading" });
      return;
    }
    if (path !== "/interactions") {
      sendJson(res, 404, { error: "not found" });
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > BODY_LIMIT_BYTES) {
      tooLarge(res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        req.removeAllListeners("data");
        req.removeAllListeners("end");
        tooLarge(res);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        onInteraction(req, res, Buffer.concat(chunks));
      } catch (error) {
        log.error("could not take an interaction request", { error });
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      }
    });
    req.on("error", () => res.destroy());
  });

  const tooLarge = (res: ServerResponse) => {
    res.shouldKeepAlive = false;
    sendJson(res, 413, { error: `bodies are limited to ${BODY_LIMIT_BYTES} bytes` });
  };

  return {
    server,
    ready(routerDeps) {
      deps = routerDeps;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        // A burst of Discord's requests must not overflow the default backlog of 511.
        server.listen({ port, ...(host ? { host } : {}), backlog: 4096 }, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Interactions already taken are answered; their edits may outlive their connections.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}
