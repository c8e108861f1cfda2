import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { chartCorpus } from "../support/chart-corpus";
import { runCli } from "../support/cli";

const cli = (args: string[]) => runCli(args);

describe("cli compare and chart (CONTRACT.md, Comparing and charting)", () => {
  const corpus = chartCorpus();
  const out = mkdtempSync(join(tmpdir(), "tijarat-chart-out-"));
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it("compare --json: a row per measure, a cell per partner with value, period, article and sentence", async () => {
    const run = await cli(["compare", "Japan", "China", "--json", "--corpus", corpus]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.partners).toEqual(["Japan", "China"]);
    const trade = json.rows.find((r: { measure: string }) => r.measure === "bilateral trade");
    expect(trade.cells.Japan).toEqual([
      expect.objectContaining({
        value: "$1.26 billion",
        period: "FY2022-23",
        articleId: "pakistan-japan-trade-ties",
        sentence: expect.stringContaining("$1.26 billion in the fiscal year 2022-23"),
      }),
    ]);
    expect(trade.cells.China.map((c: { period: string }) => c.period)).toContain("FY2024-25");
    const exports = json.rows.find((r: { measure: string }) => r.measure === "exports");
    expect(exports.cells.Japan).toEqual([]);
    for (const row of json.rows)
      for (const cells of Object.values(row.cells) as { value: string; sentence: string }[][])
        for (const cell of cells) expect(cell.sentence).toContain(cell.value);
  });

  it("compare keeps to --measure, and refuses one partner or an unknown one with exit 2", async () => {
    const asked = await cli([
      "compare",
      "Japan",
      "China",
      "--measure",
      "trade volume",
      "--json",
      "--corpus",
      corpus,
    ]);
    expect(
      JSON.parse(asked.stdout).rows.every((r: { measure: string }) =>
        r.measure.startsWith("bilateral trade"),
      ),
    ).toBe(true);
    const one = await cli(["compare", "Japan", "--corpus", corpus]);
    expect(one.code).toBe(2);
    expect(one.stderr.trim().split("\n")).toHaveLength(1);
    const unknown = await cli(["compare", "Japan", "Atlantis", "--corpus", corpus]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Atlantis");
  });

  it("chart --json writes the PNG and lists its points in period order, each a cited figure", async () => {
    const file = join(out, "china.png");
    const run = await cli([
      "chart",
      "--partner",
      "China",
      "--measure",
      "two-way trade",
      "--out",
      file,
      "--json",
      "--corpus",
      corpus,
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ file, partner: "China", measure: "bilateral trade" });
    expect(
      json.points.map((p: { period: string; value: string }) => `${p.period} ${p.value}`),
    ).toEqual([
      "FY2022-23 $14.7 billion",
      "FY2023-24 $15.9 billion",
      "FY2023-24 $20.5 billion",
      "FY2024-25 $23.1 billion",
    ]);
    for (const p of json.points) {
      expect(p.sentence).toContain(p.value);
      expect(p).toMatchObject({
        unit: "USD",
        amount: expect.any(Number),
        articleId: expect.any(String),
      });
    }
    const png = PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThanOrEqual(600);
  });

  it("chart with nothing to draw exits 2 and writes no file", async () => {
    const file = join(out, "nothing.png");
    const run = await cli([
      "chart",
      "--partner",
      "Japan",
      "--measure",
      "remittances",
      "--out",
      file,
      "--corpus",
      corpus,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("remittances");
    expect(existsSync(file)).toBe(false);
    const noOut = await cli(["chart", "--partner", "China", "--corpus", corpus]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out");
  });
});
