// Type-checks every TypeScript sample in the guide (docs/guide/*.md) and the root README with the
// TypeScript compiler against the workspace packages' published types, with one shared prelude
// that readers never see (samples/prelude/). Each sample is its own module: it must import or
// define every name it uses; the prelude declares no global name, only modules that stand for the
// reader's own app: "@/lib/remit" and "@/lib/auth" (app-modules.d.ts), and "./remit", "your
// createRemit(...)" (remit.ts, copied next to each page's samples). A sample whose first comment
// lines name a file (`// remit.ts`) is written under that name instead, so later samples on the
// same page import it (`import { payments, remit } from "./remit"`).
//
// `node scripts/samples.mjs` prints each problem as page:line and exits 1 when there is one;
// test/samples.test.ts runs the same check.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const docs = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(docs, "..");
const scratch = join(docs, ".samples");
const preludeFolder = join(docs, "samples", "prelude");
export const prelude = join(preludeFolder, "app-modules.d.ts");

/**
 * Samples on pages this check cannot change yet, with why: their problems are printed, not
 * counted. A listed sample that type-checks is a problem, so the list only shrinks.
 */
export const pending = {};

/**
 * Pages whose samples are written in the example they describe, beside its `src/`, so that their
 * `./src/...` imports resolve as they do for a reader in that folder (removed after the check).
 */
const samplesBeside = { "docs/guide/example-server.md": join(root, "examples", "node-hono") };
const besidePrefix = ".docs-sample-";

/** The pages whose samples are checked. */
export function pages() {
  const guide = readdirSync(join(docs, "guide"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(docs, "guide", name));
  return [join(root, "README.md"), ...guide];
}

const fence = /^```(ts|typescript)(?:[ \t][^\n]*)?\n([\s\S]*?)^```/gm;
const fileComment = /^\/\/ ([\w./-]+\.ts)\s*$/;

/** Every TypeScript sample of a page: its code, the page line it starts on, and its file name. */
export function samplesOf(page) {
  const text = readFileSync(page, "utf8");
  const name = relative(root, page);
  const slug = name.replace(/\.md$/, "").replace(/[^a-z0-9]+/gi, "-");
  return [...text.matchAll(fence)].map((match, index) => {
    const code = match[2] ?? "";
    const line = text.slice(0, match.index).split("\n").length + 1;
    const named = code
      .split("\n")
      .slice(0, 2)
      .map((first) => first.match(fileComment)?.[1])
      .find(Boolean);
    return {
      name: `${name} sample ${index + 1}`,
      page: name,
      line,
      code,
      file:
        name in samplesBeside
          ? join(samplesBeside[name], `${besidePrefix}${index + 1}.ts`)
          : join(scratch, slug, named ?? `sample-${index + 1}.ts`),
    };
  });
}

export const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  // Node's globals only (from @types/node): no DOM, whose globals (`name`, `event`, `status`)
  // would hide a name a sample forgot to define.
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  strict: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  types: ["node"],
  typeRoots: [join(root, "node_modules", "@types")],
};

/**
 * Writes every sample to .samples/ and type-checks them in one program. Returns each sample with
 * its problems (`page:line: message`, lines of the Markdown page).
 */
export function checkSamples() {
  rmSync(scratch, { recursive: true, force: true });
  const samples = pages().flatMap(samplesOf);
  const beside = new Set(Object.values(samplesBeside));
  for (const folder of new Set(samples.map((sample) => dirname(sample.file)))) {
    if (beside.has(folder)) continue;
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(preludeFolder, "remit.ts"), join(folder, "remit.ts"));
  }
  for (const sample of samples) writeFileSync(sample.file, sample.code);
  const program = ts.createProgram(
    [prelude, ...samples.map((sample) => sample.file)],
    compilerOptions,
  );
  const global = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSemanticDiagnostics(program.getSourceFile(prelude)),
  ].map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  const results = samples.map((sample) => {
    const source = program.getSourceFile(sample.file);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    const problems = diagnostics.map((diagnostic) => {
      const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      return `${sample.page}:${sample.line + line}: TS${diagnostic.code} ${message}`;
    });
    if (sample.name in pending) {
      return {
        ...sample,
        pending: problems,
        problems:
          problems.length === 0
            ? [`${sample.page}:${sample.line}: type-checks now; remove it from \`pending\``]
            : [],
      };
    }
    return { ...sample, problems };
  });
  for (const sample of samples) {
    if (beside.has(dirname(sample.file))) rmSync(sample.file, { force: true });
  }
  return { global, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { global, results } = checkSamples();
  const problems = [...global, ...results.flatMap((result) => result.problems)];
  for (const result of results.filter((each) => each.pending?.length)) {
    console.warn(`pending, ${pending[result.name]}:\n  ${result.pending.join("\n  ")}`);
  }
  for (const problem of problems) console.error(problem);
  console.log(`samples: ${results.length} type-checked, ${problems.length} problems`);
  if (problems.length > 0) process.exit(1);
}
