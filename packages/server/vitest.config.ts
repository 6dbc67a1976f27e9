import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The mount tests serve real HTTP on loopback, and the fake Stripe API answers over sockets.
    testTimeout: 30_000,
  },
});
