import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { blockedAddress, isIpLiteral } from "./address-policy";
import { ArticleRefusal, refuse } from "./refusal";

/**
 * Fetches a news page a person named, safely. A URL typed into Discord is untrusted: it may point
 * at the bot's own machine or network, redirect there, resolve there by DNS, stream forever or
 * send gigabytes. So, for every hop (the first request and each redirect, at most five):
 *
 * - only http and https, no user name or password in the URL;
 * - the host is resolved here and every address it resolves to must be public (address-policy.ts);
 * - the connection goes to the address that was checked, through a `lookup` that returns it, so a
 *   second DNS answer cannot send it elsewhere (DNS rebinding);
 * - one deadline covers all hops and the whole body; the body is counted while it streams
 *   (after decompression) and cut off past the limit; only HTML, plain text and Markdown are read.
 */

export const FETCH_LIMITS = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
} as const;

export const USER_AGENT =
  "TijaratBot/0.1 (reads one news article when a server admin adds it to a trade-news Discord bot)";

export type PageKind = "html" | "text" | "markdown";

export interface FetchedPage {
  /** Where the page was finally read from, after redirects. */
  url: string;
  kind: PageKind;
  text: string;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchOptions {
  /** FETCH_ALLOW_LOOPBACK: 127.0.0.0/8 and ::1 may be fetched (tests on this machine). */
  allowLoopback?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** How host names resolve; the system resolver by default (tests give a table). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** What a Content-Type says the body is, or null for a type that is not read. */
export function pageKindOf(contentType: string): PageKind | null {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  if (type === "text/markdown" || type === "text/x-markdown") return "markdown";
  return null;
}

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "a PDF",
  "application/json": "JSON",
  "application/octet-stream": "binary data",
  "application/zip": "a ZIP archive",
};

function describeType(contentType: string): string {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  const name =
    TYPE_NAMES[type] ??
    (type.startsWith("image/")
      ? "an image"
      : type.startsWith("video/")
        ? "a video"
        : type.startsWith("audio/")
          ? "audio"
          : "a file");
  return `${name} (${type || "no content type"})`;
}

/** Checks a URL before anything is sent: scheme, credentials, a host. */
export function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse("invalid", `${JSON.stringify(text.slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return refuse(
      "scheme",
      `only http and https pages can be added, not ${url.protocol.replace(/:$/, "")}: URLs`,
    );
  }
  if (url.username || url.password) {
    return refuse("invalid", "URLs with a user name or password in them are not fetched");
  }
  if (!url.hostname) return refuse("invalid", `${url.href} names no host`);
  return url;
}

/** The host's addresses, each checked; refuses an unknown host or any address not public. */
async function checkedAddress(url: URL, options: FetchOptions): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIpLiteral(host)) {
    addresses = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (code === "ENOTFOUND" || code === "ENODATA" || code === "EAI_NONAME") {
        return refuse("unknown-host", `unknown host ${host}: it does not resolve`);
      }
      return refuse("unknown-host", `host ${host} could not be resolved (${code || "no answer"})`);
    }
    if (addresses.length === 0) return refuse("unknown-host", `unknown host ${host}: no address`);
  }
  for (const { address } of addresses) {
    const why = blockedAddress(address, options.allowLoopback === true);
    if (why) {
      const via = address === host ? host : `${host} resolves to ${address}`;
      return refuse("address", `${via}, ${why}: such addresses are never fetched`);
    }
  }
  return addresses[0] as ResolvedAddress;
}

/** A lookup that answers the address already checked, whatever DNS would say now. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

function send(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "GET",
      lookup: pinnedLookup(pinned),
      signal,
      headers: {
        "user-agent": USER_AGENT,
        accept: "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9",
        "accept-encoding": "gzip, deflate, br",
        "accept-language": "en",
      },
    });
    req.once("response", resolve);
    req.once("error", reject);
    req.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(createGunzip());
  if (encoding === "deflate") return response.pipe(createInflate());
  if (encoding === "br") return response.pipe(createBrotliDecompress());
  if (encoding === "identity" || encoding === "") return response;
  return refuse(
    "type",
    `the page is sent with an encoding this reader does not know (${encoding})`,
  );
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return refuse(
      "too-large",
      `the page is ${megabytes(declared)}, over the ${megabytes(maxBytes)} limit`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const body = decoded(response);
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      body.destroy();
      return refuse("too-large", `the page is over the ${megabytes(maxBytes)} limit`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The charset a Content-Type or an HTML page's own meta tag names; UTF-8 when neither does. */
function charsetOf(contentType: string, head: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head.toString("latin1"))?.[1];
  const label = (fromHeader ?? fromMeta ?? "utf-8").toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return "utf-8";
  }
}

function sniffKind(head: string): PageKind | null {
  return /^\s*(?:<!doctype html|<html|<head|<body)/i.test(head) ? "html" : null;
}

/**
 * Fetches `target` under the rules above. Resolves to the page's text; throws ArticleRefusal
 * with a one-line reason for anything refused.
 */
export async function fetchPage(target: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_LIMITS.maxRedirects;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = () =>
    new ArticleRefusal(
      "timeout",
      `no complete answer from ${new URL(target).host} within ${Math.round(timeoutMs / 100) / 10} s`,
    );
  try {
    let url = checkUrl(target);
    for (let hop = 0; ; hop++) {
      const pinned = await checkedAddress(url, options);
      if (controller.signal.aborted) throw timedOut();
      let response: IncomingMessage;
      try {
        response = await send(url, pinned, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw timedOut();
        const code = (error as { code?: string }).code ?? (error as Error).message;
        return refuse("unreachable", `could not reach ${url.host} (${code})`);
      }
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (hop >= maxRedirects) {
          return refuse("redirects", `more than ${maxRedirects} redirects, starting at ${target}`);
        }
        let next: string;
        try {
          next = new URL(response.headers.location, url).href;
        } catch {
          return refuse("unreachable", `${url.host} redirects to an address that is not a URL`);
        }
        url = checkUrl(next);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return refuse("unreachable", `${url.host} answered HTTP ${status} for ${url.href}`);
      }
      const contentType = String(response.headers["content-type"] ?? "");
      let kind = contentType ? pageKindOf(contentType) : null;
      if (contentType && !kind) {
        response.destroy();
        return refuse(
          "type",
          `${url.href} is ${describeType(contentType)}, not an HTML page, plain text or Markdown`,
        );
      }
      let body: Buffer;
      try {
        body = await readBody(response, maxBytes);
      } catch (error) {
        if (controller.signal.aborted) throw timedOut();
        if (error instanceof ArticleRefusal) throw error;
        return refuse("unreachable", `the page from ${url.host} broke off while read`);
      }
      kind ??= sniffKind(body.subarray(0, 512).toString("latin1"));
      if (!kind) {
        return refuse("type", `${url.href} has no content type and does not look like HTML`);
      }
      const text = new TextDecoder(charsetOf(contentType, body.subarray(0, 1024))).decode(body);
      return { url: url.href, kind, text };
    }
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof ArticleRefusal)) throw timedOut();
    if (controller.signal.aborted && (error as ArticleRefusal).kind === "unreachable") {
      throw timedOut();
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
