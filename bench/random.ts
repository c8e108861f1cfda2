/**
 * A small seeded PRNG (mulberry32) so the benchmark corpus and questions are the same on every
 * machine and every run: timings can then be compared across commits. Math.random is never used.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [low, high], both inclusive. */
  int(low: number, high: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A new independent stream derived from this one and a label, so adding draws to one part of the generator does not shift another. */
  fork(label: string): Random;
}

/** FNV-1a: turns a label into a 32-bit seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    fork: (label) => createRandom((hashSeed(label) ^ Math.floor(next() * 4294967296)) >>> 0),
  };
  return random;
}

/**
 * Draws indices 0..n-1 with probability proportional to 1/(rank+1+offset)^exponent
 * (Zipf–Mandelbrot): word frequencies in news text follow this law, and a search index's cost
 * depends on exactly that skew (a few very common terms, a long tail of rare ones). The offset
 * flattens the head, as for content words, whose most frequent one is about 1% of a text.
 */
export function zipfSampler(n: number, exponent = 1, offset = 0): (random: Random) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1 + offset) ** exponent;
    cumulative[i] = total;
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
