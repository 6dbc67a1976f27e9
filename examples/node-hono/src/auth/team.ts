import type { ExampleAuth } from "./create-auth";
import type { RoleName } from "./roles";

/** A member of a tenant's team, as the team page lists it. */
export type TeamMember = {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: RoleName;
};

/**
 * A tenant's team: its better-auth organization (slug = tenant id) and the users in it. Owners
 * add people from the team page; there is no public sign-up.
 */
export function createTeam({ auth }: ExampleAuth) {
  async function organizationOf(tenantId: string) {
    const { adapter } = await auth.$context;
    return adapter.findOne<{ id: string; name: string }>({
      model: "organization",
      where: [{ field: "slug", value: tenantId }],
    });
  }

  return {
    organizationOf,

    /** The tenant's organization, created on first use with `name`. */
    async ensureOrganization(tenantId: string, name: string): Promise<{ id: string }> {
      const found = await organizationOf(tenantId);
      if (found) return found;
      const { adapter } = await auth.$context;
      return adapter.create<{ name: string; slug: string; createdAt: Date }, { id: string }>({
        model: "organization",
        data: { name, slug: tenantId, createdAt: new Date() },
      });
    },

    /**
     * A new user with a password, in the tenant's team with `role`. Refused (better-auth's
     * error) when the email is taken or the password too short.
     */
    async addMember(
      tenantId: string,
      input: { name: string; email: string; password: string; role: RoleName },
    ): Promise<TeamMember> {
      const organization = await organizationOf(tenantId);
      if (!organization) throw new Error(`tenant ${tenantId} has no organization`);
      const context = await auth.$context;
      const email = input.email.trim().toLowerCase();
      if (await context.internalAdapter.findUserByEmail(email)) {
        throw new TeamError("email", "Someone already signs in with this email");
      }
      const { minPasswordLength, maxPasswordLength } = context.password.config;
      if (input.password.length < minPasswordLength || input.password.length > maxPasswordLength) {
        throw new TeamError(
          "password",
          `A password has ${minPasswordLength} to ${maxPasswordLength} characters`,
        );
      }
      const user = await createPasswordUser(auth, { ...input, email });
      const member = await auth.api.addMember({
        body: { userId: user.id, organizationId: organization.id, role: input.role },
      });
      if (!member) throw new Error("better-auth did not add the member");
      return { memberId: member.id, userId: user.id, name: user.name, email, role: input.role };
    },

    /** Everyone in the tenant's team. */
    async members(tenantId: string): Promise<TeamMember[]> {
      const organization = await organizationOf(tenantId);
      if (!organization) return [];
      const { adapter } = await auth.$context;
      const members = await adapter.findMany<{ id: string; userId: string; role: RoleName }>({
        model: "member",
        where: [{ field: "organizationId", value: organization.id }],
      });
      if (members.length === 0) return [];
      const users = await adapter.findMany<{ id: string; name: string; email: string }>({
        model: "user",
        where: [{ field: "id", operator: "in", value: members.map((member) => member.userId) }],
      });
      return members.flatMap((member) => {
        const user = users.find((candidate) => candidate.id === member.userId);
        return user
          ? [
              {
                memberId: member.id,
                userId: user.id,
                name: user.name,
                email: user.email,
                role: member.role,
              },
            ]
          : [];
      });
    },

    /**
     * Changes a member's role, as the signed-in owner (`headers`): better-auth checks that they may
     * and keeps the tenant's last owner.
     */
    async changeRole(tenantId: string, headers: Headers, memberId: string, role: RoleName) {
      const organization = await organizationOf(tenantId);
      if (!organization) throw new Error(`tenant ${tenantId} has no organization`);
      await auth.api.updateMemberRole({
        headers,
        body: { memberId, role, organizationId: organization.id },
      });
    },

    /** Removes a member, as the signed-in owner (`headers`); their sessions stop working at once. */
    async removeMember(tenantId: string, headers: Headers, memberId: string) {
      const organization = await organizationOf(tenantId);
      if (!organization) throw new Error(`tenant ${tenantId} has no organization`);
      await auth.api.removeMember({
        headers,
        body: { memberIdOrEmail: memberId, organizationId: organization.id },
      });
    },
  };
}

export type Team = ReturnType<typeof createTeam>;

/**
 * A new user who signs in with `password` (better-auth's credential account, the password hashed
 * with its scrypt), in no team yet.
 */
export async function createPasswordUser(
  auth: ExampleAuth["auth"],
  input: { name: string; email: string; password: string },
) {
  const context = await auth.$context;
  const user = await context.internalAdapter.createUser(
    { name: input.name, email: input.email, emailVerified: true },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(input.password),
  });
  return user;
}

/** A refused team change, with the form field it is about. */
export class TeamError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "TeamError";
  }
}
