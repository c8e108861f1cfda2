import { defineConfig } from "vitest/config";

/**
 * Long runs kept out of `npm test` (which must stay under 3 minutes on two cores): the 10,000
 * question soak, a burst of 1,000 /ask over the wire and one of 500 over HTTP (`npm run serve`).
 * `npm run soak` runs them.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.soak.ts"],
    testTimeout: 180_000,
    hookTimeout: 30_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
