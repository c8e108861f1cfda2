import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Article, CorpusIssue, Engine } from "../src/types";

/**
 * What the bench needs from the engine module. It is loaded by path, so the bench can be pointed
 * at another build of the engine (`--engine path/to/engine.ts`) and so its tests can use a stand-in.
 */
export interface EngineModule {
  buildEngine(articles: Article[], issues?: CorpusIssue[]): Engine;
  /** The same build on worker threads, where the module has it; the bench then times this one. */
  buildEngineInParallel?(articles: Article[], issues?: CorpusIssue[]): Promise<Engine>;
  engineToSnapshot(engine: Engine): Uint8Array;
  engineFromSnapshot(snapshot: Uint8Array): Engine;
  /** The same from a snapshot file, read a section at a time, where the module has it (as `loadEngine` reads it). */
  engineFromSnapshotFile?(file: string): Engine;
}

export const DEFAULT_ENGINE_MODULE = resolve(import.meta.dirname, "../src/engine.ts");

export async function loadEngineModule(path: string): Promise<EngineModule> {
  const loaded = (await import(pathToFileURL(resolve(path)).href)) as Partial<EngineModule>;
  for (const name of ["buildEngine", "engineToSnapshot", "engineFromSnapshot"] as const) {
    if (typeof loaded[name] !== "function") throw new Error(`${path} does not export ${name}()`);
  }
  return loaded as EngineModule;
}
