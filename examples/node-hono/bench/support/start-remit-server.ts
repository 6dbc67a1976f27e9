import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import { startServer } from "../../src/start-server";

/**
 * The example as `npm start` runs it (PGlite, demo data, outbox worker), in a fresh temporary data
 * folder, on a free port on 127.0.0.1, quiet. `stop()` closes it and removes the folder.
 */
export async function startRemitServer(tenantId: string) {
  const dataDir = mkdtempSync(join(tmpdir(), "remit-bench-"));
  const client = new PGlite(dataDir);
  await migrate(client);
  const server = await startServer({
    store: createPostgresStore({ client }),
    port: 0,
    hostname: "127.0.0.1",
    tenantId,
    log: () => undefined,
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
