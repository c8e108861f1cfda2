/**
 * The precompiled start: src/ bundled by esbuild into dist/ (git-ignored), so `npm start` and
 * `npm run serve` run plain JavaScript on Node. Under tsx every start paid for the loader (its
 * hooks run on a thread of their own) and for compiling or re-reading each of ~200 TypeScript
 * files; a bundle is a few files that Node parses and runs. Packages stay outside the bundle
 * (resolved from node_modules as before, native ones included), and so do the worker threads,
 * which load their TypeScript through tsx when started (src/source-url.ts).
 *
 *   node scripts/bundle.mjs          (npm run build) builds dist/ for `npm start` and `npm run serve`
 *
 * scripts/start.mjs builds when src/ is newer than the build, and bench/cold-start.ts is timed
 * through the same `bundle()`, so the bench's cold start is what a restart of the server costs.
 * Each build goes to a directory of its own and `dist/current` names the one to run, replaced
 * in one rename: processes starting at once (the wire tests) never read a half-made build.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const DIST = join(ROOT, "dist");
const CURRENT = join(DIST, "current");

/** What `npm start` and `npm run serve` run, by the name each has in a build. */
export const START_ENTRIES = { main: "src/main.ts", serve: "src/http/serve.ts" };

/** Builds not current are removed once this old: a process reads its build only while starting. */
const KEEP_OLD_BUILDS_MS = 10 * 60 * 1000;

/**
 * Bundles `entries` (name in outdir → source path from the project root) into `outdir`, which
 * must lie inside the project so the bundles find node_modules. Code shared by entries goes into
 * chunks beside them.
 */
export async function bundle(entries, outdir) {
  const { build } = await import("esbuild");
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(entries).map(([out, path]) => ({ out, in: path })),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    chunkNames: "chunk-[hash]",
    define: {
      TIJARAT_SRC_FROM_BUNDLE: JSON.stringify(`${relative(outdir, join(ROOT, "src"))}/`),
    },
    logLevel: "warning",
  });
}

/** The newest modification time of what a build reads: src/ and what decides the packages. */
function newestSource() {
  let newest = 0;
  const files = readdirSync(join(ROOT, "src"), { recursive: true }).map((f) => join("src", f));
  for (const file of [...files, "package.json", "package-lock.json", "scripts/bundle.mjs"]) {
    const stat = statSync(join(ROOT, file), { throwIfNoEntry: false });
    if (stat?.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** The current build's directory, or null when there is none or src/ is newer. */
export function currentBuild() {
  const stamp = statSync(CURRENT, { throwIfNoEntry: false });
  if (!stamp || stamp.mtimeMs < newestSource()) return null;
  const dir = join(DIST, readFileSync(CURRENT, "utf8").trim());
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? dir : null;
}

/** Builds START_ENTRIES into a new directory, makes it current, and returns it. */
export async function bundleStart() {
  const name = `build-${Date.now()}-${process.pid}`;
  const dir = join(DIST, name);
  await bundle(START_ENTRIES, dir);
  const stamp = `${CURRENT}.${process.pid}`;
  writeFileSync(stamp, `${name}\n`);
  renameSync(stamp, CURRENT);
  for (const old of readdirSync(DIST)) {
    const path = join(DIST, old);
    if (!old.startsWith("build-") || old === name) continue;
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(relative(ROOT, await bundleStart()));
}
