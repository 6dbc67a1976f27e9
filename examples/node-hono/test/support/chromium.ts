import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (installed by `.ci/run`), or `CHROMIUM_PATH`. Undefined when neither exists. */
export const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find(
  (path): path is string => Boolean(path) && existsSync(path as string),
);

/** Where screenshots go: `examples/node-hono/test-artifacts/` (ignored by git). */
export const artifactsDir = resolve(import.meta.dirname, "../../test-artifacts");

/**
 * Launches headless Chromium with the flags this machine needs: no sandbox (CI runs as root), and
 * none of Chromium's background connections, which a closed network refuses. Playwright gives each
 * launch a fresh, empty profile directory.
 */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error("Chromium not found: set CHROMIUM_PATH or install chromium");
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
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
