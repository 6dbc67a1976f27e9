/**
 * The event feed in commit order. Until now `events.position` came from an identity column: a
 * number taken at INSERT, so a transaction that took 7 could commit after one that took 8, and a
 * reader paging by position that had already read 8 never saw 7. From this version a tenant's
 * positions come from its row in `event_positions`, bumped by `events.append` inside the moving
 * transaction: the row stays locked until that transaction ends, so the next appender of the
 * tenant waits, and a position is never visible before a smaller one of the same tenant.
 *
 * - Per tenant, not global: one tenant's appenders wait for each other, never for another
 *   tenant's, and everything stays on the tenant's shard (Citus distributes by `tenant_id`;
 *   `event_positions` is co-located with `events`). No trigger, no global snapshot horizon.
 * - Existing events keep their positions: the identity numbers are already in append order and
 *   unique, so no row is rewritten (the table is append-only). Each tenant's counter starts at
 *   its highest position, and new events come after the old ones.
 * - `position` loses its identity default: a writer that does not take a position from the counter
 *   (a Remit older than this migration) is refused (NOT NULL), never let into the feed out of
 *   order. Upgrade every instance before or with the migration.
 */
export function eventFeed(s: string): string {
  return `
CREATE TABLE ${s}.event_positions (
  tenant_id text COLLATE "C" NOT NULL PRIMARY KEY,
  last_position bigint NOT NULL
);

-- Waits for transactions still appending with the identity, so that the seeds below are final.
LOCK TABLE ${s}.events IN SHARE MODE;

INSERT INTO ${s}.event_positions (tenant_id, last_position)
SELECT tenant_id, max(position) FROM ${s}.events GROUP BY tenant_id;

ALTER TABLE ${s}.events ALTER COLUMN position DROP IDENTITY;

CREATE UNIQUE INDEX events_position_key ON ${s}.events (tenant_id, position);
DROP INDEX ${s}.events_position_idx;
`;
}
