import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    globalSetup: ["tests/support/global-setup.ts"],
    // The JSON report lets CI print a plain "N passed, N failed" line after the run.
    reporters: ["default", ["json", { outputFile: ".tijarat/test-results.json" }]],
  },
});
