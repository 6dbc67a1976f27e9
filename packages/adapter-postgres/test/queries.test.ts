// What every store must do per collection method (paging, filters, search, the sweeps' batches,
// public tokens, idempotency keys, delivery dedupe, the tenant listing) is checked by the shared
// suite in conformance.test.ts, for PGlite and PostgreSQL alike. Here: what is this adapter's own.
import { expect, test } from "vitest";
import { describeBackends } from "./support/backends";
import { invoiceRecord } from "./support/records";

describeBackends((backend) => {
  test("cursor - base64url without padding, so a page link carries it unescaped", async () => {
    const { store } = backend();
    // Ids whose plain base64 holds "+", "/" and "=" (and one not ASCII, as UTF-8).
    const ids = ["inv_~~~", "inv_???", "inv_é"];
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        for (const id of ids)
          await transaction.invoices.insert({ record: { ...invoiceRecord("t1", 1), id } });
      },
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.transaction({
        tenantId: "t1",
        work: (transaction) =>
          transaction.invoices.list({ filter: {}, limit: 1, ...(cursor ? { cursor } : {}) }),
      });
      seen.push(...page.items.map((invoice) => invoice.id));
      if (page.nextCursor !== null) expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].sort().reverse());
  });
});
