import type { Customer, Page, StoreTransaction } from "@remit/core";
import { decodeCursor } from "../cursor";
import { containsPattern, isoColumn, json, type Scope, searchText, toPage } from "../sql-helpers";
import { type ColumnValues, createVersionedRecordQueries } from "./versioned-record-queries";

const customerSelect = `
  tenant_id AS "tenantId", id, version, name, email, phone, billing_address AS "billingAddress",
  opted_out AS "optedOut", e_invoicing AS "eInvoicing", ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt"`;

/** The optional e-invoicing fields of a customer, kept together in `e_invoicing`. */
const eInvoicingFields = [
  "buyerReference",
  "vatId",
  "legalRegistrationId",
  "directDebitMandate",
] as const satisfies readonly (keyof Customer)[];

type CustomerRow = Omit<Customer, (typeof eInvoicingFields)[number]> & {
  eInvoicing: Partial<Pick<Customer, (typeof eInvoicingFields)[number]>> | null;
};

/** A row read back as the customer: the e-invoicing fields only when set, as core writes them. */
function toCustomer({ eInvoicing, ...customer }: CustomerRow): Customer {
  return { ...customer, ...(eInvoicing ?? {}) };
}

function eInvoicingOf(customer: Customer): Record<string, unknown> | null {
  const entries = eInvoicingFields
    .map((field) => [field, customer[field]] as const)
    .filter(([, value]) => value !== undefined && value !== null);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** The columns written from a customer (all but the key) and their values. */
export function customerRow(customer: Customer): ColumnValues {
  return {
    version: customer.version,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    billing_address: json(customer.billingAddress),
    opted_out: json(customer.optedOut),
    e_invoicing: json(eInvoicingOf(customer)),
    created_at: customer.createdAt,
    updated_at: customer.updatedAt,
    search_text: searchText([customer.name, customer.email, customer.phone]),
  };
}

export function createCustomerQueries(scope: Scope): StoreTransaction["customers"] {
  const { runner, tenantId, tables } = scope;
  const customers = createVersionedRecordQueries<Customer>(scope, {
    table: tables.customers,
    select: customerSelect,
    row: customerRow,
    resource: "customer",
  });

  return {
    async get(args) {
      const row = (await customers.get(args)) as CustomerRow | undefined;
      return row && toCustomer(row);
    },
    insert: customers.insert,
    update: customers.update,

    // By id ascending with `id >` the cursor, unlike the newest-first lists of the other records.
    async list({ search, limit, cursor }): Promise<Page<Customer>> {
      const params: unknown[] = [tenantId];
      const conditions = ["tenant_id = $1"];
      if (search !== undefined && search !== "") {
        params.push(containsPattern(search));
        conditions.push(`search_text LIKE $${params.length}`);
      }
      if (cursor !== undefined) {
        params.push(decodeCursor(cursor));
        conditions.push(`id > $${params.length}`);
      }
      params.push(limit + 1);
      const { rows } = await runner.query<CustomerRow>(
        `SELECT ${customerSelect} FROM ${tables.customers}
         WHERE ${conditions.join(" AND ")} ORDER BY id LIMIT $${params.length}`,
        params,
      );
      return toPage(rows.map(toCustomer), limit);
    },
  };
}
