/** Latency summaries. Percentiles use the nearest-rank method: p99 is a time some request actually took. */

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** The nearest-rank percentile of already sorted values (`p` in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Rounds to `digits` decimals, so reports do not print float noise. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, x) => total + x, 0);
  return {
    p50: round(percentile(sorted, 50), 3),
    p95: round(percentile(sorted, 95), 3),
    p99: round(percentile(sorted, 99), 3),
    mean: round(sorted.length === 0 ? Number.NaN : sum / sorted.length, 3),
    max: round(sorted[sorted.length - 1] ?? Number.NaN, 3),
  };
}

export const toMB = (bytes: number): number => round(bytes / (1024 * 1024), 1);
