import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * axe's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules), as
 * short lines naming the rule and the first elements; `[]` when there are none.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${new URL(page.url()).pathname}: ${violation.id} (${violation.impact}) at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}
