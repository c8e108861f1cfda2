import { Session } from "node:inspector/promises";
import { findSourceMap } from "node:module";

/**
 * CPU profiles of single phases (ingest, the ask loop, loading a snapshot) through the inspector,
 * so a profile shows one phase's functions rather than the whole process's, and a summary of
 * where the time goes: self time per function, as a share of the phase.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  /** `name (file:line)`, with the file relative to the project. */
  name: string;
  selfPercent: number;
  /** Time in this function or anything it called, as a share of the phase (recursion counted once). */
  totalPercent: number;
}

/** Work that returns a promise (ingest on worker threads) is profiled until it settles; only this thread's time is sampled. */
export async function profiled<T>(
  work: () => T | Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    // 200 µs: fine enough for asks that take a few milliseconds.
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    const result = await work();
    const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** The 1-based line in the source file: tsx compiles each file to one line, so its source map tells. */
function sourceLine(frame: ProfileNode["callFrame"]): number {
  const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry && "originalLine" in entry ? entry.originalLine + 1 : frame.lineNumber + 1;
}

const describeFrame = (frame: ProfileNode["callFrame"], root: string): string => {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return name;
  const file = frame.url.replace(/^file:\/\//, "").replace(`${root}/`, "");
  return `${name} (${file}:${sourceLine(frame)})`;
};

/** The `top` functions by self time, with their inclusive share, from a V8 CPU profile. */
export function hotFunctions(profile: CpuProfile, root: string, top = 15): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const weight = deltas[i + 1] ?? deltas[i] ?? 0;
    all += weight;
    const name = describeFrame(node.callFrame, root);
    self.set(name, (self.get(name) ?? 0) + weight);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame) onStack.add(describeFrame(frame, root));
    }
    for (const f of onStack) total.set(f, (total.get(f) ?? 0) + weight);
  });
  if (all === 0) return [];
  const percent = (x: number) => Math.round((x / all) * 1000) / 10;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, time]) => ({
      name,
      selfPercent: percent(time),
      totalPercent: percent(total.get(name) ?? time),
    }));
}
