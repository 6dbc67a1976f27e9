import type { StoreTransaction, WorkOrder } from "@remit/core";
import { isoColumn, json, type Scope } from "../sql-helpers";
import { type ColumnValues, createVersionedRecordQueries } from "./versioned-record-queries";

const workOrderSelect = `
  tenant_id AS "tenantId", id, version, status, title, customer, site, currency, terms,
  tax_rates AS "taxRates", labor, materials, services, fees, notes, photos, schedule,
  quote_id AS "quoteId", invoice_id AS "invoiceId", cancellation_reason AS "cancellationReason",
  ${isoColumn("started_at")} AS "startedAt", ${isoColumn("completed_at")} AS "completedAt",
  ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt",
  created_by AS "createdBy"`;

/** The columns written from a work order (all but the key) and their values. */
function workOrderRow(workOrder: WorkOrder): ColumnValues {
  return {
    version: workOrder.version,
    status: workOrder.status,
    title: workOrder.title,
    customer: json(workOrder.customer),
    site: json(workOrder.site),
    currency: workOrder.currency,
    terms: json(workOrder.terms),
    tax_rates: json(workOrder.taxRates),
    labor: json(workOrder.labor),
    materials: json(workOrder.materials),
    services: json(workOrder.services),
    fees: json(workOrder.fees),
    notes: workOrder.notes,
    photos: json(workOrder.photos),
    schedule: json(workOrder.schedule),
    quote_id: workOrder.quoteId,
    invoice_id: workOrder.invoiceId,
    cancellation_reason: workOrder.cancellationReason,
    started_at: workOrder.startedAt,
    completed_at: workOrder.completedAt,
    created_at: workOrder.createdAt,
    updated_at: workOrder.updatedAt,
    created_by: json(workOrder.createdBy),
  };
}

export function createWorkOrderQueries(scope: Scope): StoreTransaction["workOrders"] {
  const workOrders = createVersionedRecordQueries<WorkOrder>(scope, {
    table: scope.tables.workOrders,
    select: workOrderSelect,
    row: workOrderRow,
    resource: "work order",
  });

  return {
    get: workOrders.get,
    insert: workOrders.insert,
    update: workOrders.update,
    list: workOrders.listByStatusAndCustomer,
  };
}
