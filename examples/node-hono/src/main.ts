import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPostgresChangeFeed, createPostgresStore, migrate } from "@remit/adapter-postgres";
import pg from "pg";
import { createServiceClients } from "./config/create-service-clients";
import { ConfigError, type ExampleConfig, readConfig } from "./config/read-config";
import { startServer } from "./start-server";

// Only the example reads the environment; the packages take everything as options.
function readConfigOrExit(): ExampleConfig {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nSee docs/guide/example-server.md for every variable.`);
    process.exit(1);
  }
}

const config = readConfigOrExit();

async function openClient() {
  if (config.databaseUrl) return new pg.Pool({ connectionString: config.databaseUrl });
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}

const client = await openClient();
await migrate(client);
// The hosted page is kept rendered per token. On PGlite this process is the only writer; on a
// server every process announces its moves (notifyChannel) and hears the others' (the feed).
const changes = config.databaseUrl
  ? createPostgresChangeFeed({
      newClient: () => new pg.Client({ connectionString: config.databaseUrl }),
    })
  : undefined;
await changes?.ready;
const server = await startServer({
  store: createPostgresStore({
    client,
    ...(changes ? { notifyChannel: "remit_changes" } : {}),
  }),
  hostedPageCache: changes ? { changes } : {},
  port: config.port,
  ...(config.host ? { hostname: config.host } : {}),
  database: client,
  testHeaderIdentity: config.testHeaderIdentity,
  ...(config.authSecret ? { authSecret: config.authSecret } : {}),
  ...(config.owner ? { owner: config.owner } : {}),
  http: config.http,
  tenantId: config.tenantId,
  demoTestCheckout: config.demoTestCheckout,
  ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  ...(config.eventsWebhook ? { eventsWebhook: config.eventsWebhook } : {}),
  services: createServiceClients(config),
});
console.log(
  `Remit example listening on ${server.url} (back office at /, work orders at /work-orders, API at /api/invoices)`,
);

const shutdown = async () => {
  await server.close();
  await changes?.close();
  if (client instanceof PGlite) await client.close();
  else await client.end();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
