import { describe, expect, it } from "vitest";
import { quickStartSteps, runQuickStart } from "../scripts/quick-start.mjs";

// The quick start, run as written in an empty folder against the packed packages (see
// scripts/quick-start.mjs), ends with a paid invoice and prints what the page says it prints.

describe("the quick start", () => {
  it("installs every package its sample imports", () => {
    const { install, source } = quickStartSteps();
    const imported = [...source.matchAll(/from "((?:@[^/"]+\/)?[^/"]+)/g)].map((match) => match[1]);
    for (const name of new Set(imported)) expect(install).toContain(` ${name}`);
  });

  it("runs as written against the packed packages and ends with a paid invoice", () => {
    // No time limit: a loaded 2-core machine takes minutes to install the tarballs.
    const { output, expected } = runQuickStart();
    expect(output).toBe(expected);
    expect(output).toContain("paid 0.00");
  });
});
