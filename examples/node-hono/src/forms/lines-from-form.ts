import type { InvoiceLineInput } from "@remit/core";
import type { z } from "zod";
import type { lineRowsFormSchema } from "./back-office-forms";

const kinds = ["labor", "material", "service", "other"] as const;
type LineKind = (typeof kinds)[number];

/** One row of the lines editor as typed: shown again, values kept, when the form is refused. */
export type EditorRow = {
  key: string;
  /** The original line's position (its kind, taxes and discount are kept); "" for a new row. */
  lineIndex: string;
  kind: string;
  description: string;
  quantity: string;
  unitPrice: string;
};

/** What is wrong with a row, by its field. */
export type RowErrors = Partial<Record<"description" | "quantity" | "unitPrice", string>>;

const decimal = /^\d+(\.\d+)?$/;

/** The editor's rows for saved lines, plus one blank row to add a line. */
export function editorRowsOf(lines: readonly InvoiceLineInput[]): EditorRow[] {
  return [
    ...lines.map((line, index) => ({
      key: `line-${index}`,
      lineIndex: String(index),
      kind: line.kind ?? "service",
      description: line.description ?? "",
      quantity: String(line.quantity),
      unitPrice: String(line.unitPrice),
    })),
    blankRow("new-0"),
  ];
}

/** An empty row: left empty, it adds nothing. */
export function blankRow(key: string): EditorRow {
  return { key, lineIndex: "", kind: "service", description: "", quantity: "", unitPrice: "" };
}

/**
 * The lines the editor posted, and what is wrong with its rows. A row goes only when its Remove
 * box is ticked; a row left wholly empty adds nothing. A row with a description but no quantity,
 * or a quantity but no price, is an error on that row (never a dropped line, never a $0 line).
 * Each kept row keeps its original line's kind, taxes and discount (by `lineIndex`).
 */
export function linesFromForm(
  form: z.output<typeof lineRowsFormSchema>,
  original: readonly InvoiceLineInput[],
  defaultTaxRateIds: readonly string[],
): { lines: InvoiceLineInput[]; rows: EditorRow[]; errors: Record<string, RowErrors> } {
  const removed = new Set(form.remove);
  const lines: InvoiceLineInput[] = [];
  const rows: EditorRow[] = [];
  const errors: Record<string, RowErrors> = {};
  form.description.forEach((rawDescription, position) => {
    const key = form.rowKey[position] || `row-${position}`;
    const row: EditorRow = {
      key,
      lineIndex: form.lineIndex[position] ?? "",
      kind: form.kind[position] || "",
      description: rawDescription.trim(),
      quantity: (form.quantity[position] ?? "").trim(),
      unitPrice: (form.unitPrice[position] ?? "").trim().replace(/^\$/, "").replaceAll(",", ""),
    };
    if (removed.has(key)) return;
    if (!row.description && !row.quantity && !row.unitPrice) return;
    rows.push(row);
    const rowErrors: RowErrors = {};
    if (!row.quantity) {
      rowErrors.quantity = "Enter a quantity, or tick Remove to take the line off.";
    } else if (!decimal.test(row.quantity) || Number(row.quantity) === 0) {
      rowErrors.quantity = "Enter a quantity above 0, such as 1 or 1.5.";
    }
    if (!row.unitPrice) {
      rowErrors.unitPrice = "Enter a unit price (0 if there is no charge).";
    } else if (!decimal.test(row.unitPrice)) {
      rowErrors.unitPrice = "Enter a price such as 95 or 95.50.";
    }
    if (Object.keys(rowErrors).length > 0) {
      errors[key] = rowErrors;
      return;
    }
    const before = row.lineIndex ? original[Number(row.lineIndex)] : undefined;
    const kind: LineKind = kinds.includes(row.kind as LineKind)
      ? (row.kind as LineKind)
      : ((before?.kind as LineKind | undefined) ?? "service");
    lines.push({
      ...(before ?? { taxRateIds: [...defaultTaxRateIds] }),
      kind,
      description: row.description,
      quantity: row.quantity,
      unitPrice: row.unitPrice,
    });
  });
  return { lines, rows, errors };
}
