import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

/** What the table reports for one target. */
export type LoadResult = { requestsPerSecond: number; p99Milliseconds: number; requests: number };

const autocannonCli = createRequire(import.meta.url).resolve("autocannon");

/**
 * Drives `url` with autocannon's CLI in a child process, so that the load generator does not share
 * an event loop with the servers it measures. Counts only after a warm-up at the same load; throws
 * when any request failed or answered other than 2xx.
 */
export async function runAutocannon(
  url: string,
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  const load = ["-c", String(options.connections)];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      autocannonCli,
      ...load,
      "-d",
      String(options.seconds),
      ...(options.warmupSeconds > 0
        ? ["--warmup", "[", ...load, "-d", String(options.warmupSeconds), "]"]
        : []),
      "--json",
      "--no-progress",
      url,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  // With a warm-up the CLI prints its result first; the measured run's is the last line.
  const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${url}: ${failed} of ${result.requests.sent} requests failed`);
  return {
    requestsPerSecond: result.requests.average,
    p99Milliseconds: result.latency.p99,
    requests: result.requests.total,
  };
}
