import type { ExampleAuth } from "./create-auth";
import type { RoleName } from "./roles";
import type { Team } from "./team";

/** The demo's sign-ins, one per role: printed in the startup banner and the README. */
export const demoUsers: ReadonlyArray<{
  role: RoleName;
  name: string;
  email: string;
  password: string;
}> = [
  {
    role: "owner",
    name: "Maria Reyes",
    email: "owner@demo.remit.dev",
    password: "demo-owner-pass",
  },
  {
    role: "office",
    name: "Olivia Park",
    email: "office@demo.remit.dev",
    password: "demo-office-pass",
  },
  {
    role: "technician",
    name: "Sam Ortiz",
    email: "tech@demo.remit.dev",
    password: "demo-tech-pass",
  },
];

/**
 * One user per role in the demo tenant's team (its organization must exist). Runs once: a team
 * with members is left alone.
 */
export async function seedDemoUsers(team: Team, tenantId: string): Promise<boolean> {
  if ((await team.members(tenantId)).length > 0) return false;
  for (const user of demoUsers) await team.addMember(tenantId, user);
  return true;
}

/**
 * The demo's sign-ins that still work in this database (their published passwords). A server
 * others can reach must have none: anyone who read the README could sign in.
 */
export async function workingDemoSignIns({ auth }: ExampleAuth): Promise<string[]> {
  const context = await auth.$context;
  const working: string[] = [];
  for (const demo of demoUsers) {
    const user = await context.internalAdapter.findUserByEmail(demo.email, {
      includeAccounts: true,
    });
    const account = user?.accounts.find((candidate) => candidate.providerId === "credential");
    if (
      account?.password &&
      (await context.password.verify({ hash: account.password, password: demo.password }))
    ) {
      working.push(demo.email);
    }
  }
  return working;
}
