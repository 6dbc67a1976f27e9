import { RemitError } from "@remit/core";

const marker = Symbol.for("remit.error.EInvoiceError");

/** One reason an e-invoice cannot be made, at the path of the field or setting to change. */
export type EInvoiceIssue = {
  /** Where to fix it: `tenant.vatId`, `invoice.content.lines[2].unitCode`, `invoice.content.rounding.tax`. */
  path: string;
  message: string;
  /** The EN 16931 business rule behind the refusal, when there is one (`"BR-CO-17"`). */
  rule?: string;
};

/**
 * An e-invoice was refused (`code: "e_invoice_refused"`): the invoice lacks data that EN 16931
 * requires (addresses, VAT categories, units, ids), or its math cannot be written in EN 16931
 * (a compound tax, two taxes on one line, three-decimal currencies, totals rounded differently
 * from BR-CO-17). Nothing is backfilled and nothing is recomputed: `issues` names every field or
 * setting to change, so an app can show them all at once.
 *
 * @example
 * ```ts
 * try { renderUbl({ invoice, tenant }) } catch (error) {
 *   if (EInvoiceError.isInstance(error)) console.log(error.issues.map((issue) => issue.path));
 * }
 * ```
 */
export class EInvoiceError extends RemitError {
  readonly [marker] = true;
  /** The first issue's path. */
  readonly path: string;
  readonly issues: readonly EInvoiceIssue[];

  constructor(options: { issues: readonly EInvoiceIssue[]; cause?: unknown }) {
    const [first] = options.issues;
    if (!first) throw new TypeError("EInvoiceError needs at least one issue");
    const more = options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : "";
    super({
      code: "e_invoice_refused",
      message: `No e-invoice: ${first.path}: ${first.message}${more}`,
      cause: options.cause,
    });
    this.name = "EInvoiceError";
    this.path = first.path;
    this.issues = options.issues;
  }

  /** True for this class, even from another installed copy of `@remit/e-invoice`. */
  static override isInstance(error: unknown): error is EInvoiceError {
    return RemitError.hasMarker(error, marker);
  }
}
