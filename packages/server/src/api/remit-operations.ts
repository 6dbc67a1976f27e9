/**
 * Every operation of the REST API, by the name `authorize` receives and the OpenAPI document
 * gives as `operationId`: the Remit call it makes.
 */
export const remitOperations = [
  "invoices.list",
  "invoices.create",
  "invoices.get",
  "invoices.update",
  "invoices.submit",
  "invoices.requestChanges",
  "invoices.issue",
  "invoices.send",
  "invoices.cancel",
  "invoices.rotatePublicToken",
  "invoices.recordPayment",
  "invoices.refund",
  "customers.list",
  "customers.create",
  "customers.get",
  "customers.update",
  "workOrders.list",
  "workOrders.create",
  "workOrders.get",
  "workOrders.update",
  "workOrders.draftInvoice",
  "workOrders.schedule",
  "workOrders.start",
  "workOrders.complete",
  "workOrders.cancel",
  "workOrders.submitInvoice",
  "quotes.list",
  "quotes.create",
  "quotes.get",
  "quotes.revise",
  "quotes.send",
  "quotes.approve",
  "quotes.decline",
  "quotes.recordDeposit",
  "quotes.refundDeposit",
  "quotes.convertToWorkOrder",
] as const;

/** An operation of the REST API, such as `"invoices.issue"`. */
export type RemitOperation = (typeof remitOperations)[number];
