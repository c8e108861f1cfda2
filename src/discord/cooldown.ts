export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** What the router asks before running a command or a button: may this user go ahead now? */
export interface CooldownGate {
  take(userId: string): CooldownVerdict | Promise<CooldownVerdict>;
}

/**
 * A per-user sliding window in this process's memory: at most `requests` in any `seconds`. `take`
 * records a request and says whether it may go ahead, and if not, how many seconds until it may.
 * `SharedCooldown` counts across processes and falls back to this one.
 */
export class Cooldown implements CooldownGate {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly requests: number,
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(userId: string): CooldownVerdict {
    const now = this.now();
    const windowMs = this.seconds * 1000;
    const times = (this.recent.get(userId) ?? []).filter((time) => now - time < windowMs);
    if (times.length >= this.requests) {
      this.recent.set(userId, times);
      const oldest = times[0] ?? now;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)),
      };
    }
    times.push(now);
    this.recent.set(userId, times);
    this.sweep(now, windowMs);
    return { allowed: true };
  }

  /** Forgets users whose window has passed, so the map does not grow with every user ever seen. */
  private sweep(now: number, windowMs: number): void {
    if (this.recent.size < 10_000) return;
    for (const [user, times] of this.recent) {
      const last = times[times.length - 1];
      if (last === undefined || now - last >= windowMs) this.recent.delete(user);
    }
  }
}
