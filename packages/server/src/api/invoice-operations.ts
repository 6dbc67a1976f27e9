import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  applyCreditInputSchema,
  createInvoiceInputSchema,
  feeInputSchema,
  invoiceDiscountInputSchema,
  invoiceLineInputSchema,
  invoiceMoveInputSchema,
  issueCreditNoteInputSchema,
  issueInvoiceWithSendInputSchema,
  type Remit,
  reasonedInvoiceMoveInputSchema,
  recordPaymentInputSchema,
  refundPaymentInputSchema,
  roundingInputSchema,
  sendCreditNoteInputSchema,
  sendInvoiceInputSchema,
  taxRateInputSchema,
  updateInvoiceInputSchema,
  writeOffInvoiceInputSchema,
} from "@remit/core";
import { z } from "zod";
import type { Authorize } from "../options/remit-handler-options";
import { creditNoteResponseSchema, invoiceDetailsResponseSchema } from "../schemas/record-schemas";
import {
  creditNoteSendResultSchema,
  invoiceMoveResultSchema,
  invoicePageSchema,
} from "../schemas/response-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation, idParams, listInput, moveBody } from "./define-operation";
import { listInvoicesQuerySchema } from "./list-query-schemas";

// Create and update take the content as `calculateInvoice` does; the moves check it with these
// same schemas (after filling the tenant's defaults), so the body is documented with them.
const contentFields = {
  lines: z.array(invoiceLineInputSchema).optional(),
  taxRates: z.array(taxRateInputSchema).optional(),
  discounts: z.array(invoiceDiscountInputSchema).optional(),
  fees: z.array(feeInputSchema).optional(),
  rounding: roundingInputSchema.optional(),
};

/** The REST API for invoices: `/invoices`. Every move answers `{ invoice, events }`. */
export function defineInvoiceOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const tag = "Invoices";
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);

  define({
    operation: "invoices.list",
    method: "get",
    path: "/invoices",
    summary: "List invoices, newest first",
    tag,
    query: listInvoicesQuerySchema,
    response: invoicePageSchema,
    run: (ctx, { query }) => remit.invoices.list(ctx, listInput(query) as never),
  });
  define({
    operation: "invoices.create",
    method: "post",
    path: "/invoices",
    summary: "Create an invoice in pending_action",
    tag,
    body: createInvoiceInputSchema.extend(contentFields),
    bodyRequired: true,
    response: invoiceMoveResultSchema,
    status: 201,
    run: (ctx, { body }) => remit.invoices.create(ctx, body as never),
  });
  define({
    operation: "invoices.get",
    method: "get",
    path: "/invoices/{id}",
    summary: "An invoice with its revisions, payments, refunds, deliveries and events",
    tag,
    params: idParams,
    response: invoiceDetailsResponseSchema,
    run: (ctx, { params }) => remit.invoices.get(ctx, { id: params.id ?? "" }),
  });
  define({
    operation: "invoices.update",
    method: "patch",
    path: "/invoices/{id}",
    summary:
      "Change an invoice's content (a new revision); after payments, not below the amount paid",
    tag,
    params: idParams,
    body: moveBody(updateInvoiceInputSchema).extend(contentFields),
    bodyRequired: true,
    response: invoiceMoveResultSchema,
    run: (ctx, { params, body }) => remit.invoices.update(ctx, { ...body, id: params.id } as never),
  });

  define({
    operation: "invoices.getCreditNote",
    method: "get",
    path: "/credit-notes/{id}",
    summary: "A credit note",
    tag,
    params: idParams,
    response: creditNoteResponseSchema,
    run: (ctx, { params }) => remit.invoices.getCreditNote(ctx, { id: params.id ?? "" }),
  });

  define({
    operation: "invoices.sendCreditNote",
    method: "post",
    path: "/credit-notes/{id}/send",
    summary: "Send a credit note to the invoice's customer by email and/or text, now or later",
    tag,
    params: idParams,
    body: moveBody(sendCreditNoteInputSchema),
    bodyRequired: true,
    response: creditNoteSendResultSchema,
    run: (ctx, { params, body }) =>
      remit.invoices.sendCreditNote(ctx, { ...body, id: params.id } as never),
  });

  const moves = [
    [
      "submit",
      "invoices.submit",
      "Submit for review",
      invoiceMoveInputSchema,
      remit.invoices.submit,
    ],
    [
      "request-changes",
      "invoices.requestChanges",
      "Send back to the author with a reason",
      reasonedInvoiceMoveInputSchema,
      remit.invoices.requestChanges,
    ],
    [
      "issue",
      "invoices.issue",
      "Issue (approve): number, dates and the customer's link; with `send`, send it too",
      issueInvoiceWithSendInputSchema,
      remit.invoices.issue,
    ],
    [
      "send",
      "invoices.send",
      "Send by email and/or text",
      sendInvoiceInputSchema,
      remit.invoices.send,
    ],
    [
      "cancel",
      "invoices.cancel",
      "Cancel with a reason",
      reasonedInvoiceMoveInputSchema,
      remit.invoices.cancel,
    ],
    [
      "public-token",
      "invoices.rotatePublicToken",
      "Revoke the customer's link and make a new one (the old one stops working)",
      invoiceMoveInputSchema,
      remit.invoices.rotatePublicToken,
    ],
    [
      "credit-notes",
      "invoices.issueCreditNote",
      "Issue a credit note: an amount with tax, or lines; never more than what is left to credit",
      issueCreditNoteInputSchema,
      remit.invoices.issueCreditNote,
    ],
    [
      "write-off",
      "invoices.writeOff",
      "Write the balance off as bad debt: uncollectible (later payments still count)",
      writeOffInvoiceInputSchema,
      remit.invoices.writeOff,
    ],
    [
      "credit-applications",
      "invoices.applyCredit",
      "Apply this invoice's credit to another open invoice of the same customer and currency",
      applyCreditInputSchema,
      remit.invoices.applyCredit,
    ],
    [
      "payments",
      "invoices.recordPayment",
      "Record a payment (check, cash, bank transfer…)",
      recordPaymentInputSchema,
      remit.invoices.recordPayment,
    ],
    [
      "refunds",
      "invoices.refund",
      "Refund part or all of a payment",
      refundPaymentInputSchema,
      remit.invoices.refund,
    ],
  ] as const;
  for (const [path, operation, summary, schema, move] of moves) {
    define({
      operation,
      method: "post",
      path: `/invoices/{id}/${path}`,
      summary,
      tag,
      params: idParams,
      body: moveBody(schema as z.ZodObject),
      response: invoiceMoveResultSchema,
      run: (ctx, { params, body }) =>
        (move as (ctx: unknown, input: unknown) => Promise<unknown>)(ctx, {
          ...body,
          id: params.id,
        }),
    });
  }
}
