import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrate } from "../../src/index";

/**
 * PGlite's first start runs initdb in WASM, which takes seconds; loading a dumped data folder takes
 * a fraction of that. The global setup dumps two once (blank, and migrated to the latest schema)
 * and every test file loads its PGlite from one of them.
 */
export async function preparePGlite(): Promise<{
  blank: string;
  migrated: string;
  remove(): Promise<void>;
}> {
  const folder = await mkdtemp(join(tmpdir(), "remit-pglite-"));
  const db = await PGlite.create();
  const blank = join(folder, "blank.tar");
  await writeFile(blank, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
  await migrate(db);
  const migrated = join(folder, "migrated.tar");
  await writeFile(migrated, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
  await db.close();
  return { blank, migrated, remove: () => rm(folder, { recursive: true, force: true }) };
}
