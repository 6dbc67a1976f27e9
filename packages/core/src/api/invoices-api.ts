import { applyCredit } from "../credit-notes/moves/apply-credit";
import { issueCreditNote } from "../credit-notes/moves/issue-credit-note";
import { sendCreditNote } from "../credit-notes/moves/send-credit-note";
import { getCreditNote } from "../credit-notes/reads/read-credit-notes";
import { createInvoice } from "../invoices/moves/create-invoice";
import { issueAndMaybeSend } from "../invoices/moves/issue-and-send";
import { issueInvoices } from "../invoices/moves/issue-invoices";
import { recordPayment } from "../invoices/moves/record-payment";
import { refundPayment, resolveRefund } from "../invoices/moves/refund-payment";
import { reportPaymentFailure } from "../invoices/moves/report-payment-failure";
import { rotatePublicToken } from "../invoices/moves/rotate-public-token";
import { sendInvoice } from "../invoices/moves/send-invoice";
import { sendInvoices } from "../invoices/moves/send-invoices";
import {
  cancelInvoice,
  requestInvoiceChanges,
  submitInvoice,
} from "../invoices/moves/simple-moves";
import { sweepPastDue } from "../invoices/moves/sweep-past-due";
import { updateInvoice } from "../invoices/moves/update-invoice";
import { writeOffInvoice } from "../invoices/moves/write-off-invoice";
import { getInvoice, getInvoiceByPublicToken, listInvoices } from "../invoices/reads/read-invoices";
import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";

/** `remit.invoices`: every invoice move and read. Each move returns `{ invoice, events }`. */
export function createInvoicesApi(deps: RemitDependencies) {
  return {
    ...bindCalls(deps, {
      create: createInvoice,
      update: updateInvoice,
      submit: submitInvoice,
      requestChanges: requestInvoiceChanges,
      issue: issueAndMaybeSend,
      send: sendInvoice,
      recordPayment,
      reportPaymentFailure,
      refund: refundPayment,
      resolveRefund,
      cancel: cancelInvoice,
      rotatePublicToken,
      issueCreditNote,
      getCreditNote,
      sendCreditNote,
      writeOff: writeOffInvoice,
      applyCredit,
      get: getInvoice,
      list: listInvoices,
      sweepPastDue,
      issueMany: issueInvoices,
      sendMany: sendInvoices,
    }),
    // The one call without a context: the customer's link carries no tenant.
    getByPublicToken: (input: { token: string }) => getInvoiceByPublicToken(deps, input),
  };
}
