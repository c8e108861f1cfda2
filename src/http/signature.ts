/**
 * Discord signs every interaction request with the application's Ed25519 key: the signature
 * covers the timestamp header followed by the raw body. A request that does not verify is not
 * from Discord and gets 401, as Discord's own endpoint checks expect.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** The DER header of an Ed25519 SubjectPublicKeyInfo, before the 32 raw key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Requests signed longer ago (or further ahead) than this are replays, or a broken clock. */
export const SIGNATURE_MAX_AGE_SECONDS = 300;

/** The KeyObject for a public key as the Developer Portal shows it (64 hex characters). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("an Ed25519 public key is 64 hex characters");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export function isSignedByDiscord(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowSeconds: number = Date.now() / 1000,
): boolean {
  if (!signatureHex || !timestamp) return false;
  // Buffer.from(hex) stops silently at the first bad character; check the shape first.
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, "utf8"), body]),
      key,
      Buffer.from(signatureHex, "hex"),
    );
  } catch {
    return false;
  }
}
