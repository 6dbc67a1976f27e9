import { customerEInvoicingFields } from "../../e-invoicing/customer-e-invoicing-fields";
import { ConcurrencyError } from "../../errors/concurrency-error";
import { NotFoundError } from "../../errors/not-found-error";
import { defineMove } from "../../service/internal/define-move";
import type { Customer } from "../customer";
import { createCustomerInputSchema, updateCustomerInputSchema } from "../customer-input-schema";

const subjectOf = (customer: Customer) => ({
  type: "customer" as const,
  id: customer.id,
  version: customer.version,
});

/** `remit.customers.create`: a new customer of the tenant. Emits `customer.created`. */
export const createCustomer = defineMove(
  {
    move: "create customer",
    actors: ["user"],
    input: createCustomerInputSchema,
  },
  async (scope, { idempotencyKey: _key, ...input }) => {
    const customer: Customer = {
      tenantId: scope.context.tenantId,
      id: scope.deps.ids.newId("cus"),
      version: 1,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      billingAddress: input.billingAddress ?? null,
      // The e-invoicing fields only when given, so customers without them keep their shape.
      ...Object.fromEntries(
        customerEInvoicingFields
          .filter((field) => input[field] !== undefined && input[field] !== null)
          .map((field) => [field, input[field]]),
      ),
      optedOut: [],
      createdAt: scope.now,
      updatedAt: scope.now,
    };
    await scope.transaction.customers.insert({ record: customer });
    scope.emit("customer.created", subjectOf(customer), {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
    });
    return { customer };
  },
  ({ customer }) => customer,
);

/**
 * `remit.customers.update`: changes the fields sent; the others keep their value. With
 * `expectedVersion`, refused (`version_conflict`) if the customer changed since it was read.
 * Emits `customer.updated` with the names of the fields that changed.
 */
export const updateCustomer = defineMove(
  {
    move: "update customer",
    actors: ["user"],
    input: updateCustomerInputSchema,
  },
  async (scope, { id, expectedVersion, idempotencyKey: _key, ...changes }) => {
    const previous = await scope.transaction.customers.get({ id, forUpdate: true });
    if (!previous) throw new NotFoundError({ resource: "customer", id });
    if (expectedVersion !== undefined && expectedVersion !== previous.version) {
      throw new ConcurrencyError({ expectedVersion, actualVersion: previous.version });
    }
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as Partial<Customer>;
    const customer: Customer = {
      ...previous,
      ...defined,
      version: previous.version + 1,
      updatedAt: scope.now,
    };
    await scope.transaction.customers.update({
      record: customer,
      expectedVersion: previous.version,
    });
    const changed = Object.keys(defined).filter(
      (field) =>
        JSON.stringify(previous[field as keyof Customer]) !==
        JSON.stringify(customer[field as keyof Customer]),
    );
    scope.emit("customer.updated", subjectOf(customer), { changed });
    return { customer };
  },
  ({ customer }) => customer,
);
