import { createRemit, type Remit } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPostgresStore, migrate } from "../../src/index";
import { uniqueSchema } from "../../test/support/backends";
import { loadAverage } from "./latency";

/**
 * Remit on a fresh schema of the test server for one bench file: made before its benches, and
 * after them the figures recorded in `results` printed as one table under `title` (with the
 * server's version and the load average), then the schema dropped.
 */
export function benchRemit(options: { title: string; poolSize: number }) {
  const bench = {
    pool: undefined as unknown as pg.Pool,
    schema: "",
    remit: undefined as unknown as Remit,
    /** Name and figure of each measure, printed in this order. */
    results: [] as [string, string][],
  };
  beforeAll(async () => {
    bench.pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: options.poolSize });
    bench.pool.on("error", () => undefined);
    bench.schema = uniqueSchema();
    await migrate(bench.pool, { schema: bench.schema });
    bench.remit = createRemit({
      store: createPostgresStore({ client: bench.pool, schema: bench.schema }),
    });
  });
  afterAll(async () => {
    const version = (await bench.pool.query("SHOW server_version")).rows[0]?.server_version;
    const rows = bench.results.map(([name, value]) => `  ${name.padEnd(58)} ${value}`);
    console.log(
      `\n${options.title} on PostgreSQL (${version}), load average ${await loadAverage()}\n${rows.join("\n")}\n`,
    );
    await bench.pool.query(`DROP SCHEMA IF EXISTS "${bench.schema}" CASCADE`);
    await bench.pool.end();
  });
  return bench;
}
