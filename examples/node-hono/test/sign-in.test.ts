import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedInCaller } from "../src/auth/caller";
import { createAuth } from "../src/auth/create-auth";
import { demoUsers } from "../src/auth/seed-demo-users";
import { createPasswordUser } from "../src/auth/team";
import { startServer } from "../src/start-server";
import { startTestServer, type TestServer } from "./support/start-test-server";

const secret = "0123456789abcdef0123456789abcdef";

/** The cookies a response sets, by name, with their attributes as written. */
function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split("=")[0] ?? "", line]));
}

describe("sign-in (a real server on PGlite)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ signInLimit: { failures: 3, windowSeconds: 600 } });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("default - no header identity: x-tenant-id and x-user-id are ignored (API 401, back office to /sign-in)", async () => {
    const headers = { "x-tenant-id": "demo-plumbing", "x-user-id": "someone" };
    expect((await fetch(`${server.url}/api/invoices`, { headers })).status).toBe(401);
    const page = await fetch(`${server.url}/?status=paid`, { headers, redirect: "manual" });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/sign-in?next=%2F%3Fstatus%3Dpaid");
    const form = await fetch(`${server.url}/work-orders/x/complete`, {
      method: "POST",
      headers,
      redirect: "manual",
    });
    expect(form.status).toBe(401);
  });

  it("banner - the startup banner prints each demo user's email and password", () => {
    const banner = server.lines.join("\n");
    for (const user of demoUsers) {
      expect(banner).toContain(user.email);
      expect(banner).toContain(user.password);
    }
    expect(banner).toContain(`${server.url}/sign-in`);
  });

  it("session - signing in sets an HttpOnly, SameSite=Lax session cookie (not Secure on localhost) and leads back to `next`", async () => {
    const user = demoUsers[1];
    const response = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: new URLSearchParams({
        email: user?.email ?? "",
        password: user?.password ?? "",
        next: "/work-orders",
      }),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/work-orders");
    const session = setCookies(response).get("better-auth.session_token") ?? "";
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).not.toMatch(/; Secure/);
    const cookie = session.split(";")[0] ?? "";
    const home = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Olivia Park (office)");

    const out = await fetch(`${server.url}/sign-out`, {
      method: "POST",
      headers: { cookie },
      redirect: "manual",
    });
    expect(out.headers.get("location")).toBe("/sign-in");
    const after = await fetch(`${server.url}/`, { headers: { cookie }, redirect: "manual" });
    expect(after.status).toBe(303);
  });

  it("next - a `next` on another origin is not followed", async () => {
    const user = demoUsers[0];
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const response = await fetch(`${server.url}/sign-in`, {
        method: "POST",
        body: new URLSearchParams({
          email: user?.email ?? "",
          password: user?.password ?? "",
          next,
        }),
        redirect: "manual",
      });
      expect(response.headers.get("location"), next).toBe("/");
    }
  });

  it("refused - a wrong password is 401 with the email kept; past the limit the client gets 429", async () => {
    const attempt = () =>
      fetch(`${server.url}/sign-in`, {
        method: "POST",
        body: new URLSearchParams({ email: "tech@demo.remit.dev", password: "not the password" }),
        redirect: "manual",
        headers: { accept: "text/html" },
      });
    const first = await attempt();
    expect(first.status).toBe(401);
    const body = await first.text();
    expect(body).toContain("That email and password do not match");
    expect(body).toContain('value="tech@demo.remit.dev"');
    expect(first.headers.getSetCookie()).toEqual([]);
    await attempt();
    await attempt();
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("sign-in on a PostgreSQL server (the same pg Pool as the store)", () => {
  let admin: pg.Pool;
  let pool: pg.Pool;
  const database = `auth_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
    await admin.query(`create database ${database}`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${database}`;
    pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  });
  afterAll(async () => {
    await pool?.end();
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
  });

  it("postgres - the example starts on the pool: migrations, the demo team and a session work", async () => {
    await migrate(pool);
    const server = await startServer({
      store: createPostgresStore({ client: pool }),
      database: pool,
      port: 0,
      tenantId: "demo-plumbing",
      log: () => {},
    });
    try {
      const user = demoUsers[2];
      const response = await fetch(`${server.url}/sign-in`, {
        method: "POST",
        body: new URLSearchParams({ email: user?.email ?? "", password: user?.password ?? "" }),
        redirect: "manual",
      });
      expect(response.status).toBe(303);
      const cookie = response.headers.getSetCookie()[0]?.split(";")[0] ?? "";
      expect(await (await fetch(`${server.url}/`, { headers: { cookie } })).text()).toContain(
        "Sam Ortiz (technician)",
      );
      const tables = await pool.query(
        "select table_name from information_schema.tables where table_schema = 'remit_auth' order by 1",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(["api_key", "member", "organization", "session", "user"]),
      );
    } finally {
      await server.close();
    }
  });
});

describe("sign-in settings", () => {
  it("secure - with an https public URL the session cookie is also Secure", async () => {
    const database = new PGlite();
    try {
      const { auth, migrate: migrateAuth } = createAuth({
        database,
        secret,
        publicUrl: "https://pay.example.com",
      });
      await migrateAuth();
      await createPasswordUser(auth, {
        name: "Ann",
        email: "ann@example.com",
        password: "a long password",
      });
      const { headers } = await auth.api.signInEmail({
        body: { email: "ann@example.com", password: "a long password" },
        headers: new Headers(),
        returnHeaders: true,
      });
      const session = headers.getSetCookie().find((line) => line.includes("session_token")) ?? "";
      expect(session).toMatch(/; Secure/);
      expect(session).toMatch(/; HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
    } finally {
      await database.close();
    }
  });

  it("member - a user in no tenant's team is no caller, even with a valid session", async () => {
    const database = new PGlite();
    try {
      const exampleAuth = createAuth({ database, secret, publicUrl: "http://localhost" });
      await exampleAuth.migrate();
      await createPasswordUser(exampleAuth.auth, {
        name: "Stray",
        email: "stray@example.com",
        password: "a long password",
      });
      const { headers } = await exampleAuth.auth.api.signInEmail({
        body: { email: "stray@example.com", password: "a long password" },
        headers: new Headers(),
        returnHeaders: true,
      });
      const cookie = headers.getSetCookie()[0]?.split(";")[0] ?? "";
      const caller = await signedInCaller(exampleAuth)(
        new Request("http://localhost/", { headers: { cookie } }),
      );
      expect(caller).toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it("exposure - on another address the server refuses to start while the demo's published sign-ins work", async () => {
    const database = new PGlite();
    try {
      await migrate(database);
      const first = await startServer({
        store: createPostgresStore({ client: database }),
        database,
        port: 0,
        tenantId: "demo-plumbing",
        log: () => {},
      });
      await first.close();
      await expect(
        startServer({
          store: createPostgresStore({ client: database }),
          database,
          port: 0,
          hostname: "0.0.0.0",
          publicUrl: "https://pay.example.com",
          authSecret: secret,
          tenantId: "demo-plumbing",
          log: () => {},
        }),
      ).rejects.toThrow(/demo's published sign-ins .*owner@demo\.remit\.dev/);
    } finally {
      await database.close();
    }
  });
});
