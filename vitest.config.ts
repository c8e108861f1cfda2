import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Test files that replace what a module exports (`vi.spyOn`, `vi.mock`, stubbed globals or
 * timers, the file-system faults of tests/support/fs-faults.ts) run with a module cache of their
 * own; every other file shares its worker's cache, so the engine's modules and WordNet are
 * imported once per worker rather than once per file (import time 55 s → 12 s, measured
 * 2026-11-30). Read from the files themselves, so a new test that stubs is isolated without a list
 * to keep up to date.
 */
const STUBS = /\bvi\.(?:spyOn|mock|doMock|stubGlobal|stubEnv|useFakeTimers)\b|fs-faults/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".test.ts"))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Files that time a burst of interactions against Discord's 3 s deadline run last, one at a time:
 * beside two other test files on two cores their replies waited on the CPU (4 of 100 over 3 s in
 * one full run, while the same test alone answered the last at 1.1 s). Found by what they call.
 */
const DEADLINES = /\baskBurst\(/;

const files = testFiles("tests").map((f) => ({ f, text: readFileSync(f, "utf8") }));
const deadlines = files.filter(({ text }) => DEADLINES.test(text)).map(({ f }) => f);
const stubbing = files
  .filter(({ f, text }) => STUBS.test(text) && !deadlines.includes(f))
  .map(({ f }) => f);

const shared = {
  testTimeout: 20_000,
  hookTimeout: 30_000,
  globalSetup: ["tests/support/global-setup.ts"],
};

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine.
    // Most files wait on child processes (bot, console, CLI), so two workers fit: 218 s → 128 s,
    // measured on 2026-11-30, with the load test's 3 s deadline still met.
    maxWorkers: 2,
    // The JSON report lets CI print a plain "N passed, N failed" line after the run.
    reporters: ["default", ["json", { outputFile: ".tijarat/test-results.json" }]],
    projects: [
      {
        test: { ...shared, name: "stubbing", include: stubbing, isolate: true },
      },
      {
        test: {
          ...shared,
          name: "shared",
          include: ["tests/**/*.test.ts"],
          exclude: [...stubbing, ...deadlines],
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: "deadlines",
          include: deadlines,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
