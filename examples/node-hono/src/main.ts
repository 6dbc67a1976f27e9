import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import { createOutboxWorker, createRemit } from "@remit/core";
import pg from "pg";
import { createApp } from "./app";
import { createConsoleNotifiers } from "./console-notifiers";
import { seedDemoData } from "./seed-demo-data";

// Only the example reads the environment; the packages take everything as options.
const port = Number(process.env.PORT ?? 3000);
const tenantId = process.env.REMIT_DEMO_TENANT ?? "demo-plumbing";
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;

async function openClient() {
  if (process.env.DATABASE_URL) return new pg.Pool({ connectionString: process.env.DATABASE_URL });
  const dataDir = resolve(process.env.REMIT_DATA_DIR ?? ".remit-data");
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}

const client = await openClient();
await migrate(client);
const remit = createRemit({
  store: createPostgresStore({ client }),
  notifiers: createConsoleNotifiers(),
});
if (await seedDemoData(remit, tenantId))
  console.log(`Seeded demo tenant "${tenantId}" with invoices in every status.`);

const worker = createOutboxWorker({
  remit,
  invoiceUrl: (invoice) => `${publicUrl}/i/${invoice.publicToken}`,
});
worker.start();

const server = serve({ fetch: createApp(remit, { tenantId }).fetch, port }, (info) => {
  console.log(
    `Remit example listening on http://localhost:${info.port} (back office at /, API at /api/invoices)`,
  );
});

const shutdown = async () => {
  server.close();
  await worker.stop();
  if (client instanceof PGlite) await client.close();
  else await client.end();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
