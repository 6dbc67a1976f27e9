import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

/** A message the server accepted, as mailparser reads it back, with the SMTP envelope. */
export type ReceivedMail = ParsedMail & { envelopeTo: string[]; envelopeFrom: string };

/** How the server answers the next message's DATA. */
export type SinkAnswer =
  | "accept"
  /** `451 4.3.0 Try again later`: a temporary refusal. */
  | "refuse_temporary"
  /** `550 5.1.1 Mailbox unavailable`: a permanent refusal. */
  | "refuse_permanent"
  /** Keep the message, then drop the connection before replying (the client cannot know). */
  | "drop";

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every accepted message,
 * parsed by `mailparser`. Answers can be scripted to refuse for a while.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const answers: SinkAnswer[] = [];
  const attempts: SinkAnswer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const answer = answers.shift() ?? "accept";
      attempts.push(answer);
      simpleParser(stream).then(
        (mail) => {
          if (answer === "refuse_temporary") {
            callback(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 }));
            return;
          }
          if (answer === "refuse_permanent") {
            callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
            return;
          }
          received.push(
            Object.assign(mail, {
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            }),
          );
          if (answer === "drop") {
            // Took the message, then the connection died before the 250 reached the client.
            for (const connection of server.connections) {
              if (connection.id === session.id) connection._socket.destroy();
            }
            return;
          }
          callback(null, "Queued as sink");
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    received,
    attempts,
    /** Scripts the answers to the next messages, in order; after them, messages are accepted. */
    answerNext(...next: SinkAnswer[]) {
      answers.push(...next);
    },
    /** A nodemailer transport to this server (one connection per message, no TLS on loopback). */
    transport() {
      return nodemailer.createTransport({
        host: "127.0.0.1",
        port,
        secure: false,
        ignoreTLS: true,
        connectionTimeout: 2_000,
        greetingTimeout: 2_000,
        socketTimeout: 2_000,
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
