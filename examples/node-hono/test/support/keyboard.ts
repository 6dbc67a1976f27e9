import type { Locator, Page } from "playwright-core";

/**
 * Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user reaches a
 * control; fails when it never does, which means the control cannot be reached without a mouse.
 */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()} in ${limit} presses`);
}
