/** Adds one problem to the list an `EInvoiceError` will carry. */
export type ReportIssue = (path: string, message: string, rule?: string) => void;
