/** The id of the outbox job that hands event `eventId` to its handlers: one job per event. */
export function eventJobId(eventId: string): string {
  return `job_${eventId}`;
}
