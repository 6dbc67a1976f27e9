import type { PGliteLike } from "../client-types";
import { createRunner, type SqlClient } from "./sql-runner";
import { toStoreError } from "./to-store-error";

/**
 * The store's query path on PGlite. PGlite runs one query at a time by itself, and has no timers to
 * enforce a statement or idle timeout with (it is one session inside this process), so it takes
 * no limits.
 */
export function createPGliteSqlClient(client: PGliteLike): SqlClient {
  return {
    ...createRunner(
      (text, params) => client.query(text, params),
      (text) => client.exec(text),
    ),
    multiProcess: false,
    async transaction(work) {
      // PGlite runs BEGIN, rolls back when the callback throws and rethrows that very error.
      // Queries inside go through the runner, so backend errors are already translated; a
      // failure of BEGIN or COMMIT itself is translated here.
      let workFailed = false;
      try {
        return await client.transaction(async (transaction) => {
          try {
            return await work(
              createRunner(
                (text, params) => transaction.query(text, params),
                (text) => transaction.exec(text),
              ),
            );
          } catch (error) {
            workFailed = true;
            throw error;
          }
        });
      } catch (error) {
        if (workFailed) throw error;
        throw toStoreError(error);
      }
    },
  };
}
