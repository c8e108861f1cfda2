// The worker's entry: TypeScript is loaded through tsx's API (worker execArgv flags do not reach
// the entry module), then the worker itself. See src/chart/render-worker.mjs.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.js");
