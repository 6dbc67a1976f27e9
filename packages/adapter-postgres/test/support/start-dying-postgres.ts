import { createServer, type Socket } from "node:net";

/** A loopback server that greets every connection like PostgreSQL, then ends it at once. */
export type DyingPostgres = {
  port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Resolves once every accepted connection is closed on both sides. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
};

function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};

const text = (value: string) => Buffer.from(`${value}\0`, "utf8");

/**
 * What a server says to a brand-new session that `pg_terminate_backend` (or a failover) ends right
 * after its start: AuthenticationOk, a ParameterStatus, BackendKeyData, ReadyForQuery, then a FATAL
 * ErrorResponse with SQLSTATE 57P01. Sent as ONE write, so the client reads "ready" and the error
 * in the same socket read.
 */
const readyThenTerminated = Buffer.concat([
  message("R", int32(0)),
  message("S", text("server_version"), text("18.0")),
  message("K", int32(4242), int32(7)),
  message("Z", Buffer.from("I", "latin1")),
  message(
    "E",
    Buffer.from("S", "latin1"),
    text("FATAL"),
    Buffer.from("V", "latin1"),
    text("FATAL"),
    Buffer.from("C", "latin1"),
    text("57P01"),
    Buffer.from("M", "latin1"),
    text("terminating connection due to administrator command"),
    Buffer.from([0]),
  ),
]);

/** The SSLRequest code: a client that asks for TLS gets "N" and then sends its startup message. */
const sslRequestCode = 80877103;

/**
 * Starts a tiny PostgreSQL impostor on 127.0.0.1 that reads each client's startup message and
 * answers with `readyThenTerminated`, then closes the socket.
 */
export async function startDyingPostgres(): Promise<DyingPostgres> {
  const sockets = new Set<Socket>();
  const closings: Promise<void>[] = [];
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    closings.push(new Promise((resolve) => socket.once("close", () => resolve())));
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined); // the client may reset the connection
    let received = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      while (received.length >= 8) {
        const length = received.readInt32BE(0);
        if (received.length < length) return;
        const code = received.readInt32BE(4);
        received = received.subarray(length);
        if (code === sslRequestCode) {
          socket.write("N");
          continue;
        }
        socket.end(readyThenTerminated);
        return;
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return {
    port: address.port,
    get accepted() {
      return accepted;
    },
    async allClosed() {
      await Promise.all(closings);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
