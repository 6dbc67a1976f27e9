// Hostile input over every route of the handler: malformed JSON, wrong types, huge strings, deep
// nesting, NUL and lone surrogates, unknown ids and another tenant's ids, in bodies, paths and
// queries. No answer may be a 5xx, and the store must hold exactly what it held before.
import { type Context, createRemit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Authenticate, createRemitHandler } from "../src/index";

const home: Context = { tenantId: "home", actor: { type: "user", id: "u_home" } };
const other: Context = { tenantId: "other", actor: { type: "user", id: "u_other" } };

/** The caller is always the home tenant: every id of `other` must be out of reach. */
const authenticate: Authenticate = () => home;

async function setup() {
  const store = createMemoryStore();
  const remit = createRemit({ store });
  const records: Record<string, string[]> = { home: [], other: [] };
  for (const ctx of [home, other]) {
    await remit.tenants.upsert(ctx, { name: `${ctx.tenantId} Co`, currency: "USD" });
    const customer = await remit.customers.create(ctx, { name: "Dana", email: "d@example.com" });
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ description: "Call", quantity: "1", unitPrice: "90.00" }],
    });
    const issued = (await remit.invoices.issue(ctx, { id: invoice.id })).invoice;
    const workOrder = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
    });
    records[ctx.tenantId] = [
      customer.id,
      invoice.id,
      issued.publicToken ?? "",
      workOrder.workOrder.id,
    ];
  }
  const handler = createRemitHandler({
    remit,
    authenticate,
    publicUrl: "https://pay.example",
    payments: {},
    notifiers: { twilio: { authToken: "twilio-token" } },
    logError: () => undefined,
  });
  return { store, handler, records };
}

/** Every row of the memory store, as text. */
function snapshot(state: object): string {
  return JSON.stringify(state, (_key, value) =>
    value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value,
  );
}

const nul = "\u0000";
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const badText = fc.oneof(
  fc.constantFrom(nul, `a${nul}b`, "\uD800", "x\uDC00y", "\uDBFF", "x".repeat(100_000), ""),
  fc.string().map((text) => `${text}${nul}`),
  fc.string({ unit: "binary" }).map((text) => `${text}\uD801`),
);
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badText,
  fc.constantFrom(null, true, -1, 1e308, 0.1, [], {}, [nul], { "\u0000": 1 }),
  fc.integer(),
);
const fieldNames = fc.constantFrom(
  "name",
  "email",
  "phone",
  "memo",
  "reason",
  "idempotencyKey",
  "customerId",
  "id",
  "lines",
  "amount",
  "method",
  "reference",
  "title",
  "technician",
  "channels",
  "expectedVersion",
  "paymentId",
  "description",
  "__proto__",
  "constructor",
);
const badObject = fc.dictionary(fc.oneof(fieldNames, badText), badValue, { minKeys: 1 });
const rawBody = fc.oneof(
  badObject.map((value) => JSON.stringify(value)),
  fc.array(badObject).map((value) => JSON.stringify({ lines: value })),
  fc.constantFrom(
    "{not json",
    "",
    "null",
    "[]",
    '"text"',
    "12",
    `{"name":"${"\\u0000"}"}`,
    '{"name":"\\ud800"}',
    `{"a":${deep(5_000)}}`,
    deep(100_000),
    '{"name":"x","name":',
  ),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "multipart/form-data",
  "multipart/form-data; boundary=zz",
  "application/x-www-form-urlencoded",
  undefined,
);

describe("fuzz", () => {
  it("fuzz - no route answers hostile input with a 5xx, and the store is unchanged", async () => {
    const { store, handler, records } = await setup();
    const document = (await (
      await handler.fetch(new Request("https://pay.example/openapi.json"))
    ).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes: [string, string][] = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method): [string, string] => [method.toUpperCase(), `/api${path}`]),
    );
    routes.push(
      ["GET", "/i/{id}"],
      ["GET", "/i/{id}/pdf"],
      ["POST", "/i/{id}/pay"],
      ["POST", "/webhooks/stripe"],
      ["POST", "/webhooks/twilio/status?tenant={id}"],
    );
    expect(routes.length).toBeGreaterThan(30);
    const [, , otherToken] = records.other ?? [];
    const ids = fc.oneof(
      fc.constantFrom(...(records.other ?? []), otherToken ?? "", "inv_unknown", "0".repeat(32)),
      badText,
    );
    const query = fc.array(
      fc.tuple(
        fc.constantFrom("limit", "cursor", "search", "status", "customerId", "number", "from"),
        fc.oneof(badText, fc.constantFrom("-1", "abc", "paid,,x", "99999999999999999999")),
      ),
      { maxLength: 3 },
    );
    const before = snapshot(store.state);
    expect(before).toContain(records.other?.[1]); // the snapshot holds the rows
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        ids,
        query,
        rawBody,
        contentType,
        async ([method, template], id, pairs, body, type) => {
          let path: string;
          try {
            path = template.replace(/\{[^}]+\}/g, encodeURIComponent(id));
          } catch {
            path = template.replace(/\{[^}]+\}/g, "%ED%A0%80"); // a lone surrogate, as bytes
          }
          const search = pairs
            .map(([key, value]) => {
              try {
                return `${key}=${encodeURIComponent(value)}`;
              } catch {
                return `${key}=%ED%A0%80`;
              }
            })
            .join("&");
          const url = `https://pay.example${path}${search ? (path.includes("?") ? "&" : "?") + search : ""}`;
          const response = await handler.fetch(
            new Request(url, {
              method,
              ...(method === "GET" ? {} : { body }),
              headers: {
                ...(type && method !== "GET" ? { "content-type": type } : {}),
                accept: "text/html",
              },
            }),
          );
          await response.arrayBuffer();
          if (response.status >= 500)
            failures.push(`${method} ${url.slice(0, 200)} → ${response.status}`);
          return response.status < 500;
        },
      ),
      { seed: 16_016, numRuns: 600, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(snapshot(store.state)).toBe(before);
  }, 120_000);
});
