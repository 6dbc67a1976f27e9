import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { transform } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";

// Every ```ts sample in the README and the docs is compiled and run here, so the docs cannot rot.
// A `console.log(x); // "value"` line in a sample is also an assertion that x prints value.
// A sample whose first line is `// compile-only` (one that declares test suites, say) is compiled
// but not run.

const root = resolve(import.meta.dirname, "../../..");
const scratch = resolve(import.meta.dirname, "../.docs-samples");

function markdownFiles(): string[] {
  const files = [join(root, "README.md")];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "api" || entry.name.startsWith("."))
        continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  walk(join(root, "docs"));
  return files;
}

function samplesOf(file: string): { name: string; code: string }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({
    name: `${relative(root, file)} sample ${index + 1}`,
    code: match[1] ?? "",
  }));
}

const samples = markdownFiles().flatMap(samplesOf);

describe("docs samples", () => {
  afterEach(() => vi.restoreAllMocks());

  it("finds samples to check", () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))(
    "%s compiles and runs",
    async (_name, sample) => {
      const { code } = await transform(sample.code, {
        loader: "ts",
        format: "esm",
        target: "node20",
      });
      mkdirSync(scratch, { recursive: true });
      const file = join(scratch, `${sample.name.replace(/[^a-z0-9]+/gi, "-")}.mjs`);
      writeFileSync(file, code);
      if (sample.code.startsWith("// compile-only")) return;
      const printed: string[] = [];
      vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
        printed.push(values.map(String).join(" "));
      });
      await import(`${file}?${Date.now()}`);
      const expected = [...sample.code.matchAll(/console\.log\(.*\);\s*\/\/\s*"(.*)"/g)].map(
        (match) => match[1],
      );
      expect(printed.slice(0, expected.length)).toEqual(expected);
    },
    // A sample may start PGlite (PostgreSQL compiled to WebAssembly), which takes tens of seconds
    // on a loaded 2-core machine: this bounds a hang, it times nothing.
    180_000,
  );
});
