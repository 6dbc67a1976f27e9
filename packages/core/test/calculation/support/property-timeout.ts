/**
 * Time allowed for one property test. A property runs thousands of invoices in a second or two;
 * the generous limit keeps a busy machine (CI on 2 cores, a parallel build) from failing it.
 */
export const propertyTimeout = 60_000;
