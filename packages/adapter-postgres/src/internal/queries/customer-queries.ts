import type { Customer, Page, StoreTransaction } from "@remit/core";
import { decodeCursor } from "../cursor";
import {
  assertSameTenant,
  containsPattern,
  insertInto,
  isoColumn,
  json,
  type Scope,
  searchText,
  toPage,
  updateVersioned,
} from "../sql-helpers";

const customerSelect = `
  tenant_id AS "tenantId", id, version, name, email, phone, billing_address AS "billingAddress",
  opted_out AS "optedOut", ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt"`;

const writtenColumns = [
  "version",
  "name",
  "email",
  "phone",
  "billing_address",
  "opted_out",
  "created_at",
  "updated_at",
  "search_text",
] as const;

function customerValues(customer: Customer): unknown[] {
  return [
    customer.version,
    customer.name,
    customer.email,
    customer.phone,
    json(customer.billingAddress),
    json(customer.optedOut),
    customer.createdAt,
    customer.updatedAt,
    searchText([customer.name, customer.email, customer.phone]),
  ];
}

export function createCustomerQueries(scope: Scope): StoreTransaction["customers"] {
  const { runner, tenantId, tables } = scope;

  return {
    async get(id) {
      const { rows } = await runner.query<Customer>(
        `SELECT ${customerSelect} FROM ${tables.customers} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return rows[0];
    },

    async insert(customer) {
      assertSameTenant(scope, customer, "customer");
      await runner.query(insertInto(tables.customers, ["tenant_id", "id", ...writtenColumns]), [
        tenantId,
        customer.id,
        ...customerValues(customer),
      ]);
    },

    async update(customer, expectedVersion) {
      assertSameTenant(scope, customer, "customer");
      await updateVersioned(
        scope,
        tables.customers,
        writtenColumns,
        customerValues(customer),
        customer.id,
        expectedVersion,
      );
    },

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
      const { rows } = await runner.query<Customer>(
        `SELECT ${customerSelect} FROM ${tables.customers}
         WHERE ${conditions.join(" AND ")} ORDER BY id LIMIT $${params.length}`,
        params,
      );
      return toPage(rows, limit);
    },
  };
}
