// Hostile input over every route of the example (its back office and the @remit/server parts it
// mounts): unknown and other tenants' ids, NUL and lone surrogates, malformed forms and JSON. No
// answer may be a 5xx, and the store must hold exactly what it held before.
import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import { createRemit, type InvoiceStore } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemoData } from "../src/seed-demo-data";

function snapshot(state: object): string {
  return JSON.stringify(state, (_key, value) =>
    value instanceof Map ? [...value.entries()] : value,
  );
}

const nul = "\u0000";
const quietLogger = { error: () => undefined };

/** Hostile requests to every route of the example on `store`; `snapshot` reads the backend. */
async function fuzzEveryRoute(
  store: InvoiceStore,
  snapshotOf: () => Promise<string>,
  seed: number,
) {
  const remit = createRemit({ store });
  await seedDemoData(remit, "demo");
  await seedDemoData(remit, "other");
  const other = { tenantId: "other", actor: { type: "user" as const, id: "u_other" } };
  const otherIds = [
    ...(await remit.invoices.list(other, { limit: 5 })).items.flatMap((invoice) => [
      invoice.id,
      invoice.publicToken ?? invoice.id,
    ]),
    ...(await remit.workOrders.list(other, { limit: 5 })).items.map((order) => order.id),
  ];
  const app = createApp(remit, { identity: { testHeaders: "demo" }, logger: quietLogger });
  const routes = [
    ...new Set(
      app.routes
        .filter((route) => route.method !== "ALL")
        .map((route) => `${route.method} ${route.path}`),
    ),
  ].map((route) => route.split(" ") as [string, string]);
  expect(routes.length).toBeGreaterThan(40);
  const badText = fc.oneof(
    fc.constantFrom(nul, `a${nul}`, "\uD800", "x\uDC00", "inv_unknown", "x".repeat(20_000)),
    fc.string().map((text) => `${text}${nul}`),
  );
  const id = fc.oneof(fc.constantFrom(...otherIds), badText);
  const formBody = fc
    .array(
      fc.tuple(
        fc.constantFrom("version", "reason", "amount", "reference", "idempotencyKey", "memo"),
        badText,
      ),
      { maxLength: 4 },
    )
    .map((pairs) => {
      const form = new URLSearchParams();
      for (const [key, value] of pairs)
        form.append(key, value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
      return form.toString() + (pairs.length ? `&raw=${"%00%ED%A0%80"}` : "");
    });
  const body = fc.oneof(
    formBody.map((text) => ["application/x-www-form-urlencoded", text] as const),
    fc.constantFrom(
      ["multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data\r\n\r\nbroken"],
      ["multipart/form-data", "no boundary"],
      ["application/json", "{not json"],
      ["application/json", `{"customerId":"\\u0000","memo":"\\ud800","reason":"\\u0000"}`],
      ["text/plain", "name=x"],
    ) as fc.Arbitrary<readonly [string, string]>,
  );
  const before = await snapshotOf();
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      id,
      body,
      fc.constantFrom("text/html", "application/json"),
      async ([method, template], value, [type, text], accept) => {
        let segment: string;
        try {
          segment = encodeURIComponent(value);
        } catch {
          segment = "%ED%A0%80";
        }
        const path = template.replace(/:[a-z]+/gi, segment);
        const response = await app.request(path, {
          method,
          ...(method === "GET" ? {} : { body: text, headers: { "content-type": type, accept } }),
          ...(method === "GET" ? { headers: { accept } } : {}),
        });
        await response.arrayBuffer();
        if (response.status >= 500)
          failures.push(`${method} ${path.slice(0, 120)} → ${response.status}`);
        return response.status < 500;
      },
    ),
    { seed, numRuns: 300, endOnFailure: true },
  );
  expect(failures).toEqual([]);
  expect((await snapshotOf()) === before, "the store changed").toBe(true);
}

describe("fuzz - the example's routes", () => {
  it("fuzz - on the memory store: no route answers hostile input with a 5xx, and the store is unchanged", async () => {
    const store = createMemoryStore();
    await fuzzEveryRoute(store, async () => snapshot(store.state), 16_017);
  }, 120_000);

  it("fuzz - on PostgreSQL (PGlite): no NUL or lone surrogate reaches a 5xx, and no row changes", async () => {
    const client = await PGlite.create();
    try {
      await migrate(client);
      const { rows: tables } = await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'remit' ORDER BY 1",
      );
      const snapshotOf = async () => {
        const parts: string[] = [];
        for (const { name } of tables) {
          const { rows } = await client.query<{ digest: string | null }>(
            `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM remit."${name}" t`,
          );
          parts.push(`${name}:${rows[0]?.digest}`);
        }
        return parts.join("\n");
      };
      await fuzzEveryRoute(createPostgresStore({ client }), snapshotOf, 16_018);
    } finally {
      await client.close();
    }
  }, 180_000);
});
