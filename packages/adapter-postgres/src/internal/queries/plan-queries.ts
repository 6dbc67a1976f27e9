import type { PlanOccurrence, ServicePlan, StoreTransaction } from "@remit/core";
import { assertSameTenant, dateColumn, isoColumn, json, type Scope } from "../sql-helpers";
import { type ColumnValues, createVersionedRecordQueries } from "./versioned-record-queries";

const planSelect = `
  tenant_id AS "tenantId", id, version, status, name, customer, currency, terms, content,
  schedule, mode, channels, ${dateColumn("next_occurrence_on")} AS "nextOccurrenceOn",
  ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt",
  created_by AS "createdBy"`;

const occurrenceSelect = `
  tenant_id AS "tenantId", plan_id AS "planId", ${dateColumn("occurrence_date")} AS date, status,
  invoice_id AS "invoiceId", ${isoColumn("created_at")} AS "createdAt"`;

/** The columns written from a plan (all but the key) and their values. */
function planRow(plan: ServicePlan): ColumnValues {
  return {
    version: plan.version,
    status: plan.status,
    name: plan.name,
    customer: json(plan.customer),
    currency: plan.currency,
    terms: json(plan.terms),
    content: json(plan.content),
    schedule: json(plan.schedule),
    mode: plan.mode,
    channels: json(plan.channels),
    next_occurrence_on: plan.nextOccurrenceOn,
    created_at: plan.createdAt,
    updated_at: plan.updatedAt,
    created_by: json(plan.createdBy),
  };
}

/** Recurring plans (migration 8). */
export function createPlanQueries(scope: Scope): NonNullable<StoreTransaction["plans"]> {
  const { runner, tenantId, tables } = scope;
  const plans = createVersionedRecordQueries<ServicePlan>(scope, {
    table: tables.plans,
    select: planSelect,
    row: planRow,
    resource: "plan",
  });
  return {
    get: plans.get,
    insert: plans.insert,
    update: plans.update,
    list: plans.listByStatusAndCustomer,

    // Reads plans_due_idx: the active plans by next date, then id.
    async listDue({ onOrBefore, after, limit }) {
      const { rows } = await runner.query<ServicePlan>(
        `SELECT ${planSelect} FROM ${tables.plans}
         WHERE tenant_id = $1 AND status = 'active' AND next_occurrence_on <= $2::date
           AND ($3::text IS NULL OR id > $3::text)
         ORDER BY id LIMIT $4`,
        [tenantId, onOrBefore, after ?? null, limit],
      );
      return rows;
    },
  };
}

/** The dates plans have taken: the unique key that bills each occurrence once. */
export function createPlanOccurrenceQueries(
  scope: Scope,
): NonNullable<StoreTransaction["planOccurrences"]> {
  const { runner, tenantId, tables } = scope;
  return {
    // A concurrent claim of the same key waits for the first transaction; if it commits, this
    // inserts nothing and answers false; if it rolls back, this one takes the date.
    async claim({ record }) {
      assertSameTenant(scope, record, "plan occurrence");
      const { rows } = await runner.query(
        `INSERT INTO ${tables.planOccurrences}
           (tenant_id, plan_id, occurrence_date, status, invoice_id, created_at)
         VALUES ($1, $2, $3::date, $4, $5, $6)
         ON CONFLICT (tenant_id, plan_id, occurrence_date) DO NOTHING
         RETURNING 1 AS claimed`,
        [tenantId, record.planId, record.date, record.status, record.invoiceId, record.createdAt],
      );
      return rows.length === 1;
    },

    async get({ planId, date }) {
      const { rows } = await runner.query<PlanOccurrence>(
        `SELECT ${occurrenceSelect} FROM ${tables.planOccurrences}
         WHERE tenant_id = $1 AND plan_id = $2 AND occurrence_date = $3::date`,
        [tenantId, planId, date],
      );
      return rows[0];
    },

    async list({ planId }) {
      const { rows } = await runner.query<PlanOccurrence>(
        `SELECT ${occurrenceSelect} FROM ${tables.planOccurrences}
         WHERE tenant_id = $1 AND plan_id = $2 ORDER BY occurrence_date`,
        [tenantId, planId],
      );
      return rows;
    },
  };
}
