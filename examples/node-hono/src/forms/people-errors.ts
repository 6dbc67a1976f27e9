import { RemitError, ValidationError } from "@remit/core";
import { anyStatusLabel } from "../views/status-badge";

/** The sentence on top of a form whose lines editor has rows to change. */
export const rowsProblem = "Some lines need a change: see the highlighted rows. Nothing was saved.";

/** The sentence on top of a form with fields to change. */
export const fieldsProblem = "Check the highlighted fields: nothing was saved.";

/** Messages for fields, by the form field's name. */
export type FieldErrors = Record<string, string>;

/** A refused form as people read it: a plain sentence on top, and a message beside each field. */
export type FormProblem = { message: string; fields: FieldErrors; status: 409 | 422 };

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A field's message: the check's own words (`must be …`) as a sentence. */
function fieldMessage(message: string): string {
  if (message === "Invalid input" || message.startsWith("Invalid input:")) {
    return "This value is not valid.";
  }
  const sentence = capitalized(
    message.replace(/^must be/, "Enter").replace(/^is required$/, "Required"),
  );
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * A Remit error turned into words for the person at the form: a validation error highlights its
 * fields (`fieldOf` maps an issue's path to a form field's name); a stale page or a move the
 * record's status refuses says what happened and what to do. Anything else is not a form
 * problem and is thrown on (a 404, a 500).
 */
export function formProblemOf(
  error: unknown,
  fieldOf: (path: string) => string = (path) => path.split(/[.[]/)[0] ?? path,
): FormProblem {
  if (
    error instanceof ValidationError ||
    (RemitError.isInstance(error) && error.code === "validation_error")
  ) {
    const issues = (error as ValidationError).issues ?? [];
    const fields: FieldErrors = {};
    for (const issue of issues) {
      const name = fieldOf(issue.path);
      fields[name] ??= fieldMessage(issue.message);
    }
    return {
      message:
        issues.length === 1
          ? "One field needs a change: see the highlighted field below."
          : `${issues.length} fields need a change: see the highlighted fields below.`,
      fields,
      status: 422,
    };
  }
  if (RemitError.isInstance(error) && error.code === "version_conflict") {
    return {
      message:
        "Someone changed this record while you were looking at it. Your changes were not saved: look at the current version below and make them again.",
      fields: {},
      status: 409,
    };
  }
  if (RemitError.isInstance(error) && error.code === "invalid_transition") {
    const status = /record that is ([a-z_]+)/.exec(error.message)?.[1];
    const why = error.message.split(/: /).slice(1).join(": ");
    return {
      message: `That is not possible now${status ? ` for a record that is ${anyStatusLabel(status).toLowerCase()}` : ""}${why ? `: ${why}` : ""}.`,
      fields: {},
      status: 409,
    };
  }
  if (RemitError.isInstance(error) && error.code !== "not_found" && !error.retryable) {
    return { message: error.message, fields: {}, status: 422 };
  }
  throw error;
}

/**
 * {@link formProblemOf} in the shape the back office's form pages take again: the fields to
 * highlight, the sentence on top, and the response status.
 */
export function formStateOf(error: unknown): {
  fields: FieldErrors;
  error: string;
  status: 409 | 422;
} {
  const problem = formProblemOf(error);
  return { fields: problem.fields, error: problem.message, status: problem.status };
}
