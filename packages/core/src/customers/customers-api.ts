import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";
import { createCustomer, updateCustomer } from "./customer-moves";
import { getCustomer, listCustomers } from "./read-customers";

/** `remit.customers`: the people and companies a tenant bills. Moves return the customer. */
export function createCustomersApi(deps: RemitDependencies) {
  return bindCalls(deps, {
    create: createCustomer,
    update: updateCustomer,
    get: getCustomer,
    list: listCustomers,
  });
}
