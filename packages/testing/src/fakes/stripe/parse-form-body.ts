/** A value of a form body as Stripe reads it: strings, nested objects and arrays. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/**
 * Parses an `application/x-www-form-urlencoded` body the way Stripe's API does, bracket keys into
 * nested values: `line_items[0][price_data][currency]=usd` → `{ line_items: [{ price_data: … }] }`.
 */
export function parseFormBody(text: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [head, ...rest] = key.split("[").map((part) => part.replace(/\]$/, ""));
    if (head === undefined) continue;
    const path = [head, ...rest];
    let node: Record<string, FormValue> | FormValue[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const next = path[index + 1];
      const container = node as Record<string, FormValue>;
      if (last) {
        container[segment] = value;
        return;
      }
      if (container[segment] === undefined) {
        container[segment] = next !== undefined && /^\d+$/.test(next) ? [] : {};
      }
      node = container[segment] as Record<string, FormValue>;
    });
  }
  return root;
}
