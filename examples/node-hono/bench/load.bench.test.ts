import { cpus } from "node:os";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type CapturedResponse, captureResponse } from "./support/capture-response";
import { formatLoadTable, type LoadRow } from "./support/format-load-table";
import { runAutocannon } from "./support/run-autocannon";
import { startFloorServer } from "./support/start-floor-server";
import { startRemitServer } from "./support/start-remit-server";

// `npm run bench`: the hosted invoice page and the list API under load, next to a bare Hono app
// answering with the same bytes (the floor). Not part of CI; see docs/guide/example-server.md.
//   BENCH_SECONDS         seconds of measured load per target (default 10)
//   BENCH_WARMUP_SECONDS  seconds of unmeasured load before each (default 2)
//   BENCH_CONNECTIONS     concurrent connections (default 50)

const load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
};
const tenantId = "demo-plumbing";

let remit: Awaited<ReturnType<typeof startRemitServer>>;
let floor: Awaited<ReturnType<typeof startFloorServer>>;
let targets: { name: string; path: string }[];

beforeAll(async () => {
  remit = await startRemitServer(tenantId);
  const ctx = { tenantId, actor: { type: "user" as const, id: "bench" } };
  const [issued] = (await remit.remit.invoices.list(ctx, { status: "pending_payment", limit: 1 }))
    .items;
  if (!issued?.publicToken) throw new Error("the demo data has no issued invoice");
  targets = [
    { name: "hosted invoice page", path: `/i/${issued.publicToken}` },
    { name: "list API (50)", path: "/api/invoices?limit=50" },
  ];
  const captured: Record<string, CapturedResponse> = {};
  for (const { path } of targets) {
    captured[new URL(path, remit.url).pathname] = await captureResponse(`${remit.url}${path}`);
  }
  floor = await startFloorServer(captured);
});

afterAll(async () => {
  await floor?.stop();
  await remit?.stop();
});

test("hosted page and list API against the floor", async () => {
  const rows: LoadRow[] = [];
  for (const { name, path } of targets) {
    // The floor must answer with Remit's bytes, or the comparison means nothing.
    const [mine, theirs] = await Promise.all([
      captureResponse(`${remit.url}${path}`),
      captureResponse(`${floor.url}${path}`),
    ]);
    expect(theirs.body).toEqual(mine.body);
    rows.push({
      name,
      bytes: mine.body.length,
      remit: await runAutocannon(`${remit.url}${path}`, load),
      floor: await runAutocannon(`${floor.url}${path}`, load),
    });
  }
  console.log(
    `\nautocannon, ${load.connections} connections, ${load.seconds} s per target after ${load.warmupSeconds} s warm-up; Node ${process.versions.node}, ${cpus().length} cores\n\n${formatLoadTable(rows)}\n`,
  );
});
