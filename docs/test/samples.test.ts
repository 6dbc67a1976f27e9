import { describe, expect, it } from "vitest";
import { checkSamples, pending } from "../scripts/samples.mjs";

// Every TypeScript sample in the guide and the README type-checks against the packages' types,
// each as its own module with only the shared prelude (scripts/samples.mjs says what is in it).
// Running the samples, and checking what they print, is examples/node-hono's docs-samples test.

const { global, results } = checkSamples();

describe("guide samples type-check", () => {
  it("has samples, and a prelude that compiles", () => {
    expect(results.length).toBeGreaterThan(30);
    expect(global).toEqual([]);
  });

  it.each(results.map((result) => [result.name, result] as const))("%s", (name, result) => {
    if (name in pending) expect(result.problems, "pending sample now type-checks").toEqual([]);
    else expect(result.problems).toEqual([]);
  });
});
