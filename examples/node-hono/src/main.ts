import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import pg from "pg";
import { startServer } from "./start-server";

// Only the example reads the environment; the packages take everything as options.
const port = Number(process.env.PORT ?? 3000);
const tenantId = process.env.REMIT_DEMO_TENANT ?? "demo-plumbing";
const webhookUrl = process.env.EVENTS_WEBHOOK_URL;
const webhookSecret = process.env.EVENTS_WEBHOOK_SECRET;

if (webhookUrl && !webhookSecret) {
  console.error("EVENTS_WEBHOOK_URL is set without EVENTS_WEBHOOK_SECRET (16+ characters).");
  process.exit(1);
}

async function openClient() {
  if (process.env.DATABASE_URL) return new pg.Pool({ connectionString: process.env.DATABASE_URL });
  const dataDir = resolve(process.env.REMIT_DATA_DIR ?? ".remit-data");
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}

const client = await openClient();
await migrate(client);
const server = await startServer({
  store: createPostgresStore({ client }),
  port,
  ...(process.env.HOST ? { hostname: process.env.HOST } : {}),
  tenantId,
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
  ...(webhookUrl && webhookSecret
    ? { eventsWebhook: { url: webhookUrl, secret: webhookSecret } }
    : {}),
});
console.log(
  `Remit example listening on ${server.url} (back office at /, work orders at /work-orders, API at /api/invoices)`,
);

const shutdown = async () => {
  await server.close();
  if (client instanceof PGlite) await client.close();
  else await client.end();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
