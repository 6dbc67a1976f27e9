import { PGlite } from "@electric-sql/pglite";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { organization } from "better-auth/plugins/organization";
import { Kysely, PostgresDialect, sql } from "kysely";
import type pg from "pg";
import { createApiKeys } from "./api-keys";
import { authSchema } from "./auth-schema";
import { pgliteDialect } from "./pglite-kysely-dialect";
import { accessControl, roles } from "./roles";

export type CreateAuthOptions = {
  /** The database Remit's store uses: a `pg` Pool, or PGlite (the embedded default). */
  database: pg.Pool | PGlite;
  /** Signs the session cookies: at least 32 random characters, kept secret, the same on every process. */
  secret: string;
  /** Where people reach the back office; `https://` makes every cookie `Secure`. */
  publicUrl: string;
};

/**
 * Sign-in for the example, with better-auth: email and password, sessions in `HttpOnly`,
 * `SameSite=Lax` cookies (`Secure` when the public URL is https), and organizations, one per
 * tenant (its `slug` is the tenant id), whose members have a role: `technician`, `office` or
 * `owner`. Its tables live in the `remit_auth` schema of Remit's own database, reached through
 * Kysely on the same pool (or PGlite).
 */
export function createAuth(options: CreateAuthOptions) {
  const db = new Kysely<unknown>({
    dialect:
      options.database instanceof PGlite
        ? pgliteDialect(options.database)
        : new PostgresDialect({ pool: options.database }),
  });
  const auth = betterAuth({
    appName: "Remit",
    baseURL: options.publicUrl,
    // The example signs people in with its own form (`/sign-in`); better-auth's HTTP routes stay
    // unmounted, so this path answers nothing.
    basePath: "/auth",
    secret: options.secret,
    database: { db, type: "postgres", schemaName: authSchema },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    plugins: [
      organization({
        ac: accessControl,
        roles,
        creatorRole: "owner",
        allowUserToCreateOrganization: false,
      }),
    ],
    advanced: {
      useSecureCookies: options.publicUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
  });
  return {
    auth,
    db,
    apiKeys: createApiKeys(db),
    /** Creates or updates the sign-in tables (better-auth's migrations, then the API keys'). */
    async migrate(): Promise<void> {
      await sql`create schema if not exists ${sql.id(authSchema)}`.execute(db);
      const { runMigrations } = await getMigrations(auth.options);
      await runMigrations();
      await createApiKeys(db).migrate();
    },
  };
}

export type ExampleAuth = ReturnType<typeof createAuth>;
