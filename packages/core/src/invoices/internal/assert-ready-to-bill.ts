import { ValidationError, type ValidationIssue } from "../../errors/validation-error";
import type { Invoice } from "../invoice";

/** Submit and issue need at least one line and a customer. */
export function assertReadyToBill(invoice: Invoice): void {
  const issues: ValidationIssue[] = [];
  if (invoice.customer === null) {
    issues.push({
      path: "customerId",
      message: "set a customer before submitting or issuing the invoice",
    });
  }
  if (invoice.content.lines.length === 0) {
    issues.push({
      path: "lines",
      message: "add at least one line before submitting or issuing the invoice",
    });
  }
  if (issues.length > 0) throw new ValidationError({ issues });
}
