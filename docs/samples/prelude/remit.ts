// Stands for the reader's own module that creates the service, for samples that import it as
// "./remit" on a page that does not show it ("your createRemit(...)"). A page whose sample is
// named `// remit.ts` uses that sample instead.
import type { StripePayments } from "@remit/adapter-stripe";
import type { Remit } from "@remit/core";

/** Your app's `createRemit(...)`. */
export declare const remit: Remit;
/** Your app's `createStripePayments(...)`. */
export declare const payments: StripePayments;
