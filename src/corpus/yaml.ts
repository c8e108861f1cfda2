import { createRequire } from "node:module";

type Yaml = typeof import("yaml");

let loaded: Yaml | null = null;

/**
 * The yaml package, loaded when first needed: front matter is parsed only when articles are read
 * (not when the engine comes from its snapshot), and loading the package's ~60 files was about a
 * tenth of a cold start's import. It is CommonJS, so it loads synchronously here.
 */
export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)("yaml") as Yaml;
  return loaded;
}
