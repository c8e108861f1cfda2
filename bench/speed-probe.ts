/**
 * A fixed piece of CPU work timed at the start and the end of a bench run: how fast the machine
 * was while the run measured it. On a shared or virtual machine the same work takes from one to
 * three times as long from hour to hour (0.6–1.8 s for this probe on the 2-core machine the README
 * reports), and every absolute timing of the run moves with it; ratios measured in the same run
 * do not. The work is string keys in a Map, the kind of work ingest and search do, and uses
 * nothing of Tijarat's, so a change to Tijarat never changes it.
 */

const ROUNDS = 3;

function probeOnce(): number {
  const started = performance.now();
  const map = new Map<string, number>();
  let sum = 0;
  for (let i = 0; i < 3_000_000; i++) {
    map.set(`k${i % 50_000}`, i);
    sum += map.get(`k${(i * 7) % 50_000}`) ?? 0;
  }
  if (sum < 0) throw new Error("unreachable: keeps the loop from being optimised away");
  return performance.now() - started;
}

/** The median of a few runs of the probe, in milliseconds. */
export function speedProbeMs(): number {
  const times = Array.from({ length: ROUNDS }, probeOnce).sort((a, b) => a - b);
  return Math.round(times[Math.floor(ROUNDS / 2)] as number);
}
