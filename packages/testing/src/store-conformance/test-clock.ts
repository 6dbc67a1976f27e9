import type { Clock } from "@remit/core";

/**
 * A clock that stands still until a test moves it.
 * @group Test helpers
 */
export function createTestClock(start = "2026-03-02T15:00:00.000Z") {
  let now = Date.parse(start);
  const clock: Clock & { set(instant: string): void; advance(milliseconds: number): void } = {
    specificationVersion: "v1",
    now: () => new Date(now).toISOString(),
    set(instant) {
      now = Date.parse(instant);
    },
    advance(milliseconds) {
      now += milliseconds;
    },
  };
  return clock;
}
