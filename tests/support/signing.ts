/**
 * An application key pair as the Developer Portal would have it, and requests signed with it as
 * Discord signs the interactions it POSTs to an Interactions Endpoint URL.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface SigningKeys {
  privateKey: KeyObject;
  /** The public key as the Developer Portal shows it: the raw 32 bytes in hex. */
  publicKeyHex: string;
}

export function signingKeys(): SigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // The raw key is the last 32 bytes of its SubjectPublicKeyInfo.
  const der = publicKey.export({ format: "der", type: "spki" });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString("hex") };
}

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

/** The signature headers Discord sends for `body` at `timestamp`. */
export function signatureHeaders(
  privateKey: KeyObject,
  body: string | Buffer,
  timestamp: string = nowSeconds(),
): Record<string, string> {
  const signature = sign(
    null,
    Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
    privateKey,
  );
  return {
    "x-signature-ed25519": signature.toString("hex"),
    "x-signature-timestamp": timestamp,
  };
}

/** POSTs `body` to an interactions endpoint, with `headers` (the signature, or not). */
export async function postInteraction(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, json };
}
