/**
 * A file of src/ by its path there, wherever this code runs: as TypeScript in place (tsx, the
 * tests) or bundled by scripts/bundle.mjs (`npm start`, `npm run serve`), where
 * `import.meta.url` names the bundle's file, not the module that asks. The bundler defines
 * `TIJARAT_SRC_FROM_BUNDLE`, the way from the bundle's directory to src/. Worker entries
 * (`*.mjs`, which load TypeScript through tsx) and the snapshot's code fingerprint are found
 * through this.
 */
declare const TIJARAT_SRC_FROM_BUNDLE: string | undefined;

const FROM_HERE = typeof TIJARAT_SRC_FROM_BUNDLE === "string" ? TIJARAT_SRC_FROM_BUNDLE : "./";

export function sourceUrl(pathInSrc: string): URL {
  return new URL(`${FROM_HERE}${pathInSrc}`, import.meta.url);
}
