import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundle, ROOT } from "../scripts/bundle.mjs";
import { sourceUrl } from "../src/source-url";

const OUT = join(ROOT, "dist", `test-${process.pid}`);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("files of src/ found from running code", () => {
  it("are found from the TypeScript in place", () => {
    expect(existsSync(fileURLToPath(sourceUrl("ingest/extract-worker.mjs")))).toBe(true);
  });

  it("are the same files from a bundle in another directory, as npm start runs", async () => {
    mkdirSync(join(ROOT, "dist"), { recursive: true });
    const entry = join(ROOT, "dist", `entry-${process.pid}.ts`);
    writeFileSync(
      entry,
      `import { sourceUrl } from "../src/source-url";\nexport const found = sourceUrl("chart/render-worker.mjs").href;\n`,
    );
    try {
      await bundle({ probe: entry }, OUT);
    } finally {
      rmSync(entry, { force: true });
    }
    const { found } = await import(pathToFileURL(join(OUT, "probe.js")).href);
    expect(found).toBe(sourceUrl("chart/render-worker.mjs").href);
  });
});
