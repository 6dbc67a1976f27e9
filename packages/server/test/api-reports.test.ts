import { describe, expect, it } from "vitest";
import {
  agingReportResponseSchema,
  createRemitHandler,
  customerStatementResponseSchema,
} from "../src/index";
import { authenticateByTestHeader, createTestRemit } from "./support/create-test-remit";

// The REST reads of issue 19, part 6: the aging report and a customer's statement.

async function handler() {
  const test = await createTestRemit();
  const { fetch } = createRemitHandler({
    remit: test.remit,
    authenticate: authenticateByTestHeader,
    publicUrl: "https://pay.reyes.example",
  });
  const get = (path: string) =>
    fetch(
      new Request(`https://pay.reyes.example${path}`, { headers: { "x-test-user": "office" } }),
    );
  return { ...test, get };
}

describe("REST API - reports (issue 19)", () => {
  it("GET /reports/aging - the open balances by bucket, and a bad asOf is a 422 naming the field", async () => {
    const test = await handler();
    await test.issue("120.00");
    await test.issue("0.50");
    const response = await test.get("/api/reports/aging");
    expect(response.status).toBe(200);
    const report = agingReportResponseSchema.parse(await response.json());
    expect(report.totals).toEqual([
      {
        currency: "USD",
        invoiceCount: 2,
        current: "120.50",
        days1to30: "0.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "0.00",
        total: "120.50",
      },
    ]);
    expect(report.customers[0]).toMatchObject({ customerId: test.customer.id, total: "120.50" });
    const bad = await test.get("/api/reports/aging?asOf=yesterday");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("asOf");
  });

  it("GET /customers/{id}/statement - the statement that reconciles; a period ending before it starts is a 422, an unknown customer a 404", async () => {
    const test = await handler();
    const invoice = await test.issue("80.00");
    const response = await test.get(
      `/api/customers/${test.customer.id}/statement?from=2000-01-01&to=2999-12-31`,
    );
    expect(response.status).toBe(200);
    const statement = customerStatementResponseSchema.parse(await response.json());
    expect(statement).toMatchObject({
      openingBalance: "0.00",
      invoiced: "80.00",
      closingBalance: "80.00",
      currency: "USD",
    });
    expect(statement.lines.map((line) => [line.kind, line.invoiceId])).toEqual([
      ["invoice", invoice.id],
    ]);
    const backwards = await test.get(
      `/api/customers/${test.customer.id}/statement?from=2026-03-31&to=2026-03-01`,
    );
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(await backwards.json())).toContain('"to"');
    const unknown = await test.get(
      "/api/customers/cus_unknown/statement?from=2026-03-01&to=2026-03-31",
    );
    expect(unknown.status).toBe(404);
  });
});
