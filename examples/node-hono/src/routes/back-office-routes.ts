import type { StripePayments } from "@remit/adapter-stripe";
import type { Remit } from "@remit/core";
import { Hono } from "hono";
import { createBatchJobs } from "../batches/batch-jobs";
import { backOfficeAssets } from "./back-office-assets";
import { backOfficeBatches } from "./back-office-batches";
import { backOfficeCreditNoteSend } from "./back-office-credit-note-send";
import { backOfficeCustomers } from "./back-office-customers";
import { backOfficeHome } from "./back-office-home";
import { backOfficeInvoiceEdit } from "./back-office-invoice-edit";
import { backOfficeInvoiceForms } from "./back-office-invoice-forms";
import { backOfficeInvoicePages } from "./back-office-invoice-pages";
import { backOfficePaymentSettings } from "./back-office-payment-settings";
import { backOfficePayments } from "./back-office-payments";
import { backOfficePlans } from "./back-office-plans";
import { backOfficeQuoteRevise } from "./back-office-quote-revise";
import { backOfficeQuotes } from "./back-office-quotes";
import { backOfficeRefunds } from "./back-office-refunds";
import { backOfficeReports } from "./back-office-reports";
import { backOfficeWorkOrderDetail } from "./back-office-work-order-detail";
import { backOfficeWorkOrderEdit } from "./back-office-work-order-edit";
import { backOfficeWorkOrderPages } from "./back-office-work-order-pages";

/**
 * Every back-office page, in the order their paths must be tried (`/invoices/new` before
 * `/invoices/:id`). Each module gets the caller with `remitContext(context)`.
 */
export function backOfficeRoutes(
  remit: Remit,
  options: {
    stripe?: StripePayments | undefined;
    publicUrl?: string | (() => string) | undefined;
  },
) {
  const routes = new Hono();
  routes.route("/", backOfficeAssets());
  routes.route("/", backOfficeHome(remit));
  routes.route("/", backOfficeBatches(remit, createBatchJobs()));
  routes.route("/", backOfficeInvoiceEdit(remit));
  routes.route("/", backOfficePayments(remit));
  routes.route("/", backOfficeRefunds(remit));
  routes.route("/", backOfficeInvoiceForms(remit));
  routes.route("/", backOfficeInvoicePages(remit));
  routes.route("/", backOfficeReports(remit));
  routes.route("/", backOfficeCreditNoteSend(remit));
  routes.route("/", backOfficeCustomers(remit));
  routes.route("/", backOfficeWorkOrderEdit(remit));
  routes.route("/", backOfficeWorkOrderPages(remit));
  routes.route("/", backOfficeQuoteRevise(remit));
  routes.route("/", backOfficeWorkOrderDetail(remit));
  routes.route("/", backOfficeQuotes(remit));
  routes.route("/", backOfficePlans(remit));
  routes.route("/", backOfficePaymentSettings(remit, options));
  return routes;
}
