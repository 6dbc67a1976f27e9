import { type RemitEvent, type StoreTransaction, ValidationError } from "@remit/core";
import { decodeCursor, encodeCursor } from "../cursor";
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

/** The feed position in a cursor: decimal digits of a bigint; anything else no page returned. */
function decodePosition(cursor: string): string {
  const position = decodeCursor(cursor);
  if (!/^(0|[1-9][0-9]{0,17})$/.test(position)) {
    throw new ValidationError({
      issues: [{ path: "cursor", message: "is not a cursor from a previous page" }],
    });
  }
  return position;
}

export function createEventQueries(scope: Scope): StoreTransaction["events"] {
  const { runner, tenantId, tables, notifyChannel } = scope;

  /** Where the deprecated `after` (an event id) starts: that event's position, 0 if none. */
  const positionOf = async (eventId: string): Promise<string> => {
    const { rows } = await runner.query<{ position: string }>(
      `SELECT position::text AS position FROM ${tables.events} WHERE tenant_id = $1 AND id = $2`,
      [tenantId, eventId],
    );
    return rows[0]?.position ?? "0";
  };

  return {
    async append({ events, runAt }) {
      if (events.length === 0) return;
      for (const event of events) assertSameTenant(scope, event, "event");
      // One statement for three tables. First the tenant's feed counter, bumped by the number
      // of events: its row stays locked until this transaction ends, so another appender of the
      // tenant waits here and takes the positions after ours only once ours are committed (or
      // rolled back, which gives them back). Positions therefore become visible in order, and a
      // reader paging by `position > cursor` never passes one that commits later. The lock is
      // held from here to COMMIT only: core appends at the end of a move. Then the events, in the
      // given order, and the outbox's one `event` job per event, `job_<event id>`, carrying the
      // whole event (`payload.event`).
      await runner.query(
        `WITH input AS (
           SELECT e.value AS event, e.ordinality
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, ordinality)
         ), counter AS (
           INSERT INTO ${tables.eventPositions} AS head (tenant_id, last_position)
           VALUES ($1, $4)
           ON CONFLICT (tenant_id) DO UPDATE SET last_position = head.last_position + $4
           RETURNING last_position - $4 AS base
         ), stored AS (
           INSERT INTO ${tables.events} (tenant_id, id, position, type, spec_version,
             subject_type, subject_id, subject_version, occurred_at, actor, data)
           SELECT $1, event ->> 'id', counter.base + input.ordinality, event ->> 'type',
                  (event ->> 'specVersion')::integer,
                  event -> 'subject' ->> 'type', event -> 'subject' ->> 'id',
                  (event -> 'subject' ->> 'version')::integer,
                  (event ->> 'occurredAt')::timestamptz, event -> 'actor', event -> 'data'
           FROM input CROSS JOIN counter ORDER BY input.ordinality
         )${
           // With change notifications on, the same statement announces the tenant's change:
           // PostgreSQL delivers a NOTIFY on COMMIT only, and never for a rolled-back move.
           notifyChannel === undefined ? "" : ", notified AS (SELECT pg_notify($5, $1) AS sent)"
         }
         INSERT INTO ${tables.jobs} (tenant_id, id, kind, run_at, status, attempts, payload, state,
           created_at, updated_at)
         SELECT $1, 'job_' || (event ->> 'id'), 'event', $3::timestamptz, 'pending', 0,
                jsonb_build_object('event', event), '{}'::jsonb, $3::timestamptz, $3::timestamptz
         FROM input${notifyChannel === undefined ? "" : " CROSS JOIN notified"}`,
        [tenantId, json(events), runAt, events.length, ...(notifyChannel ? [notifyChannel] : [])],
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

    // Reads at READ COMMITTED need nothing more: positions commit in order (see `append`), so
    // every committed position above the cursor is on this page or a later one.
    async list({ cursor, after, limit }) {
      const start =
        cursor !== undefined
          ? decodePosition(cursor)
          : after === undefined
            ? "0"
            : await positionOf(after);
      const { rows } = await runner.query<EventRow & { feedPosition: string }>(
        `SELECT ${eventSelect}, position::text AS "feedPosition" FROM ${tables.events}
         WHERE tenant_id = $1 AND position > $2::bigint
         ORDER BY position LIMIT $3`,
        [tenantId, start, limit],
      );
      return {
        items: rows.map(({ feedPosition: _feedPosition, ...row }) => toEvent(row)),
        nextCursor: encodeCursor(rows.at(-1)?.feedPosition ?? start),
      };
    },
  };
}
