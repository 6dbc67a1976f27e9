import type { CustomerSnapshot } from "../../customers/customer";
import { customerEInvoicingFields } from "../../e-invoicing/customer-e-invoicing-fields";
import type { ValidationIssue } from "../../errors/validation-error";
import type { MoveScope } from "../../service/internal/run-move";

/** The customer copied onto an invoice, or an issue at `customerId` when there is no such customer. */
export async function readCustomerSnapshot(
  scope: MoveScope,
  customerId: string,
): Promise<{ snapshot: CustomerSnapshot } | { issue: ValidationIssue }> {
  const customer = await scope.transaction.customers.get({ id: customerId });
  if (!customer)
    return { issue: { path: "customerId", message: `no customer "${customerId}" in this tenant` } };
  const { id, name, email, phone, billingAddress } = customer;
  const snapshot: CustomerSnapshot = { id, name, email, phone, billingAddress };
  // The e-invoicing fields only when set: snapshots of customers without them keep their shape.
  for (const field of customerEInvoicingFields) {
    const value = customer[field];
    if (value !== undefined && value !== null) Object.assign(snapshot, { [field]: value });
  }
  return { snapshot };
}
