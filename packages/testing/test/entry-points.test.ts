import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const sourceDirectory = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/** Every module specifier `file` imports or re-exports, type-only ones included. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\b(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)].map(
    (match) => match[1] as string,
  );
}

/** The packages reached from `entry` through its relative imports. */
function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiers(file)) {
      if (specifier.startsWith(".")) {
        const target = resolve(dirname(file), specifier);
        visit(target.endsWith(".json") ? target : `${target}.ts`);
      } else {
        packages.add(specifier);
      }
    }
  };
  visit(resolve(sourceDirectory, entry));
  return packages;
}

describe("entry points", () => {
  it("main entry - never loads stripe or twilio (optional peers, for the fakes' entries only)", () => {
    const reached = [...packagesReachedFrom("index.ts")];
    expect(reached.filter((name) => /^(stripe|twilio)(\/|$)/.test(name))).toEqual([]);
    expect(reached).toContain("@remit/core");
  });

  it("fake entries - each loads only its own vendor SDK", () => {
    const stripeSide = [...packagesReachedFrom("fake-stripe.ts")];
    const twilioSide = [...packagesReachedFrom("fake-twilio.ts")];
    expect(stripeSide).toContain("stripe");
    expect(stripeSide.some((name) => name.startsWith("twilio"))).toBe(false);
    expect(twilioSide).toContain("twilio");
    expect(twilioSide.some((name) => name.startsWith("stripe"))).toBe(false);
  });
});
