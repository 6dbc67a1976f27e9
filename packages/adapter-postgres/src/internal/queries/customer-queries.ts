import { ConcurrencyError, type Customer, type Page, type StoreTransaction } from "@remit/core";
import { decodeCursor, encodeCursor } from "../cursor";
import {
  assertSameTenant,
  assignments,
  containsPattern,
  insertInto,
  isoColumn,
  json,
  type Scope,
  searchText,
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
      const { rowCount } = await runner.query(
        `UPDATE ${tables.customers} SET ${assignments(writtenColumns, 4)}
         WHERE tenant_id = $1 AND id = $2 AND version = $3`,
        [tenantId, customer.id, expectedVersion, ...customerValues(customer)],
      );
      if (rowCount === 1) return;
      const { rows } = await runner.query<{ version: number }>(
        `SELECT version FROM ${tables.customers} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, customer.id],
      );
      // A row that is not there (or is another tenant's) is at "version 0".
      throw new ConcurrencyError({ expectedVersion, actualVersion: rows[0]?.version ?? 0 });
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
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
    },
  };
}
