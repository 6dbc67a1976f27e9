/** An answer in Stripe's error shape: `{ error: { type, code, message, param } }`. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      type: "invalid_request_error" | "api_error" | "card_error" | "idempotency_error";
      code?: string;
      message: string;
      param?: string;
      decline_code?: string;
    },
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export function missing(kind: string, id: string, param = "id"): FakeStripeError {
  return new FakeStripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

export function invalid(message: string, param?: string, code?: string): FakeStripeError {
  return new FakeStripeError(400, {
    type: "invalid_request_error",
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });
}
