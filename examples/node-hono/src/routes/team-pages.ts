import { isAPIError } from "better-auth/api";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { ExampleAuth } from "../auth/create-auth";
import { roleNames } from "../auth/roles";
import { type Team, TeamError } from "../auth/team";
import { parseForm } from "../forms/parse-form";
import { callerOf, signedInOf } from "../request-context";
import { page } from "../views/layout";
import { apiKeyRoles, teamView } from "../views/team-view";

const memberFormSchema = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  email: z.email("must be an email address").max(254),
  password: z.string().max(128),
  role: z.enum(roleNames),
});
const roleFormSchema = z.object({ role: z.enum(roleNames) });
const apiKeyFormSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  role: z.enum(apiKeyRoles as [string, ...string[]]).transform((role) => role as "technician"),
});

/**
 * The owner's team page (`/settings/team`): people and their roles, and the REST API's keys
 * (`/settings/api-keys`). The door (`backOfficeAccess`) lets owners only in.
 */
export function teamPages(exampleAuth: ExampleAuth, team: Team) {
  const { apiKeys } = exampleAuth;
  const routes = new Hono();

  const render = async (
    context: Context,
    extra: Partial<Parameters<typeof teamView>[0]> & {
      notice?: string;
      error?: string;
      status?: 200 | 400;
    } = {},
  ) => {
    const { tenantId } = callerOf(context).context;
    const [members, keys] = await Promise.all([team.members(tenantId), apiKeys.list(tenantId)]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Team",
        body: teamView({ members, apiKeys: keys, newKey: extra.newKey, form: extra.form }),
        notice: extra.notice ?? context.req.query("notice"),
        error: extra.error,
      }),
      extra.status ?? 200,
    );
  };
  const back = (context: Context, notice: string) =>
    context.redirect(`/settings/team?notice=${encodeURIComponent(notice)}`, 303);

  routes.get("/settings/team", (context) => render(context));

  routes.post("/settings/team/members", async (context) => {
    const form = await parseForm(context, memberFormSchema);
    try {
      await team.addMember(callerOf(context).context.tenantId, form);
    } catch (error) {
      if (!(error instanceof TeamError)) throw error;
      const { password: _password, ...kept } = form;
      return render(context, { form: kept, error: error.message, status: 400 });
    }
    return back(context, `Added ${form.name} as ${form.role}`);
  });

  const refusedByBetterAuth = (context: Context, error: unknown) => {
    if (!isAPIError(error)) throw error;
    return render(context, { error: error.message, status: 400 });
  };

  routes.post("/settings/team/members/:id/role", async (context) => {
    const { role } = await parseForm(context, roleFormSchema);
    try {
      const { tenantId } = callerOf(context).context;
      await team.changeRole(tenantId, context.req.raw.headers, context.req.param("id"), role);
    } catch (error) {
      return refusedByBetterAuth(context, error);
    }
    return back(context, "Role changed");
  });

  routes.post("/settings/team/members/:id/remove", async (context) => {
    try {
      const { tenantId } = callerOf(context).context;
      await team.removeMember(tenantId, context.req.raw.headers, context.req.param("id"));
    } catch (error) {
      return refusedByBetterAuth(context, error);
    }
    return back(context, "Removed from the team");
  });

  routes.post("/settings/api-keys", async (context) => {
    const form = await parseForm(context, apiKeyFormSchema);
    const caller = callerOf(context);
    const { key } = await apiKeys.create({
      tenantId: caller.context.tenantId,
      name: form.name,
      role: form.role,
      createdBy: caller.context.actor.type === "user" ? caller.context.actor.id : "system",
    });
    // Shown in this response only: never in a URL, a log or a later page.
    context.header("cache-control", "no-store");
    return render(context, { newKey: { name: form.name, key } });
  });

  routes.post("/settings/api-keys/:id/revoke", async (context) => {
    const revoked = await apiKeys.revoke(
      callerOf(context).context.tenantId,
      context.req.param("id"),
    );
    if (!revoked) return context.notFound();
    return back(context, "API key revoked: requests with it are refused from now on");
  });
  return routes;
}
