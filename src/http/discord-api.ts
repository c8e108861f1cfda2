/**
 * The few Discord REST calls an HTTP-served interaction needs after its response: editing,
 * deleting and following up its `@original` message through the interaction's webhook (its token
 * is the credential), and, with a bot token, starting a thread on a message. Plain fetch rather
 * than discord.js's REST client, whose global budget of 50 requests a second would queue a
 * burst's edits, which Discord does not count against a bot.
 */
import type { OpenedThread } from "../discord/command";
import type { Reply } from "../discord/payload";
import type { InteractionAddress } from "./interaction-request";
import { encodeMessage, messageBody } from "./response-body";

export const DEFAULT_API_URL = "https://discord.com/api";

/** Discord's "Unknown Message": an edit that reached Discord before its acknowledgement did. */
const UNKNOWN_MESSAGE = 10008;
/** Discord's "A thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;
const ATTEMPTS = 5;
const REQUEST_TIMEOUT_MS = 15_000;

export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    what: string,
  ) {
    // Never the URL: it holds the interaction's token.
    super(`Discord answered ${status}${code === null ? "" : ` (code ${code})`} to ${what}`);
    this.name = "DiscordApiError";
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DiscordApi {
  readonly #base: string;
  readonly #botToken: string | null;

  constructor(options: { apiUrl?: string | null; botToken?: string | null } = {}) {
    this.#base = `${options.apiUrl ?? DEFAULT_API_URL}/v10`;
    this.#botToken = options.botToken ?? null;
  }

  get canOpenThreads(): boolean {
    return this.#botToken !== null;
  }

  editOriginal(address: InteractionAddress, reply: Reply): Promise<unknown> {
    return this.#send(
      "PATCH",
      `${this.#webhook(address)}/messages/@original`,
      "an edit of @original",
      reply,
      { original: true },
    );
  }

  deleteOriginal(address: InteractionAddress): Promise<unknown> {
    return this.#send(
      "DELETE",
      `${this.#webhook(address)}/messages/@original`,
      "a delete of @original",
      null,
      { original: true },
    );
  }

  followUp(address: InteractionAddress, reply: Reply): Promise<unknown> {
    return this.#send("POST", this.#webhook(address), "a follow-up", reply, {
      original: false,
      flags: true,
    });
  }

  /** The public thread on a message: started with it, or the one it has (Discord allows one). */
  async openThread(channelId: string, messageId: string, name: string): Promise<OpenedThread> {
    try {
      const thread = (await this.#request(
        "POST",
        `${this.#base}/channels/${channelId}/messages/${messageId}/threads`,
        "starting a thread",
        JSON.stringify({ name, auto_archive_duration: 1440 }),
        { original: false, bot: true },
      )) as { id: string };
      return { id: thread.id, created: true };
    } catch (error) {
      if (error instanceof DiscordApiError && error.code === THREAD_ALREADY_CREATED) {
        return { id: messageId, created: false };
      }
      throw error;
    }
  }

  #webhook(address: InteractionAddress): string {
    return `${this.#base}/webhooks/${address.applicationId}/${encodeURIComponent(address.token)}`;
  }

  #send(
    method: string,
    url: string,
    what: string,
    reply: Reply | null,
    options: { original: boolean; flags?: boolean },
  ): Promise<unknown> {
    const body = reply
      ? encodeMessage(messageBody(reply, { withFlags: options.flags ?? false }), reply.files)
      : undefined;
    return this.#request(method, url, what, body, options);
  }

  /**
   * One request, tried again on a rate limit (after the wait Discord asks for), a server error,
   * or an `@original` not found yet because the acknowledgement is still on its way.
   */
  async #request(
    method: string,
    url: string,
    what: string,
    body: string | FormData | undefined,
    options: { original: boolean; bot?: boolean },
  ): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = {};
      if (typeof body === "string") headers["content-type"] = "application/json";
      if (options.bot && this.#botToken) headers.authorization = `Bot ${this.#botToken}`;
      const response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // A proxy's HTML error page: the status says enough.
      }
      if (response.ok) return json;
      const code = codeOf(json);
      if (attempt < ATTEMPTS) {
        if (response.status === 429) {
          await delay(retryAfterMs(json, response.headers));
          continue;
        }
        if (response.status >= 500 || (options.original && code === UNKNOWN_MESSAGE)) {
          await delay(50 * 2 ** attempt);
          continue;
        }
      }
      throw new DiscordApiError(response.status, code, what);
    }
  }
}

function codeOf(json: unknown): number | null {
  if (json !== null && typeof json === "object" && "code" in json) {
    const code = (json as { code: unknown }).code;
    if (typeof code === "number") return code;
  }
  return null;
}

function retryAfterMs(json: unknown, headers: Headers): number {
  const fromBody =
    json !== null && typeof json === "object" && "retry_after" in json
      ? Number((json as { retry_after: unknown }).retry_after)
      : Number.NaN;
  const seconds = Number.isFinite(fromBody) ? fromBody : Number(headers.get("retry-after") ?? 1);
  return Math.min(Math.max(seconds, 0.05), 10) * 1000;
}
