/** Prints an amount held in minor units with exactly `minorUnits` digits after the point. */
export function formatMinorUnits(amount: bigint, minorUnits: number): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(minorUnits + 1, "0");
  const sign = negative ? "-" : "";
  if (minorUnits === 0) return sign + digits;
  return `${sign}${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
}
