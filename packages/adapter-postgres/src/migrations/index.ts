import { initialSchema } from "./0001-initial-schema";

/** A schema change: applied once, in `version` order, inside the migrating transaction. */
export type Migration = {
  version: number;
  name: string;
  /** The SQL, given the quoted schema name. */
  sql: (schema: string) => string;
};

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "initial-schema", sql: initialSchema },
];
