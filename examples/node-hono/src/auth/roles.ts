import { type RemitOperation, remitOperations } from "@remit/server";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, ownerAc } from "better-auth/plugins/organization/access";

// Who may do what, in one place: better-auth's access control, with one statement per resource
// of Remit's REST API (`invoices.issue` is the action `issue` on `invoices`) and the back office's
// settings. The API (`authorize`) and the back office's pages ask the same roles.

/** A back-office setting only owners change. */
export const settingsActions = ["payments", "team", "apiKeys"] as const;

/** What a role may be asked for: one of the API's operations, or a setting. */
export type Permission = RemitOperation | `settings.${(typeof settingsActions)[number]}`;

function actionsOf(resource: string): string[] {
  return remitOperations
    .filter((operation) => operation.startsWith(`${resource}.`))
    .map((operation) => operation.slice(resource.length + 1));
}

const statements = {
  ...defaultStatements,
  invoices: actionsOf("invoices"),
  customers: actionsOf("customers"),
  workOrders: actionsOf("workOrders"),
  quotes: actionsOf("quotes"),
  plans: actionsOf("plans"),
  reports: actionsOf("reports"),
  settings: [...settingsActions],
} as const;

export const accessControl = createAccessControl(statements);

const reading = ["list", "get"] as const;

/** Completes work orders, drafts, reviews and submits invoices; issues nothing, takes no money. */
const technician = accessControl.newRole({
  invoices: [...reading, "create", "update", "submit"],
  customers: [...reading, "create", "update"],
  workOrders: [
    ...reading,
    "create",
    "update",
    "draftInvoice",
    "schedule",
    "start",
    "complete",
    "submitInvoice",
  ],
  quotes: [...reading, "create", "revise"],
});

/**
 * Everything with invoices, customers, work orders, quotes and recurring plans, and the reports:
 * approves, issues, sends, takes money.
 */
const office = accessControl.newRole({
  invoices: statements.invoices,
  customers: statements.customers,
  workOrders: statements.workOrders,
  quotes: statements.quotes,
  plans: statements.plans,
  reports: statements.reports,
});

/** The office's rights, the settings (Stripe, team, API keys) and the organization itself. */
const owner = accessControl.newRole({
  ...ownerAc.statements,
  invoices: statements.invoices,
  customers: statements.customers,
  workOrders: statements.workOrders,
  quotes: statements.quotes,
  plans: statements.plans,
  reports: statements.reports,
  settings: statements.settings,
});

/** The roles a member of a tenant (a better-auth organization) can have. */
export const roles = { technician, office, owner };

export type RoleName = keyof typeof roles;

export const roleNames = Object.keys(roles) as RoleName[];

/** What each role is for, in the words the team page shows. */
export const roleDescriptions: Record<RoleName, string> = {
  technician: "Completes work orders, reviews and submits invoices",
  office: "Approves, issues and sends invoices, records payments and refunds, cancels",
  owner: "Everything the office does, and settings: Stripe, team, API keys",
};

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === "string" && Object.hasOwn(roles, value);
}

/** Whether `role` may do `permission` (`"invoices.issue"`, `"settings.team"`). */
export function roleAllows(role: RoleName, permission: Permission): boolean {
  const dot = permission.indexOf(".");
  const resource = permission.slice(0, dot);
  const action = permission.slice(dot + 1);
  return roles[role].authorize({ [resource]: [action] } as never).success;
}
