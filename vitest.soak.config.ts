import { defineConfig } from "vitest/config";

/**
 * Long runs kept out of `npm test` (which must stay under 3 minutes on two cores): the 10,000
 * question soak. `npm run soak` runs them.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*.soak.ts"],
    testTimeout: 180_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
