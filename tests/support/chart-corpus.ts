import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Fixture articles that give China's bilateral trade for several fiscal years, from two sources. */
export const CHINA_ARTICLES = [
  "tests/fixtures/extra-articles/china-pakistan-fta-phase-two.md",
  "tests/fixtures/third-articles/china-vice-premier-visit-loans-swap-line.md",
  "tests/fixtures/third-articles/eu-parliament-delegation-gsp-plus-compliance.md",
  "tests/fixtures/extra-articles/exports-eu-gsp-plus-review.md",
];

/** A scratch corpus: the seed articles and the China and EU ones, so there is a chart to draw. */
export function chartCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "tijarat-chart-"));
  for (const name of readdirSync("corpus")) copyFileSync(join("corpus", name), join(dir, name));
  for (const file of CHINA_ARTICLES) copyFileSync(file, join(dir, file.split("/").at(-1) ?? file));
  return dir;
}
