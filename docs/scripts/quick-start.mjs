// Runs the quick start (guide/quick-start.md) as a reader would, against the packed packages:
// packs every workspace package (`npm pack`), then, in an empty folder outside the repository,
// runs the page's install commands with each `@remit/...` name replaced by its tarball, saves
// the page's `index.ts`, runs the page's run command and compares what it prints with the page's
// expected output. Nothing else is installed: a package the sample imports but the page does not
// install fails the run.
//
// `node scripts/quick-start.mjs` prints the outcome; test/quick-start.test.ts runs it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const docs = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(docs, "..");
const page = join(docs, "guide", "quick-start.md");

/** The page's blocks, in order: `{ lang, code }`. */
export function blocksOf(text) {
  return [...text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)].map((match) => ({
    lang: match[1],
    code: match[2] ?? "",
  }));
}

/** What the test runs: the install commands, index.ts, the run command and the expected output. */
export function quickStartSteps(text = readFileSync(page, "utf8")) {
  const blocks = blocksOf(text);
  const install = blocks.find((block) => block.lang === "sh" && block.code.includes("npm install"));
  const source = blocks.find((block) => block.lang === "ts");
  const run = blocks.find((block) => block.lang === "sh" && block.code.includes("index.ts"));
  const output = blocks.find((block) => block.lang === "text");
  if (!install || !source || !run || !output) {
    throw new Error("quick-start.md: expected an install block, index.ts, a run block and output");
  }
  return { install: install.code, source: source.code, run: run.code, expected: output.code };
}

/** The environment of a reader's shell: none of this repository's npm settings. */
function readerEnv() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_|^INIT_CWD$|^NODE_OPTIONS$/i.test(name)),
  );
  // Quieter and quicker, with the same outcome: no audit, no funding notes, cached packages first.
  return {
    ...env,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_prefer_offline: "true",
  };
}

/** Packs every workspace package into `folder`; returns package name → tarball path. */
export function packAll(folder) {
  mkdirSync(folder, { recursive: true });
  const workspaces = readdirSync(join(root, "packages")).map((name) => `packages/${name}`);
  const packed = JSON.parse(
    execFileSync(
      "npm",
      ["pack", "--json", "--pack-destination", folder, ...workspaces.flatMap((w) => ["-w", w])],
      { cwd: root, encoding: "utf8", env: readerEnv() },
    ),
  );
  return new Map(packed.map((entry) => [entry.name, join(folder, entry.filename)]));
}

export function runQuickStart() {
  const started = Date.now();
  const folder = mkdtempSync(join(tmpdir(), "remit-quick-start-"));
  try {
    const tarballs = packAll(join(folder, "packs"));
    const steps = quickStartSteps();
    const install = steps.install.replace(/@remit\/[a-z-]+/g, (name) => {
      const tarball = tarballs.get(name);
      if (!tarball) throw new Error(`quick-start.md installs ${name}, which no workspace packs`);
      return tarball;
    });
    const shell = (script, cwd) =>
      execFileSync("bash", ["-euo", "pipefail", "-c", script], {
        cwd,
        encoding: "utf8",
        env: readerEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
    const project = join(folder, "work");
    mkdirSync(project);
    shell(install, project);
    // The install block makes the project folder and changes into it: the one folder made there.
    const [made] = readdirSync(project);
    const app = join(project, made ?? "");
    writeFileSync(join(app, "index.ts"), steps.source);
    const output = shell(steps.run, app);
    return { output, expected: steps.expected, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { output, expected, seconds } = runQuickStart();
  console.log(output);
  console.log(
    `quick start: ${output === expected ? "as the page says" : "DIFFERS"} in ${seconds} s`,
  );
  if (output !== expected) process.exit(1);
}
