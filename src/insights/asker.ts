/**
 * Distinct askers are counted without keeping who they are: a user id becomes an HMAC-SHA256
 * under a secret salt that is never stored in the database. With the database alone (a backup, a
 * copy shared for analysis) nobody can tell whether a given user asked anything.
 *
 * The salt is INSIGHTS_SALT when set (needed when several machines share one store), else a
 * random one generated on first start and kept in a file beside the database, readable only by
 * its owner. Losing that file only means askers before and after are counted apart.
 */
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "../log";

export type AskerHash = (userId: string) => string;

/** 128 bits of the HMAC, base64url: ample to count people, useless to recover an id. */
export function askerHash(salt: string): AskerHash {
  return (userId) => createHmac("sha256", salt).update(userId).digest("base64url").slice(0, 22);
}

const SALT_BYTES = 32;

/** The salt file for a database path: `.tijarat/insights.db` → `.tijarat/insights.db.salt`. */
export const saltFileFor = (databasePath: string): string => `${databasePath}.salt`;

/**
 * The kept salt, or a new one written atomically (a hard link cannot replace an existing file), so
 * shards starting at once all end up with the first one written.
 */
function keptSalt(file: string): string {
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
    throw new Error(`${file} holds no usable salt (under 32 characters)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const fresh = randomBytes(SALT_BYTES).toString("base64url");
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${fresh}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * The salt to hash askers with. When the salt file cannot be read or written, a salt for this run
 * only, with a warning: answers and recording go on, askers are counted per run.
 */
export function loadSalt(options: { salt: string | null; file: string; log: Logger }): string {
  if (options.salt) return options.salt;
  try {
    return keptSalt(options.file);
  } catch (error) {
    options.log.warn("insights: the salt file could not be kept; askers are counted per run", {
      file: options.file,
      error: (error as Error).message,
    });
    return randomBytes(SALT_BYTES).toString("base64url");
  }
}
