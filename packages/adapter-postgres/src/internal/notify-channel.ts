/** The channel Remit announces moves on when none is named. */
export const defaultNotifyChannel = "remit_changes";

/**
 * A channel name as `LISTEN` takes it unquoted: a lowercase identifier of at most 63 bytes
 * (PostgreSQL's limit), so `pg_notify` and `LISTEN` always name the same channel.
 */
export function parseNotifyChannel(channel: string | undefined): string | undefined {
  if (channel === undefined) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new TypeError(
      `notifyChannel must be a lowercase identifier such as "${defaultNotifyChannel}" (letters, digits, _; at most 63), got ${JSON.stringify(channel)}`,
    );
  }
  return channel;
}
