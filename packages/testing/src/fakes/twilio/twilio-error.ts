/** The JSON body of a Twilio REST API error, as Twilio's docs show it. */
export type TwilioErrorBody = {
  code: number;
  message: string;
  more_info: string;
  status: number;
};

/** A Twilio error body: each code has its page under `https://www.twilio.com/docs/errors/`. */
export function twilioError(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
