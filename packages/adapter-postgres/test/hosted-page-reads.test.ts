import { createRemit } from "@remit/core";
import { describe, expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { openPGlite } from "./support/backends";
import { migratedSchema } from "./support/migrated-schema";
import { recordingPool } from "./support/recording-pool";

// The customer's hosted page reads the invoice by its token and the tenant's settings on every
// view it renders. Each is one statement, with no BEGIN and COMMIT around it: two round trips in
// all, where there were five (two for the token, three for the tenant).

const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "usr_1" } };

async function issueOne(remit: ReturnType<typeof createRemit>) {
  await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", locale: "de-DE" });
  const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines: [{ kind: "labor", description: "Labor", quantity: "2", unitPrice: "95" }],
    issue: true,
  });
  if (!invoice.publicToken) throw new Error("issued without a token");
  return invoice;
}

describe("postgres - the hosted page's reads", () => {
  const { pool, schema } = migratedSchema();

  test("getByPublicToken and tenants.get - one statement each, no BEGIN or COMMIT", async () => {
    const sent: string[] = [];
    let recording = false;
    const remit = createRemit({
      store: createPostgresStore({
        client: recordingPool(pool, (text) => {
          if (recording) sent.push(text.replace(/\s+/g, " ").trim());
        }),
        schema,
      }),
    });
    const invoice = await issueOne(remit);

    recording = true;
    const found = await remit.invoices.getByPublicToken({ token: invoice.publicToken ?? "" });
    const tenant = await remit.tenants.get({ tenantId: found.tenantId, actor: { type: "system" } });
    recording = false;

    expect(found).toEqual(invoice);
    expect(tenant).toMatchObject({ id: "t1", name: "Reyes Plumbing", locale: "de-DE" });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(
      /^SELECT .* FROM "[^"]+"\.invoices WHERE tenant_id = \(SELECT tenant_id FROM "[^"]+"\.public_tokens/,
    );
    expect(sent[1]).toMatch(/^SELECT .* FROM "[^"]+"\.tenants WHERE tenant_id = \$1$/);
    // A token matches exactly: another case, a prefix, or no token finds nothing.
    for (const token of [invoice.publicToken?.toUpperCase(), invoice.publicToken?.slice(0, 20)]) {
      await expect(remit.invoices.getByPublicToken({ token: token ?? "" })).rejects.toMatchObject({
        code: "not_found",
      });
    }
  });

  test("tenants.get - with a statement timeout, the one read still runs under it", async () => {
    const sent: string[] = [];
    const remit = createRemit({
      store: createPostgresStore({
        client: recordingPool(pool, (text) => sent.push(text.replace(/\s+/g, " ").trim())),
        schema,
        statementTimeout: 5_000,
      }),
    });
    await remit.tenants.get(ctx);
    expect(sent[0]).toMatch(/^BEGIN.*SET LOCAL statement_timeout/);
    expect(sent.filter((text) => text.includes(".tenants"))).toHaveLength(1);
  });
});

describe("pglite - the hosted page's reads", () => {
  test("getByPublicToken and tenants.get - the same answers on PGlite", async () => {
    const db = await openPGlite("migrated");
    try {
      const remit = createRemit({ store: createPostgresStore({ client: db }) });
      const invoice = await issueOne(remit);
      expect(await remit.invoices.getByPublicToken({ token: invoice.publicToken ?? "" })).toEqual(
        invoice,
      );
      expect(await remit.tenants.get(ctx)).toMatchObject({ name: "Reyes Plumbing", version: 1 });
      expect(await remit.tenants.get({ ...ctx, tenantId: "nobody-yet" })).toMatchObject({
        id: "nobody-yet",
        version: 0,
      });
    } finally {
      await db.close();
    }
  });
});
