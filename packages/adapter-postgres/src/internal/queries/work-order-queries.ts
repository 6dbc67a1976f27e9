import type { StoreTransaction, WorkOrder } from "@remit/core";
import {
  assertSameTenant,
  insertInto,
  isoColumn,
  json,
  listNewestFirst,
  type Scope,
  updateVersioned,
} from "../sql-helpers";

const workOrderSelect = `
  tenant_id AS "tenantId", id, version, status, title, customer, site, currency, terms,
  tax_rates AS "taxRates", labor, materials, services, fees, notes, photos, schedule,
  quote_id AS "quoteId", invoice_id AS "invoiceId", cancellation_reason AS "cancellationReason",
  ${isoColumn("started_at")} AS "startedAt", ${isoColumn("completed_at")} AS "completedAt",
  ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt",
  created_by AS "createdBy"`;

const writtenColumns = [
  "version",
  "status",
  "title",
  "customer",
  "site",
  "currency",
  "terms",
  "tax_rates",
  "labor",
  "materials",
  "services",
  "fees",
  "notes",
  "photos",
  "schedule",
  "quote_id",
  "invoice_id",
  "cancellation_reason",
  "started_at",
  "completed_at",
  "created_at",
  "updated_at",
  "created_by",
] as const;

function workOrderValues(workOrder: WorkOrder): unknown[] {
  return [
    workOrder.version,
    workOrder.status,
    workOrder.title,
    json(workOrder.customer),
    json(workOrder.site),
    workOrder.currency,
    json(workOrder.terms),
    json(workOrder.taxRates),
    json(workOrder.labor),
    json(workOrder.materials),
    json(workOrder.services),
    json(workOrder.fees),
    workOrder.notes,
    json(workOrder.photos),
    json(workOrder.schedule),
    workOrder.quoteId,
    workOrder.invoiceId,
    workOrder.cancellationReason,
    workOrder.startedAt,
    workOrder.completedAt,
    workOrder.createdAt,
    workOrder.updatedAt,
    json(workOrder.createdBy),
  ];
}

export function createWorkOrderQueries(scope: Scope): StoreTransaction["workOrders"] {
  const { runner, tenantId, tables } = scope;

  return {
    async get(id, options) {
      const lock = options?.forUpdate ? " FOR UPDATE" : "";
      const { rows } = await runner.query<WorkOrder>(
        `SELECT ${workOrderSelect} FROM ${tables.workOrders} WHERE tenant_id = $1 AND id = $2${lock}`,
        [tenantId, id],
      );
      return rows[0];
    },

    async insert(workOrder) {
      assertSameTenant(scope, workOrder, "work order");
      await runner.query(insertInto(tables.workOrders, ["tenant_id", "id", ...writtenColumns]), [
        tenantId,
        workOrder.id,
        ...workOrderValues(workOrder),
      ]);
    },

    async update(workOrder, expectedVersion) {
      assertSameTenant(scope, workOrder, "work order");
      await updateVersioned(
        scope,
        tables.workOrders,
        writtenColumns,
        workOrderValues(workOrder),
        workOrder.id,
        expectedVersion,
      );
    },

    async list({ filter, limit, cursor }) {
      const params: unknown[] = [];
      const conditions: string[] = [];
      if (filter.status !== undefined) {
        params.push([...filter.status]);
        conditions.push(`status = ANY($${params.length + 1}::text[])`);
      }
      if (filter.customerId !== undefined) {
        params.push(filter.customerId);
        conditions.push(`customer_id = $${params.length + 1}`);
      }
      return await listNewestFirst<WorkOrder>(
        scope,
        workOrderSelect,
        tables.workOrders,
        conditions,
        params,
        { limit, cursor },
      );
    },
  };
}
