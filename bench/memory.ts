import { toMB } from "./stats";

export interface MemoryReading {
  rssMB: number;
  heapMB: number;
  /** Whether a full GC ran first (only with --expose-gc); without it the heap includes garbage. */
  afterGc: boolean;
}

/** Resident set and used heap after a full garbage collection, when the process allows one. */
export function memoryAfterGc(): MemoryReading {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    // Twice: the first pass can leave objects that only the second finds unreachable (weak refs, finalizers).
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  return { rssMB: toMB(usage.rss), heapMB: toMB(usage.heapUsed), afterGc: gc !== undefined };
}
