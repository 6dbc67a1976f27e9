import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney } from "../../money/money-arithmetic";
import { defineRead } from "../../service/internal/define-read";
import { requireCollection } from "../../service/internal/require-collection";
import type { CreditApplication } from "../credit-application";

/** One currency of a customer's credit: the total, and the invoices it sits on. */
export type CustomerCreditBalance = {
  currency: string;
  amount: string;
  invoices: { invoiceId: string; number: string | null; status: string; credit: string }[];
};

/**
 * A customer's credit ledger: the balance per currency (the sum of the credit its invoices hold,
 * which `applyCredit` moves to open invoices and a refund gives back) and every entry that moved
 * credit between its invoices.
 * @since 0.3.0
 */
export type CustomerCredit = {
  customerId: string;
  /** One per currency with credit, by currency code. */
  balances: CustomerCreditBalance[];
  /** Credit moved between the customer's invoices, oldest first. */
  applications: CreditApplication[];
};

/**
 * `remit.customers.getCredit`: a customer's credit balance per currency and its entries.
 * `NotFoundError` for an unknown customer.
 * @since 0.3.0
 */
export const getCustomerCredit = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async ({ transaction }, { id }): Promise<CustomerCredit> => {
    const customer = await transaction.customers.get({ id });
    if (!customer) throw new NotFoundError({ resource: "customer", id });
    const listWithCredit = requireCollection(
      transaction.invoices.listWithCredit?.bind(transaction.invoices),
      "invoices.listWithCredit",
    );
    const [invoices, applications] = await Promise.all([
      listWithCredit({ customerId: id }),
      requireCollection(transaction.creditApplications, "creditApplications").listByCustomer({
        customerId: id,
      }),
    ]);
    const byCurrency = new Map<string, CustomerCreditBalance>();
    for (const invoice of invoices) {
      const balance = byCurrency.get(invoice.currency) ?? {
        currency: invoice.currency,
        amount: addMoney(minorUnitsOf(invoice.currency), "0"),
        invoices: [],
      };
      balance.amount = addMoney(minorUnitsOf(invoice.currency), balance.amount, invoice.credit);
      balance.invoices.push({
        invoiceId: invoice.id,
        number: invoice.number,
        status: invoice.status,
        credit: invoice.credit,
      });
      byCurrency.set(invoice.currency, balance);
    }
    return {
      customerId: id,
      balances: [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
      applications,
    };
  },
);
