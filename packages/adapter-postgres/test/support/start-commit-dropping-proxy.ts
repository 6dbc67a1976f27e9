import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 in front of a real PostgreSQL. Armed, it passes the next COMMIT on to
 * the server and then cuts both sides of that connection before the answer can come back: the
 * client loses its connection during COMMIT, while the server may well have committed. `dropped`
 * resolves when it has cut one.
 */
export async function startCommitDroppingProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let armed = false;
  let onDropped: () => void = () => {};
  let dropped = new Promise<void>((resolve) => {
    onDropped = resolve;
  });
  // A simple-protocol Query message ('Q', length, text) whose text is COMMIT.
  const commitQuery = Buffer.concat([Buffer.from("Q"), Buffer.alloc(4), Buffer.from("COMMIT\0")]);
  commitQuery.writeInt32BE(4 + "COMMIT\0".length, 1);

  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", cut).on("close", cut);
    upstream.on("error", cut).on("close", cut);
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("data", (chunk) => {
      if (armed && chunk.includes(commitQuery)) {
        armed = false;
        upstream.write(chunk, () => {
          // Give the server the whole COMMIT, then cut: whatever it does, the answer is lost.
          upstream.end();
          client.destroy();
          onDropped();
        });
        return;
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("proxy has no port");
  return {
    port: address.port,
    /** Cut the connection of the next COMMIT that passes. */
    dropNextCommit() {
      armed = true;
      dropped = new Promise<void>((resolve) => {
        onDropped = resolve;
      });
      return dropped;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
