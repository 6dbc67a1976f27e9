import { cpus, loadavg } from "node:os";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { type CapturedResponse, captureResponse } from "./support/capture-response";
import { formatLoadTable, type LoadRow } from "./support/format-load-table";
import { runAutocannon } from "./support/run-autocannon";
import { startFloorServer } from "./support/start-floor-server";
import { type BenchBackend, startRemitServer } from "./support/start-remit-server";

// `npm run bench`: the hosted invoice page and the list API under load, on PGlite and on a real
// PostgreSQL server (DATABASE_URL, or one started for the run with its default durability), each
// next to a bare Hono app answering with the same bytes (the floor), measured in the same run.
// The page is measured as the example serves it (its cache on, cleared by LISTEN/NOTIFY on
// PostgreSQL) and, on PostgreSQL, without the cache. Not part of CI; see
// docs/guide/example-server.md.
//   BENCH_SECONDS         seconds of measured load per target (default 10)
//   BENCH_WARMUP_SECONDS  seconds of unmeasured load before each (default 2)
//   BENCH_CONNECTIONS     concurrent connections (default 50)

const load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
};
const tenantId = "demo-plumbing";
const schema = `bench_${Date.now().toString(36)}`;

type Started = Awaited<ReturnType<typeof startRemitServer>>;
type Target = { name: string; server: Started; path: string };

const servers: Started[] = [];
const floors: Awaited<ReturnType<typeof startFloorServer>>[] = [];
const targets: { target: Target; floorUrl: string }[] = [];

async function issuedToken(server: Started): Promise<string> {
  const ctx = { tenantId, actor: { type: "user" as const, id: "bench" } };
  const [issued] = (await server.remit.invoices.list(ctx, { status: "pending_payment", limit: 1 }))
    .items;
  if (!issued?.publicToken) throw new Error("the demo data has no issued invoice");
  return issued.publicToken;
}

async function addTargets(label: string, backend: BenchBackend) {
  const cached = await startRemitServer(tenantId, backend);
  servers.push(cached);
  const token = await issuedToken(cached);
  const backendTargets: Target[] = [
    { name: `${label}: hosted invoice page`, server: cached, path: `/i/${token}` },
  ];
  if (backend.kind === "postgres") {
    const uncached = await startRemitServer(tenantId, backend, { cache: false });
    servers.push(uncached);
    backendTargets.push({
      name: `${label}: hosted page, no cache`,
      server: uncached,
      path: `/i/${token}`,
    });
  }
  backendTargets.push({
    name: `${label}: list API (50)`,
    server: cached,
    path: "/api/invoices?limit=50",
  });
  const captured: Record<string, CapturedResponse> = {};
  for (const { server, path } of backendTargets) {
    captured[new URL(path, server.url).pathname] = await captureResponse(`${server.url}${path}`);
  }
  const floor = await startFloorServer(captured);
  floors.push(floor);
  for (const target of backendTargets) targets.push({ target, floorUrl: floor.url });
}

beforeAll(async () => {
  await addTargets("PGlite", { kind: "pglite" });
  await addTargets("PostgreSQL", { kind: "postgres", url: inject("databaseUrl"), schema });
});

afterAll(async () => {
  for (const floor of floors) await floor.stop();
  for (const server of servers) await server.stop();
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

test("hosted page and list API against the floor, on PGlite and PostgreSQL", async () => {
  const rows: LoadRow[] = [];
  const loads: string[] = [];
  for (const { target, floorUrl } of targets) {
    const url = `${target.server.url}${target.path}`;
    // The floor must answer with Remit's bytes, or the comparison means nothing.
    const [mine, theirs] = await Promise.all([
      captureResponse(url),
      captureResponse(`${floorUrl}${target.path}`),
    ]);
    expect(theirs.body).toEqual(mine.body);
    rows.push({
      name: target.name,
      bytes: mine.body.length,
      remit: await runAutocannon(url, load),
      floor: await runAutocannon(`${floorUrl}${target.path}`, load),
    });
    loads.push(loadavg()[0]?.toFixed(1) ?? "?");
  }
  console.log(
    `\nautocannon, ${load.connections} connections, ${load.seconds} s per target after ${load.warmupSeconds} s warm-up; Node ${process.versions.node}, ${cpus().length} cores; PostgreSQL pool of 50; load average (1 min) after each row: ${loads.join(", ")}\n\n${formatLoadTable(rows)}\n`,
  );
});
