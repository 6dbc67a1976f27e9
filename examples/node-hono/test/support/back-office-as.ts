import type { Page } from "playwright-core";
import type { RoleName } from "../../src/auth/roles";
import { demoUsers } from "../../src/auth/seed-demo-users";

/** Who works in the back office (the roles sign-in brings). */
export type BackOfficeRole = RoleName;

/**
 * Opens the back office's home page as `role`: signs out whoever is signed in, then signs in as
 * the role's demo user through the sign-in form. Every browser test that walks "as a role" goes
 * through here.
 */
export async function openBackOfficeAs(
  page: Page,
  baseUrl: string,
  role: BackOfficeRole,
): Promise<void> {
  const user = demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with the role ${role}`);
  await page.goto(`${baseUrl}/sign-in`);
  const signOut = page.getByRole("button", { name: "Sign out" });
  if (await signOut.count()) {
    await signOut.click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  }
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`${user.name} (${role})`).waitFor();
}
