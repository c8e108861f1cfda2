import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    globalSetup: ["tests/support/global-setup.ts"],
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine.
    // Most files wait on child processes (bot, console, CLI), so two workers fit: 218 s → 128 s,
    // measured on 2026-11-30, with the load test's 3 s deadline still met.
    maxWorkers: 2,
    // The JSON report lets CI print a plain "N passed, N failed" line after the run.
    reporters: ["default", ["json", { outputFile: ".tijarat/test-results.json" }]],
  },
});
