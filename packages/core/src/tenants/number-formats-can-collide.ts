// Whether two invoice number formats could ever print the same number. Invoice numbers are unique
// per tenant; a new format whose numbers could equal numbers an earlier format printed would, one
// day, fail every issue of the tenant on that unique key, so such a change is refused up front.

/** One position of a format: a literal character, one digit, or any further digits (`{SEQ}`). */
type Atom = { kind: "char"; char: string } | { kind: "digit" } | { kind: "more-digits" };

const token = /\{(YYYY|YY|MM|SEQ(?::(\d{1,2}))?)\}/g;

/** A format as atoms: `{YYYY}` is 4 digits, `{YY}` and `{MM}` 2, `{SEQ:n}` n or more (at least 1). */
function atomsOf(format: string): Atom[] {
  const atoms: Atom[] = [];
  let last = 0;
  for (const match of format.matchAll(token)) {
    for (const char of format.slice(last, match.index)) atoms.push({ kind: "char", char });
    const name = match[1] ?? "";
    const digits =
      name === "YYYY" ? 4 : name === "YY" || name === "MM" ? 2 : Math.max(1, Number(match[2] ?? 1));
    for (let index = 0; index < digits; index++) atoms.push({ kind: "digit" });
    if (name.startsWith("SEQ")) atoms.push({ kind: "more-digits" });
    last = (match.index ?? 0) + match[0].length;
  }
  for (const char of format.slice(last)) atoms.push({ kind: "char", char });
  return atoms;
}

const isDigit = (char: string) => char >= "0" && char <= "9";

/** Whether one character that both atoms accept exists. */
function overlap(a: Atom, b: Atom): boolean {
  if (a.kind === "char" && b.kind === "char") return a.char === b.char;
  if (a.kind === "char") return isDigit(a.char);
  if (b.kind === "char") return isDigit(b.char);
  return true;
}

/**
 * True when some number printed by format `a` (at some date and sequence) equals one printed by
 * `b`: the two patterns, read as regular languages over characters, intersect. Exact for the
 * tokens a format may use, and conservative only in treating `{MM}` as any two digits.
 */
export function numberFormatsCanCollide(a: string, b: string): boolean {
  const left = atomsOf(a);
  const right = atomsOf(b);
  // Breadth-first over pairs of positions; `more-digits` may be skipped or consume a digit and stay.
  const seen = new Set<string>();
  const queue: [number, number][] = [[0, 0]];
  while (queue.length > 0) {
    const [i, j] = queue.pop() as [number, number];
    const key = `${i},${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === left.length && j === right.length) return true;
    const x = left[i];
    const y = right[j];
    if (x?.kind === "more-digits") queue.push([i + 1, j]);
    if (y?.kind === "more-digits") queue.push([i, j + 1]);
    if (x && y && overlap(x, y)) {
      queue.push([x.kind === "more-digits" ? i : i + 1, y.kind === "more-digits" ? j : j + 1]);
    }
  }
  return false;
}

/**
 * The series a format numbers in, with the sequence's width left out: formats with the same
 * series share one counter, so their numbers never repeat each other (`INV-{SEQ}` and
 * `INV-{SEQ:4}` continue the same count).
 */
export function seriesTemplateOf(format: string): string {
  return format.replace(/\{SEQ(?::\d{1,2})?\}/, "{SEQ}");
}
