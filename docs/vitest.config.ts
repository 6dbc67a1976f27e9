import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The quick-start test packs every package and installs them in an empty project: on a busy
    // 2-core machine that takes a minute or more. This bounds a hang; it times nothing.
    testTimeout: 900_000,
    hookTimeout: 240_000,
  },
});
