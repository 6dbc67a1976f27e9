import type { RemitEvent, StoreTransaction } from "@remit/core";
import { eventJobId } from "../event-job-id";
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
    async append(events, runAt) {
      if (events.length === 0) return;
      for (const event of events) assertSameTenant(scope, event, "event");
      // One statement per table for the whole batch, rows in the given order: `position` then
      // follows the append order.
      await runner.query(
        `INSERT INTO ${tables.events} (tenant_id, id, type, spec_version, subject_type, subject_id,
           subject_version, occurred_at, actor, data)
         SELECT $1, e.value ->> 'id', e.value ->> 'type', (e.value ->> 'spec_version')::integer,
                e.value ->> 'subject_type', e.value ->> 'subject_id',
                (e.value ->> 'subject_version')::integer, (e.value ->> 'occurred_at')::timestamptz,
                e.value -> 'actor', e.value -> 'data'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, ordinality)
         ORDER BY ordinality`,
        [
          tenantId,
          json(
            events.map((event) => ({
              id: event.id,
              type: event.type,
              spec_version: event.specVersion,
              subject_type: event.subject.type,
              subject_id: event.subject.id,
              subject_version: event.subject.version,
              occurred_at: event.occurredAt,
              actor: event.actor,
              data: event.data,
            })),
          ),
        ],
      );
      // The outbox: one `event` job per event, carrying the whole event (`payload.event`).
      await runner.query(
        `INSERT INTO ${tables.jobs} (tenant_id, id, kind, run_at, status, attempts, payload, state,
           created_at, updated_at)
         SELECT $1, e.job_id, 'event', $2::timestamptz, 'pending', 0, e.payload, '{}'::jsonb,
                $2::timestamptz, $2::timestamptz
         FROM jsonb_to_recordset($3::jsonb) AS e(job_id text, payload jsonb)`,
        [
          tenantId,
          runAt,
          json(events.map((event) => ({ job_id: eventJobId(event.id), payload: { event } }))),
        ],
      );
    },

    async listBySubject(subjectId) {
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
