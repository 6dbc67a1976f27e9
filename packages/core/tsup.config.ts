import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // rrule ships CommonJS to Node (no `exports` map) and ESM only under `module`, so Node's ESM
  // loader cannot import its named exports. Bundled, both builds get the same ESM code, and apps
  // install nothing more. It is pure (no I/O), as core must be.
  noExternal: ["rrule", "tslib"],
});
