/** The value at percentile `p` (0–100) of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** "p50 / p99" of latencies in milliseconds. */
export function p50AndP99(latencies: readonly number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(2)} ms / ${percentile(sorted, 99).toFixed(2)} ms`;
}

/** Runs `count` jobs on `concurrency` loops; returns the seconds it took. */
export async function timed(
  concurrency: number,
  count: number,
  job: (index: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) await job(index);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** The machine's load average over the last minute, for the figures' context. */
export async function loadAverage(): Promise<string> {
  const { loadavg } = await import("node:os");
  return loadavg()[0]?.toFixed(1) ?? "?";
}
