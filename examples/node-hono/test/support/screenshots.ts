import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { artifactsDir } from "./chromium";

/**
 * Where the walk saves its screenshots: `SCREENSHOTS_DIR` (the docs' guide, through
 * `npm run screenshots`), or the ignored `test-artifacts/` with `SCREENSHOTS=1`. Otherwise none
 * are taken: CI runs the walk and the axe check, never a pixel comparison.
 */
export const screenshotsDir = process.env.SCREENSHOTS_DIR
  ? resolve(process.env.SCREENSHOTS_DIR)
  : process.env.SCREENSHOTS
    ? artifactsDir
    : undefined;

/** Saves the whole page as `<name>.png` when screenshots are asked for. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (!screenshotsDir) return;
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({
    path: join(screenshotsDir, `${name}.png`),
    fullPage: true,
    animations: "disabled",
  });
}
