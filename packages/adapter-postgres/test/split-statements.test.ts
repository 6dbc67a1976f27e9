import { expect, test } from "vitest";
import { splitStatements } from "../src/internal/split-statements";
import { migrations } from "../src/migrations/index";

// `migrate` sends a migration one statement at a time: on tables Citus has distributed, DDL goes
// on to the workers by its text, and a text of several statements is refused there.

test("splitStatements - a ; inside strings, identifiers, dollar quotes and comments ends nothing", () => {
  const sql = `
-- a comment; with a semicolon and a 'quote
CREATE TABLE s."a;b" (note text DEFAULT 'it''s; fine');
/* a block; /* nested; */ comment */ INSERT INTO s.t VALUES ('x');
DO $remit$
BEGIN
  EXECUTE 'CREATE INDEX i ON s.t (a)'; -- inside the body
  RAISE NOTICE '%', $$;$$;
END
$remit$;
SELECT $1::text;
-- nothing after this
`;
  expect(splitStatements(sql)).toEqual([
    `-- a comment; with a semicolon and a 'quote\nCREATE TABLE s."a;b" (note text DEFAULT 'it''s; fine');`,
    "/* a block; /* nested; */ comment */ INSERT INTO s.t VALUES ('x');",
    `DO $remit$\nBEGIN\n  EXECUTE 'CREATE INDEX i ON s.t (a)'; -- inside the body\n  RAISE NOTICE '%', $$;$$;\nEND\n$remit$;`,
    "SELECT $1::text;",
  ]);
  expect(splitStatements("SELECT 1")).toEqual(["SELECT 1"]);
  expect(() => splitStatements("DO $x$ BEGIN")).toThrow(/Unterminated/);
});

test("splitStatements - every migration splits into statements that add up to it", () => {
  for (const migration of migrations) {
    const sql = migration.sql('"remit"');
    const statements = splitStatements(sql);
    expect(statements.length).toBeGreaterThan(0);
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    expect(squeeze(statements.join(""))).toBe(squeeze(sql));
    for (const statement of statements) expect(statement.endsWith(";")).toBe(true);
  }
});
