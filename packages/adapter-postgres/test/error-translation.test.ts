// What a failing query turns into: PostgreSQL's data exceptions (SQLSTATE class 22) are a
// ValidationError, and no error the store throws carries the query's parameters or the failing
// row, which hold tokens and contact details that must never reach a log line.
import { inspect } from "node:util";
import { RemitError, ValidationError } from "@remit/core";
import { expect, test } from "vitest";
import { describeBackends } from "./support/backends";
import { invoiceRecord } from "./support/records";

const token = "tok_secret_0123456789abcdefghij";
const email = "dana.secret@example.com";

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the store to throw");
}

/** Everything `console.error(error)` would print, causes included. */
const printed = (error: unknown) => inspect(error, { depth: 10 }) + JSON.stringify(error);

describeBackends((backend) => {
  test("errors - a NUL that reaches PostgreSQL is a validation_error (SQLSTATE 22xxx), with no parameter in it", async () => {
    const { store } = backend();
    const record = invoiceRecord("t1", 1, {
      publicToken: token,
      customer: { id: "cus_1", name: "Dana", email, phone: null, billingAddress: null },
      content: { lines: [], memo: "bad \u0000 memo" } as never,
    });
    const error = await failureOf(() =>
      store.transaction({
        tenantId: "t1",
        work: (transaction) => transaction.invoices.insert({ record }),
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).retryable).toBe(false);
    expect((error as ValidationError).message).toMatch(/SQLSTATE 22/);
    expect(printed(error)).not.toContain(token);
    expect(printed(error)).not.toContain(email);
  });

  test("errors - a broken constraint keeps its SQLSTATE but neither the failing row nor the parameters", async () => {
    const { store } = backend();
    const record = invoiceRecord("t1", 2, {
      publicToken: token,
      customer: { id: "cus_2", name: "Dana", email, phone: null, billingAddress: null },
    });
    const insert = () =>
      store.transaction({
        tenantId: "t1",
        work: (transaction) => transaction.invoices.insert({ record }),
      });
    await insert();
    const error = await failureOf(insert);
    expect(RemitError.isInstance(error) && error.code === "validation_error").toBe(false);
    expect((error as { code?: string }).code).toMatch(/^23/);
    expect(printed(error)).not.toContain(token);
    expect(printed(error)).not.toContain(email);
  });

  test("errors - a direct driver error with the row in its detail is scrubbed too", async () => {
    const { query } = backend();
    const { toStoreError } = await import("../src/internal/to-store-error");
    const raw = await failureOf(() => query("SELECT ($1::text)::int, $2::text", [token, email]));
    expect(printed(raw)).toContain(token); // the driver's own error: what used to be logged
    const translated = toStoreError(raw);
    expect(ValidationError.isInstance(translated)).toBe(true); // 22P02 invalid_text_representation
    expect(printed(translated)).not.toContain(token);
    expect(printed(translated)).not.toContain(email);
  });
});
