import type { Context as RemitContext } from "@remit/core";
import type { ExampleAuth } from "./create-auth";
import { isRoleName, type RoleName } from "./roles";

/** Who is making a request: whose records (the tenant), who acts, and with which role. */
export type Caller = {
  context: RemitContext;
  role: RoleName;
  /** As pages show it: the person's name, or the API key's. */
  name: string;
  /** How the caller proved who they are. */
  via: "session" | "api key" | "test headers";
};

/** The caller of a request, or `undefined` when it carries no credentials the app accepts. */
export type ResolveCaller = (request: Request) => Promise<Caller | undefined>;

/**
 * Callers by sign-in: `Authorization: Bearer <API key>` (the key's tenant and role; a bad or
 * revoked key is no caller, it never falls back to a cookie), else better-auth's session cookie and
 * the user's membership of a tenant's organization (its slug is the tenant id).
 */
export function signedInCaller({ auth, apiKeys }: ExampleAuth): ResolveCaller {
  const tenantOfOrganization = new Map<string, string>();
  async function membershipOf(userId: string) {
    const { adapter } = await auth.$context;
    const member = await adapter.findOne<{ organizationId: string; role: string }>({
      model: "member",
      where: [{ field: "userId", value: userId }],
    });
    if (!member || !isRoleName(member.role)) return undefined;
    let tenantId = tenantOfOrganization.get(member.organizationId);
    if (tenantId === undefined) {
      const found = await adapter.findOne<{ slug: string }>({
        model: "organization",
        where: [{ field: "id", value: member.organizationId }],
      });
      if (!found) return undefined;
      tenantId = found.slug;
      tenantOfOrganization.set(member.organizationId, tenantId);
    }
    return { tenantId, role: member.role };
  }

  return async (request) => {
    const authorization = request.headers.get("authorization");
    if (authorization !== null) {
      const key = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
      const found = key ? await apiKeys.verify(key) : undefined;
      if (!found) return undefined;
      return {
        context: { tenantId: found.tenantId, actor: { type: "user", id: `api_key:${found.id}` } },
        role: found.role,
        name: `API key “${found.name}”`,
        via: "api key",
      };
    }
    const signedIn = await auth.api.getSession({ headers: request.headers });
    if (!signedIn) return undefined;
    const membership = await membershipOf(signedIn.user.id);
    if (!membership) return undefined;
    return {
      context: { tenantId: membership.tenantId, actor: { type: "user", id: signedIn.user.id } },
      role: membership.role,
      name: signedIn.user.name,
      via: "session",
    };
  };
}

/**
 * Tests only: the caller named by the `x-tenant-id`, `x-user-id` and `x-role` headers, else
 * `defaultTenantId`'s owner. Anyone who can reach a server in this mode acts as any tenant, so
 * `startServer` allows it on loopback only, and only when asked for by name.
 */
export function testHeaderCaller(defaultTenantId: string): ResolveCaller {
  return async (request) => {
    const role = request.headers.get("x-role") ?? "owner";
    return {
      context: {
        tenantId: request.headers.get("x-tenant-id") ?? defaultTenantId,
        actor: { type: "user", id: request.headers.get("x-user-id") ?? "test-user" },
      },
      role: isRoleName(role) ? role : "technician",
      name: "Test user",
      via: "test headers",
    };
  };
}

/** Resolves each request's caller once, however many parts of the app ask. */
export function onePerRequest(resolve: ResolveCaller): ResolveCaller {
  const callers = new WeakMap<Request, Promise<Caller | undefined>>();
  return (request) => {
    let caller = callers.get(request);
    if (caller === undefined) {
      caller = resolve(request);
      callers.set(request, caller);
    }
    return caller;
  };
}
