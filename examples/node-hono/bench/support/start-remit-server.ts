import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPostgresChangeFeed, createPostgresStore, migrate } from "@remit/adapter-postgres";
import pg from "pg";
import { startServer } from "../../src/start-server";

/** Where the bench's Remit keeps its data: PGlite in-process, or a PostgreSQL server's URL. */
export type BenchBackend = { kind: "pglite" } | { kind: "postgres"; url: string; schema: string };

/**
 * The example as `npm start` runs it (demo data, outbox worker, the hosted page's cache unless
 * `cache: false`) on PGlite in a fresh temporary folder or on a PostgreSQL server (a pool of 50,
 * moves announced and heard as in production), on a free port on 127.0.0.1, quiet. `stop()`
 * closes it and removes what it made.
 */
export async function startRemitServer(
  tenantId: string,
  backend: BenchBackend,
  options: { cache?: boolean } = {},
) {
  const cache = options.cache ?? true;
  if (backend.kind === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "remit-bench-"));
    const client = new PGlite(dataDir);
    await migrate(client);
    const server = await startServer({
      store: createPostgresStore({ client }),
      port: 0,
      hostname: "127.0.0.1",
      tenantId,
      log: () => undefined,
      ...(cache ? { hostedPageCache: {} } : {}),
    });
    return {
      ...server,
      async stop() {
        await server.close();
        await client.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pool = new pg.Pool({ connectionString: backend.url, max: 50 });
  await migrate(pool, { schema: backend.schema });
  const channel = `${backend.schema}_changes`;
  const changes = cache
    ? createPostgresChangeFeed({
        newClient: () => new pg.Client({ connectionString: backend.url }),
        channel,
      })
    : undefined;
  await changes?.ready;
  const server = await startServer({
    store: createPostgresStore({ client: pool, schema: backend.schema, notifyChannel: channel }),
    port: 0,
    hostname: "127.0.0.1",
    tenantId,
    log: () => undefined,
    ...(changes ? { hostedPageCache: { changes } } : {}),
  });
  return {
    ...server,
    async stop() {
      await server.close();
      await changes?.close();
      await pool.end();
    },
  };
}
