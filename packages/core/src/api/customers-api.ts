import { getCustomerCredit } from "../credit-notes/reads/read-customer-credit";
import { createCustomer, updateCustomer } from "../customers/moves/customer-moves";
import { getCustomer, listCustomers } from "../customers/reads/read-customers";
import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";

/** `remit.customers`: the people and companies a tenant bills. Moves return the customer. */
export function createCustomersApi(deps: RemitDependencies) {
  return bindCalls(deps, {
    create: createCustomer,
    update: updateCustomer,
    get: getCustomer,
    list: listCustomers,
    getCredit: getCustomerCredit,
  });
}
