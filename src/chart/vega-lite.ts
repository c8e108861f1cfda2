/**
 * Vega-Lite's compiler, without its one global side effect. Loading `vega-lite` defines
 * `Set.prototype.toJSON` for every Set in the process; discord.js (through
 * node-inspect-extracted) fails to load after that ("string "Set()" is not iterable"). The
 * property is taken away as soon as the module is loaded and put back only while a spec compiles
 * (compiling is synchronous, so nothing else runs meanwhile), where Vega-Lite relies on it.
 */
import { compile as compileVegaLite, type TopLevelSpec } from "vega-lite";

type SetWithToJson = Set<unknown> & { toJSON?: () => string };
const proto = Set.prototype as SetWithToJson;
const descriptor = Object.getOwnPropertyDescriptor(proto, "toJSON");
if (descriptor) delete proto.toJSON;

export function compile(spec: TopLevelSpec): ReturnType<typeof compileVegaLite> {
  if (!descriptor) return compileVegaLite(spec);
  Object.defineProperty(proto, "toJSON", descriptor);
  try {
    return compileVegaLite(spec);
  } finally {
    delete proto.toJSON;
  }
}
