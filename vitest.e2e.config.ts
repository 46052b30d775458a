import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    // Builds the add-in once and serves it on localhost: see tests/e2e/globalSetup.ts.
    globalSetup: "tests/e2e/globalSetup.ts",
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
