import { createRemit } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { createPostgresStore, migrate } from "../src/index";
import { uniqueSchema } from "./support/backends";
import { invoiceRecord } from "./support/records";

// `pg` warns "Calling client.query() when the client is already executing a query" (a deprecation
// in pg 8, an error in pg 9). A transaction's connection must get its queries one at a time, even
// when the caller issues them together, as core's `invoices.get` does with Promise.all.

const busyClientWarning = /already executing a query/;

let schema: string;
let pool: pg.Pool;
/** The most queries any one connection of `pool` was given at once. */
let mostAtOnce = 0;
const warnings: string[] = [];
const onWarning = (warning: Error) => {
  warnings.push(warning.message);
};

beforeAll(async () => {
  schema = uniqueSchema();
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    let running = 0;
    Object.assign(client, {
      query: (...args: unknown[]) => {
        if (typeof args.at(-1) === "function") return query(...args); // pool.query's callback form
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        return query(...args).finally(() => {
          running--;
        });
      },
    });
  });
  await migrate(pool, { schema });
  process.on("warning", onWarning);
});

afterAll(async () => {
  process.removeListener("warning", onWarning);
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

test("transaction - queries issued together on one transaction run one after another", async () => {
  const store = createPostgresStore({ client: pool, schema });
  const invoice = invoiceRecord("t1", 1);
  mostAtOnce = 0;
  const lists = await store.transaction({
    tenantId: "t1",
    work: async (transaction) => {
      await transaction.invoices.insert({ record: invoice });
      return await Promise.all([
        transaction.revisions.list({ invoiceId: invoice.id }),
        transaction.payments.listByInvoice({ invoiceId: invoice.id }),
        transaction.refunds.listByInvoice({ invoiceId: invoice.id }),
        transaction.deliveries.listByInvoice({ invoiceId: invoice.id }),
        transaction.events.listBySubject({ subjectId: invoice.id }),
        transaction.invoices.get({ id: invoice.id }),
      ]);
    },
  });
  expect(lists.slice(0, 5)).toEqual([[], [], [], [], []]);
  expect(lists[5]).toEqual(invoice);
  expect(mostAtOnce).toBe(1);
  expect(warnings.filter((message) => busyClientWarning.test(message))).toEqual([]);
});

test("transaction - a failing query among several issued together rolls back after the others", async () => {
  const store = createPostgresStore({ client: pool, schema });
  const invoice = invoiceRecord("t1", 2);
  mostAtOnce = 0;
  const failed = await store
    .transaction({
      tenantId: "t1",
      work: (transaction) =>
        Promise.all([
          transaction.invoices.insert({ record: invoice }),
          transaction.invoices.insert({ record: invoice }), // the same key twice
          transaction.invoices.get({ id: invoice.id }),
        ]),
    })
    .catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(Error);
  expect(mostAtOnce).toBe(1);
  // Nothing was kept, and the connection went back to the pool clean: the next move on it works.
  const remit = createRemit({ store });
  const listed = await remit.invoices.list({ tenantId: "t1", actor: { type: "user", id: "u" } });
  expect(listed.items.map((each) => each.id)).not.toContain(invoice.id);
  expect(warnings.filter((message) => busyClientWarning.test(message))).toEqual([]);
});
