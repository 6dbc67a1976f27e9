import type { Context as RemitContext } from "@remit/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ActorNames } from "./auth/actor-names";
import type { Caller } from "./auth/caller";
import type { Permission } from "./auth/roles";
import { roleAllows } from "./auth/roles";
import type { SignedIn } from "./views/layout";

declare module "hono" {
  interface ContextVariableMap {
    /** The signed-in caller, set by `backOfficeAccess` before any back-office page runs. */
    caller: Caller;
    /** People's names for the actor ids in a history, set by `createApp` for every request. */
    actorNames: ActorNames;
  }
}

/** The back office's caller: whoever `backOfficeAccess` let through. */
export function callerOf(context: Context): Caller {
  const caller = context.get("caller");
  // Every back-office route sits behind `backOfficeAccess`; reaching here without it is a bug.
  if (!caller) throw new HTTPException(401, { message: "Sign in first" });
  return caller;
}

/** The first argument of every Remit call the back office makes: the caller's tenant and user. */
export function remitContext(context: Context): RemitContext {
  return callerOf(context).context;
}

/** Whether the back office's caller may do `permission` (to show only the forms they can use). */
export function callerMay(context: Context, permission: Permission): boolean {
  return roleAllows(callerOf(context).role, permission);
}

/** Who is signed in, for the nav; `undefined` on pages outside the door (an error before it). */
export function signedInOf(context: Context): SignedIn | undefined {
  const caller = context.get("caller");
  return caller ? { name: caller.name, role: caller.role } : undefined;
}

/**
 * The names of the people behind `actorIds` in the caller's tenant (an id without one is left
 * out); none at all when the app was made without sign-in.
 */
export async function actorNamesOf(
  context: Context,
  actorIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const names = context.get("actorNames");
  return names ? names(remitContext(context).tenantId, actorIds) : new Map();
}
