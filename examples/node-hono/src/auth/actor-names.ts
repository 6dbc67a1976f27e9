import type { ExampleAuth } from "./create-auth";

/** The prefix the caller gives an API key's actor id (`api_key:<key id>`). */
const apiKeyActorPrefix = "api_key:";

/**
 * People's names for the user ids a tenant's history carries, as a map from actor id to name.
 * An id with no name (a user since deleted, a key from another tenant) is left out, and the
 * history says "A team member" rather than showing the raw id.
 */
export type ActorNames = (
  tenantId: string,
  actorIds: readonly string[],
) => Promise<ReadonlyMap<string, string>>;

/**
 * Names from better-auth: a user's name by id (looked up directly, so someone removed from the
 * team keeps their name on what they did), an API key's by its id in the tenant's keys.
 */
export function actorNamesFrom({ auth, apiKeys }: ExampleAuth): ActorNames {
  return async (tenantId, actorIds) => {
    const unique = [...new Set(actorIds)];
    const keyIds = unique.filter((id) => id.startsWith(apiKeyActorPrefix));
    const userIds = unique.filter((id) => !id.startsWith(apiKeyActorPrefix));
    const names = new Map<string, string>();
    if (userIds.length > 0) {
      const { adapter } = await auth.$context;
      const users = await adapter.findMany<{ id: string; name: string }>({
        model: "user",
        where: [{ field: "id", operator: "in", value: userIds }],
      });
      for (const user of users) names.set(user.id, user.name);
    }
    if (keyIds.length > 0) {
      // Only the tenant's own keys: another tenant's key name is not this tenant's to see.
      for (const key of await apiKeys.list(tenantId)) {
        const actorId = `${apiKeyActorPrefix}${key.id}`;
        if (keyIds.includes(actorId)) names.set(actorId, `API key “${key.name}”`);
      }
    }
    return names;
  };
}

/** No names known (the test-header identity): every person shows as "A team member". */
export const noActorNames: ActorNames = async () => new Map();
