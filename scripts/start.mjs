/**
 * `npm start` / `npm run serve`: runs the named entry of the current build (scripts/bundle.mjs),
 * building first when there is none or src/ is newer. Usage: start.mjs main|serve [args…]; the
 * entry sees the arguments after its name, as it did when run by tsx.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleStart, currentBuild, START_ENTRIES } from "./bundle.mjs";

const [name] = process.argv.splice(2, 1);
if (!name || !Object.hasOwn(START_ENTRIES, name)) {
  console.error(`usage: start.mjs ${Object.keys(START_ENTRIES).join("|")} [arguments]`);
  process.exit(2);
}
let build = currentBuild();
if (!build) {
  console.error("Tijarat: building the start bundle from src/ (scripts/bundle.mjs)");
  build = await bundleStart();
}
const entry = join(build, `${name}.js`);
process.argv[1] = entry;
await import(pathToFileURL(entry).href);
