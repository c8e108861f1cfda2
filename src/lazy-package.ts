import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A package loaded on the first call rather than at import: what only some paths need (front
 * matter, a news page, PostgreSQL) stays out of every start — `npm start` restarting from its
 * snapshot paid ~0.3 s (load average 6) for yaml, linkedom and pg it never used. Synchronous,
 * so the package's CommonJS build is the one loaded.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
