// The worker's entry: TypeScript is loaded through tsx's API (worker execArgv flags do not reach
// the entry module), then the renderer thread itself.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.js");
