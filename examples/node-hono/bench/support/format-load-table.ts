import type { LoadResult } from "./run-autocannon";

/** One row per target: Remit and the floor side by side, and Remit's share of the floor's rate. */
export type LoadRow = { name: string; bytes: number; remit: LoadResult; floor: LoadResult };

const columns = [
  "target",
  "bytes",
  "Remit req/s",
  "p99 ms",
  "floor req/s",
  "p99 ms",
  "Remit / floor",
];

/** The bench's result as a Markdown table, ready to paste into the docs. */
export function formatLoadTable(rows: LoadRow[]): string {
  const cells = rows.map(({ name, bytes, remit, floor }) => [
    name,
    bytes.toLocaleString("en-US"),
    Math.round(remit.requestsPerSecond).toLocaleString("en-US"),
    String(remit.p99Milliseconds),
    Math.round(floor.requestsPerSecond).toLocaleString("en-US"),
    String(floor.p99Milliseconds),
    `${((100 * remit.requestsPerSecond) / floor.requestsPerSecond).toFixed(1)}%`,
  ]);
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((row) => row[index]?.length ?? 0)),
  );
  // The target's name reads left-aligned; the figures right-aligned, as Markdown's `--:` says.
  const pad = (cell: string, index: number) =>
    index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0);
  const line = (row: string[]) => `| ${row.map(pad).join(" | ")} |`;
  const rule = line(
    widths.map((width, index) => "-".repeat(width - 1) + (index === 0 ? "-" : ":")),
  );
  return [line(columns), rule, ...cells.map(line)].join("\n");
}
