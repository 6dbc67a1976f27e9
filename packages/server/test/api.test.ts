import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createRemitHandler,
  customerResponseSchema,
  invoiceDetailsResponseSchema,
  invoiceMoveResultSchema,
  invoicePageSchema,
  problemSchema,
  quotePageSchema,
  workOrderMoveResultSchema,
} from "../src/index";
import { authenticateByTestHeader, createTestRemit } from "./support/create-test-remit";

/** The body, after checking it against the schema the OpenAPI document gives for it. */
async function bodyOf<Schema extends z.ZodType>(response: Response, schema: Schema) {
  const body: unknown = await response.json();
  const checked = schema.safeParse(body);
  if (!checked.success) throw new Error(`response does not match its schema: ${checked.error}`);
  return checked.data;
}

async function handler(options: Partial<Parameters<typeof createRemitHandler>[0]> = {}) {
  const test = await createTestRemit();
  const { fetch } = createRemitHandler({
    remit: test.remit,
    authenticate: authenticateByTestHeader,
    publicUrl: "https://pay.reyes.example",
    ...options,
  });
  const call = (path: string, init: RequestInit & { user?: string } = {}) =>
    fetch(
      new Request(`https://pay.reyes.example${path}`, {
        ...init,
        headers: {
          ...(init.body ? { "content-type": "application/json" } : {}),
          ...(init.user === "" ? {} : { "x-test-user": init.user ?? "office" }),
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
    );
  const post = (path: string, body: unknown, user?: string) =>
    call(path, { method: "POST", body: JSON.stringify(body), ...(user ? { user } : {}) });
  return { ...test, call, post };
}

describe("REST API", () => {
  it("api - walks an invoice from create to paid; each answer matches its documented schema", async () => {
    const { call, post, customer } = await handler();
    const created = await post("/api/invoices", {
      customerId: customer.id,
      lines: [{ quantity: "2", unitPrice: "80.00" }],
    });
    expect(created.status).toBe(201);
    const { invoice } = await bodyOf(created, invoiceMoveResultSchema);
    expect(invoice).toMatchObject({ status: "pending_action", total: "160.00" });

    const issued = await bodyOf(
      await post(`/api/invoices/${invoice.id}/issue`, {}),
      invoiceMoveResultSchema,
    );
    expect(issued.invoice.status).toBe("pending_payment");
    const paid = await bodyOf(
      await post(`/api/invoices/${invoice.id}/payments`, {
        amount: "160.00",
        method: "check",
        reference: "501",
        idempotencyKey: "chk-501",
      }),
      invoiceMoveResultSchema,
    );
    expect(paid.invoice.status).toBe("paid");
    const details = await bodyOf(
      await call(`/api/invoices/${invoice.id}`),
      invoiceDetailsResponseSchema,
    );
    expect(details.payments.map((payment) => payment.reference)).toEqual(["501"]);
    const page = await bodyOf(
      await call("/api/invoices?status=paid,cancelled&limit=5"),
      invoicePageSchema,
    );
    expect(page.items.map((item) => item.id)).toEqual([invoice.id]);
  });

  it("api - customers, work orders and quotes answer their documented schemas", async () => {
    const { call, post, customer } = await handler();
    const jo = await bodyOf(
      await post("/api/customers", { name: "Jo Park", phone: "+15125550111" }),
      customerResponseSchema,
    );
    expect(jo.phone).toBe("+15125550111");
    const fetched = await bodyOf(
      await call(`/api/customers/${customer.id}`),
      customerResponseSchema,
    );
    expect(fetched.name).toBe("Dana Reyes");
    const job = await bodyOf(
      await post("/api/work-orders", {
        customerId: customer.id,
        title: "Boiler service",
        labor: [{ technician: "Sam", hours: "2", hourlyRate: "90.00" }],
      }),
      workOrderMoveResultSchema,
    );
    const done = await bodyOf(
      await post(`/api/work-orders/${job.workOrder.id}/complete`, {}),
      workOrderMoveResultSchema,
    );
    expect(done.workOrder.status).toBe("complete_invoice_needed");
    const submitted = await bodyOf(
      await post(`/api/work-orders/${job.workOrder.id}/submit-invoice`, {}),
      workOrderMoveResultSchema,
    );
    expect(submitted.invoice?.total).toBe("180.00");
    await bodyOf(await call("/api/quotes"), quotePageSchema);
  });

  it("errors - refused input is 422 problem+json naming the field, as the Remit call would", async () => {
    const { post } = await handler();
    const response = await post("/api/invoices", {
      lines: [{ quantity: "-1", unitPrice: "1.00" }],
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await bodyOf(response, problemSchema)).toMatchObject({
      status: 422,
      code: "validation_error",
      path: "lines[0].quantity",
    });
    const limit = await (await handler()).call("/api/invoices?limit=9999");
    expect(await bodyOf(limit, problemSchema)).toMatchObject({ path: "query.limit" });
  });

  it("errors - a body that is not JSON is 422 at body, and another content type 415", async () => {
    const { call } = await handler();
    const malformed = await call("/api/customers", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(422);
    expect(await bodyOf(malformed, problemSchema)).toMatchObject({ path: "body" });
    const text = await call("/api/customers", {
      method: "POST",
      body: "name=Jo",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(await bodyOf(text, problemSchema)).toMatchObject({ code: "unsupported_media_type" });
  });

  it("errors - an invalid move is 409 with the record's status beside the HTTP status", async () => {
    const { post, customer } = await handler();
    const { invoice } = await bodyOf(
      await post("/api/invoices", {
        customerId: customer.id,
        lines: [{ quantity: "1", unitPrice: "5" }],
      }),
      invoiceMoveResultSchema,
    );
    const response = await post(`/api/invoices/${invoice.id}/send`, { channels: ["email"] });
    expect(response.status).toBe(409);
    expect(await bodyOf(response, problemSchema)).toMatchObject({
      status: 409,
      code: "invalid_transition",
      recordStatus: "pending_action",
      move: "send",
    });
  });

  it("errors - unknown records and paths are 404, known paths under another method 405 with Allow", async () => {
    const { call } = await handler();
    const record = await call("/api/invoices/inv_nope");
    expect(record.status).toBe(404);
    expect(await bodyOf(record, problemSchema)).toMatchObject({ code: "not_found" });
    const path = await call("/api/nothing-here");
    expect(path.status).toBe(404);
    expect(path.headers.get("content-type")).toBe("application/problem+json");
    const method = await call("/api/invoices/inv_1", { method: "DELETE" });
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET, PATCH");
    expect(await bodyOf(method, problemSchema)).toMatchObject({ code: "method_not_allowed" });
  });
});

describe("authentication and authorization", () => {
  it("auth - without authenticate the API refuses every request with 401", async () => {
    const { call } = await handler({ authenticate: undefined });
    const response = await call("/api/invoices");
    expect(response.status).toBe(401);
    expect(await bodyOf(response, problemSchema)).toMatchObject({ code: "unauthenticated" });
  });

  it("auth - a request authenticate answers null for is 401, and reaches no record", async () => {
    const { call } = await handler();
    const response = await call("/api/customers", { user: "" });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("Dana");
  });

  it("auth - authorize decides per operation: a technician may list but not refund (403)", async () => {
    const asked: string[] = [];
    const { call, post, issue } = await handler({
      authorize: (caller, { operation }) => {
        asked.push(operation);
        return (
          caller.actor.type === "user" &&
          (caller.actor.id === "office" || !operation.startsWith("invoices.re"))
        );
      },
    });
    const invoice = await issue();
    expect((await call("/api/invoices", { user: "tech" })).status).toBe(200);
    const refused = await post(
      `/api/invoices/${invoice.id}/refunds`,
      { paymentId: "pay_1", amount: "1.00", reason: "x", idempotencyKey: "r1" },
      "tech",
    );
    expect(refused.status).toBe(403);
    expect(await bodyOf(refused, problemSchema)).toMatchObject({ code: "forbidden" });
    expect(asked).toEqual(["invoices.list", "invoices.refund"]);
  });

  it("auth - webhooks and the hosted page need no sign-in", async () => {
    const { call, issue } = await handler({ authenticate: undefined });
    const invoice = await issue();
    expect((await call(`/i/${invoice.publicToken}`, { user: "" })).status).toBe(200);
  });

  it("options - createRemitHandler names each bad option", () => {
    expect(() => createRemitHandler({ remit: {} as never, publicUrl: "ftp://nope" })).toThrowError(
      expect.objectContaining({ code: "validation_error" }),
    );
    try {
      createRemitHandler({ remit: {} as never, publicUrl: "ftp://nope" });
    } catch (error) {
      const paths = (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
      expect(paths.sort()).toEqual(["options.publicUrl", "options.remit"]);
    }
  });
});
