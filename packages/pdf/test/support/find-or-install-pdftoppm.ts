import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const installCommand = "apt-get update && apt-get install -y --no-install-recommends poppler-utils";
const run = promisify(execFile);

/** A slow mirror can take minutes for poppler and its libraries. */
export const pdftoppmInstallTimeoutMs = 10 * 60_000;

const found = () => spawnSync("pdftoppm", ["-v"]).error === undefined;

/**
 * poppler's `pdftoppm`, which draws page images of a PDF. When it is missing and this is Debian as
 * root (CI, a container), installs `poppler-utils` with apt; anywhere else fails saying how to
 * install it. The page-image tests never skip.
 */
export async function findOrInstallPdftoppm(): Promise<"pdftoppm"> {
  if (found()) return "pdftoppm";
  const debianRoot =
    process.platform === "linux" &&
    process.getuid?.() === 0 &&
    existsSync("/etc/debian_version") &&
    existsSync("/usr/bin/apt-get");
  if (!debianRoot) {
    throw new Error(
      "The page-image tests need poppler's pdftoppm. Install it (Debian/Ubuntu: " +
        "`sudo apt-get install poppler-utils`; macOS: `brew install poppler`).",
    );
  }
  console.warn(`pdftoppm is missing: installing it with \`${installCommand}\``);
  await run("bash", ["-c", installCommand], {
    timeout: pdftoppmInstallTimeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!found()) throw new Error("apt installed poppler-utils, but pdftoppm is still missing.");
  return "pdftoppm";
}
