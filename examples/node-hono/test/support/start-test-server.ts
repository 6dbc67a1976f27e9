import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import { type InvoiceStore, StoreUnavailableError } from "@remit/core";
import type { RoleName } from "../../src/auth/roles";
import { demoUsers } from "../../src/auth/seed-demo-users";
import { type StartServerOptions, startServer } from "../../src/start-server";

/** A store that can be switched off, as a database outage would: every transaction fails. */
function createSwitchableStore(store: InvoiceStore) {
  let down = false;
  const switchable: InvoiceStore = {
    ...store,
    transaction(input) {
      if (down)
        return Promise.reject(new StoreUnavailableError({ message: "the database is down" }));
      return store.transaction(input);
    },
  };
  return {
    store: switchable,
    setDown(value: boolean) {
      down = value;
    },
  };
}

/**
 * The example as `npm start` runs it (PGlite, demo data, outbox worker), in a fresh temporary data
 * folder, on a free port on 127.0.0.1 (or `hostname`). `stop()` closes it and removes the folder.
 */
export async function startTestServer(
  options: Partial<Omit<StartServerOptions, "store" | "port">> = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), "remit-example-"));
  const client = new PGlite(dataDir);
  await migrate(client);
  const lines: string[] = [];
  const outage = createSwitchableStore(createPostgresStore({ client }));
  const server = await startServer({
    store: outage.store,
    database: client,
    port: 0,
    hostname: "127.0.0.1",
    tenantId: "demo-plumbing",
    pollInterval: 100,
    log: (line) => lines.push(line),
    ...options,
  });
  return {
    ...server,
    /** Headers with a new API key of the demo tenant, for `/api/*` (`office` unless said). */
    async apiHeaders(role: RoleName = "office"): Promise<Record<string, string>> {
      if (!server.auth) throw new Error("the test server runs without sign-in");
      const { key } = await server.auth.apiKeys.create({
        tenantId: "demo-plumbing",
        name: `test ${role}`,
        role,
        createdBy: "test",
      });
      return { authorization: `Bearer ${key}` };
    },
    /** A `cookie` header of the demo user with `role`, signed in through the sign-in form. */
    async signIn(role: RoleName = "office"): Promise<Record<string, string>> {
      const user = demoUsers.find((candidate) => candidate.role === role);
      if (!user) throw new Error(`no demo user is ${role}`);
      const response = await fetch(`${server.url}/sign-in`, {
        method: "POST",
        body: new URLSearchParams({ email: user.email, password: user.password }),
        redirect: "manual",
      });
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      if (response.status !== 303 || !cookie)
        throw new Error(`sign-in as ${role}: ${response.status}`);
      return { cookie };
    },
    /** What the server printed (console email and SMS included). */
    lines,
    /** Takes the database down (every transaction fails, as in an outage) or back up. */
    setStoreDown: outage.setDown,
    async stop() {
      await server.close();
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const demoCtx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_test" } };

/** A new issued invoice for the demo tenant's first customer (submitted and approved). */
export async function issueDemoInvoice(server: TestServer, unitPrice = "120.00") {
  const { remit } = server;
  const [customer] = (await remit.customers.list(demoCtx, { limit: 1 })).items;
  const { invoice } = await remit.invoices.create(demoCtx, {
    ...(customer ? { customerId: customer.id } : {}),
    lines: [{ kind: "labor", description: "Service call", quantity: "1", unitPrice }],
  });
  await remit.invoices.submit(demoCtx, { id: invoice.id });
  return (await remit.invoices.issue(demoCtx, { id: invoice.id })).invoice;
}

/** The invoice with its payments, deliveries and events. */
export function invoiceDetails(server: TestServer, id: string) {
  return server.remit.invoices.get(demoCtx, { id });
}
