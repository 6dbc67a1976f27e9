import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";

/** Where screenshots go: `examples/node-hono/test-artifacts/` (ignored by git). */
export const artifactsDir = resolve(import.meta.dirname, "../../test-artifacts");

const debianChromium = "/usr/bin/chromium";
const installCommand = "apt-get update && apt-get install -y --no-install-recommends chromium";

/** A slow mirror can take minutes for Chromium and its libraries. */
export const chromiumInstallTimeoutMs = 15 * 60_000;

const run = promisify(execFile);

function canInstallWithApt(): boolean {
  return (
    process.platform === "linux" &&
    process.getuid?.() === 0 &&
    existsSync("/etc/debian_version") &&
    existsSync("/usr/bin/apt-get")
  );
}

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`
 * (which `.ci/run` installs). When neither exists and this is Debian as root (CI, a container),
 * installs it with apt; anywhere else fails saying how to install it. The browser tests never skip.
 */
export async function findOrInstallChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist.`);
  }
  if (existsSync(debianChromium)) return debianChromium;
  if (canInstallWithApt()) {
    console.warn(`Chromium is missing: installing it with \`${installCommand}\``);
    try {
      await run("bash", ["-c", installCommand], {
        timeout: chromiumInstallTimeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } catch (error) {
      const output = error as { stderr?: string; message: string };
      throw new Error(
        `Installing Chromium failed (${output.message.split("\n")[0]}):\n${output.stderr ?? ""}`,
      );
    }
    if (existsSync(debianChromium)) return debianChromium;
    throw new Error(`apt installed chromium, but ${debianChromium} is still missing.`);
  }
  throw new Error(
    "The browser tests need Chromium and found none. Install it (Debian/Ubuntu: " +
      "`sudo apt-get install --no-install-recommends chromium`; macOS: `brew install --cask chromium`), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

/**
 * Launches headless Chromium with the flags this machine needs: no sandbox (CI runs as root), and
 * none of Chromium's background connections, which a closed network refuses. Playwright gives each
 * launch a fresh, empty profile directory.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await findOrInstallChromium();
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
