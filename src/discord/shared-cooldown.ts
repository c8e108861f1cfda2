/**
 * Cooldowns counted in the store, so a user's requests count the same whichever process (shard,
 * replica) gets them: one atomic upsert per user and fixed window of `seconds`, at most `requests`
 * in it. Users are counted by the salted hash insights use, never by id. This process counts in
 * its own memory too (`Cooldown`), which decides when the store does not answer within the
 * guarded read's timeout: a slow or absent store costs a little precision, never a slow reply.
 *
 * A fixed window is what one upsert can count exactly; its price is that a burst across a window's
 * end may get up to twice `requests` through.
 */
import type { AskerHash } from "../insights/asker";
import type { GuardedReads } from "../insights/guarded-reads";
import type { CooldownStore } from "../insights/store";
import { Cooldown, type CooldownGate, type CooldownVerdict } from "./cooldown";

export interface SharedCooldownOptions {
  store: CooldownStore;
  reads: GuardedReads;
  hash: AskerHash;
  requests: number;
  seconds: number;
  now?: () => number;
}

export class SharedCooldown implements CooldownGate {
  private readonly local: Cooldown;
  private readonly now: () => number;

  constructor(private readonly options: SharedCooldownOptions) {
    this.now = options.now ?? Date.now;
    this.local = new Cooldown(options.requests, options.seconds, this.now);
  }

  async take(userId: string): Promise<CooldownVerdict> {
    const mine = this.local.take(userId);
    const { store, reads, hash, requests, seconds } = this.options;
    const now = this.now();
    const windowMs = seconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const counted = await reads.read("cooldown", () =>
      store.takeCooldown({ subject: hash(userId), windowStart, windowMs, limit: requests }),
    );
    if (!counted.ok) return mine;
    if (counted.value.allowed) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
    };
  }
}
