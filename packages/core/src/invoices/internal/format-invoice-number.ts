/**
 * Splits a tenant's number format at an issue date into its series (the number without its
 * sequence) and a function that prints the number for a sequence. `INV-{YYYY}-{SEQ:4}` on
 * 2026-03-05 is series `INV-2026-{SEQ}`; sequence 42 prints `INV-2026-0042`.
 */
export function formatInvoiceNumber(
  numberFormat: string,
  issueDate: string,
): { series: string; numberFor(sequence: number): string } {
  const [year = "", month = ""] = issueDate.split("-");
  const dated = numberFormat
    .replaceAll("{YYYY}", year)
    .replaceAll("{YY}", year.slice(-2))
    .replaceAll("{MM}", month);
  const match = /\{SEQ(?::(\d{1,2}))?\}/.exec(dated);
  const width = match?.[1] === undefined ? 0 : Number(match[1]);
  const series = dated.replace(/\{SEQ(?::\d{1,2})?\}/, "{SEQ}");
  return {
    series,
    // Zero-padded to the width, never cut: sequence 12345 with {SEQ:4} prints 12345.
    numberFor: (sequence) => series.replace("{SEQ}", String(sequence).padStart(width, "0")),
  };
}
