import { readAging } from "../reports/reads/read-aging";
import { readCustomerStatement } from "../reports/reads/read-customer-statement";
import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";

/** `remit.reports`: reads across a tenant's invoices, for the back office. */
export function createReportsApi(deps: RemitDependencies) {
  return bindCalls(deps, { aging: readAging, customerStatement: readCustomerStatement });
}
