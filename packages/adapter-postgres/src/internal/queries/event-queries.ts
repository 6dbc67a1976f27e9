import type { RemitEvent, StoreTransaction } from "@remit/core";
import { assertSameTenant, isoColumn, json, type Scope } from "../sql-helpers";

type EventRow = Omit<RemitEvent, "subject"> & {
  subjectType: RemitEvent["subject"]["type"];
  subjectId: string;
  subjectVersion: number;
};

const eventSelect = `
  tenant_id AS "tenantId", id, type, spec_version AS "specVersion", subject_type AS "subjectType",
  subject_id AS "subjectId", subject_version AS "subjectVersion",
  ${isoColumn("occurred_at")} AS "occurredAt", actor, data`;

function toEvent({ subjectType, subjectId, subjectVersion, ...event }: EventRow): RemitEvent {
  return { ...event, subject: { type: subjectType, id: subjectId, version: subjectVersion } };
}

export function createEventQueries(scope: Scope): StoreTransaction["events"] {
  const { runner, tenantId, tables } = scope;

  return {
    async append({ events, runAt }) {
      if (events.length === 0) return;
      for (const event of events) assertSameTenant(scope, event, "event");
      // One statement for both tables, rows in the given order (`position` follows the append
      // order): the events, and the outbox's one `event` job per event, `job_<event id>`,
      // carrying the whole event (`payload.event`).
      await runner.query(
        `WITH input AS (
           SELECT e.value AS event, e.ordinality
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, ordinality)
         ), stored AS (
           INSERT INTO ${tables.events} (tenant_id, id, type, spec_version, subject_type,
             subject_id, subject_version, occurred_at, actor, data)
           SELECT $1, event ->> 'id', event ->> 'type', (event ->> 'specVersion')::integer,
                  event -> 'subject' ->> 'type', event -> 'subject' ->> 'id',
                  (event -> 'subject' ->> 'version')::integer,
                  (event ->> 'occurredAt')::timestamptz, event -> 'actor', event -> 'data'
           FROM input ORDER BY ordinality
         )
         INSERT INTO ${tables.jobs} (tenant_id, id, kind, run_at, status, attempts, payload, state,
           created_at, updated_at)
         SELECT $1, 'job_' || (event ->> 'id'), 'event', $3::timestamptz, 'pending', 0,
                jsonb_build_object('event', event), '{}'::jsonb, $3::timestamptz, $3::timestamptz
         FROM input`,
        [tenantId, json(events), runAt],
      );
    },

    async listBySubject({ subjectId }) {
      const { rows } = await runner.query<EventRow>(
        `SELECT ${eventSelect} FROM ${tables.events}
         WHERE tenant_id = $1 AND subject_id = $2 ORDER BY position`,
        [tenantId, subjectId],
      );
      return rows.map(toEvent);
    },

    async list({ after, limit }) {
      const { rows } = await runner.query<EventRow>(
        `SELECT ${eventSelect} FROM ${tables.events}
         WHERE tenant_id = $1
           AND position > coalesce(
             (SELECT position FROM ${tables.events} WHERE tenant_id = $1 AND id = $2::text), 0)
         ORDER BY position LIMIT $3`,
        [tenantId, after ?? null, limit],
      );
      return rows.map(toEvent);
    },
  };
}
