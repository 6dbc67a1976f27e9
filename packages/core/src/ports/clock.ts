/**
 * Where Remit reads the time. Core never calls `Date.now()`; pass a fixed clock in tests.
 *
 * @example
 * ```ts
 * const clock: Clock = { specificationVersion: "v1", now: () => new Date().toISOString() };
 * ```
 * @group Ports
 */
export type Clock = {
  readonly specificationVersion: "v1";
  /** The current instant as a UTC ISO 8601 string (`2026-11-25T13:04:58.000Z`). */
  now(): string;
};

/**
 * The real clock.
 * @group Ports
 */
export const systemClock: Clock = {
  specificationVersion: "v1",
  now: () => new Date().toISOString(),
};
