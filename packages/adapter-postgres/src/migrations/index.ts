import { initialSchema } from "./0001-initial-schema";
import { workOrdersAndQuotes } from "./0002-work-orders-and-quotes";
import { eventFeed } from "./0003-event-feed";
import { distributableByTenant } from "./0004-distributable-by-tenant";
import { indexesForScale } from "./0005-indexes-for-scale";
import { paymentAccounts } from "./0006-payment-accounts";
import { creditNotesAndWriteOffs } from "./0007-credit-notes-and-write-offs";
import { recurringPlans } from "./0008-recurring-plans";
import { customerEInvoicing } from "./0009-customer-e-invoicing";
import { lateFees } from "./0010-late-fees";
import { creditNoteDeliveries } from "./0011-credit-note-deliveries";
import { quotePublicTokens } from "./0012-quote-public-tokens";
import { progressBilling } from "./0013-progress-billing";
import { quoteDeliveries } from "./0014-quote-deliveries";

/** A schema change: applied once, in `version` order, inside the migrating transaction. */
export type Migration = {
  version: number;
  name: string;
  /** The SQL, given the quoted schema name. */
  sql: (schema: string) => string;
};

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "initial-schema", sql: initialSchema },
  { version: 2, name: "work-orders-and-quotes", sql: workOrdersAndQuotes },
  { version: 3, name: "event-feed", sql: eventFeed },
  { version: 4, name: "distributable-by-tenant", sql: distributableByTenant },
  { version: 5, name: "indexes-for-scale", sql: indexesForScale },
  { version: 6, name: "payment-accounts", sql: paymentAccounts },
  { version: 7, name: "credit-notes-and-write-offs", sql: creditNotesAndWriteOffs },
  { version: 8, name: "recurring-plans", sql: recurringPlans },
  { version: 9, name: "customer-e-invoicing", sql: customerEInvoicing },
  { version: 10, name: "late-fees", sql: lateFees },
  { version: 11, name: "credit-note-deliveries", sql: creditNoteDeliveries },
  { version: 12, name: "quote-public-tokens", sql: quotePublicTokens },
  { version: 13, name: "progress-billing", sql: progressBilling },
  { version: 14, name: "quote-deliveries", sql: quoteDeliveries },
];
