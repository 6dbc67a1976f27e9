/**
 * Splits SQL text into its statements, each with its own `;`, for sending one at a time. Citus
 * passes DDL on a distributed table to the workers by the text of the command that holds it,
 * and a text of several statements is refused there ("cannot insert multiple commands into a
 * prepared statement"), so a migration that runs after the tables were distributed must reach
 * the server statement by statement.
 *
 * A `;` ends a statement only outside quotes and comments: `'…'` strings (`''` inside), `"…"`
 * identifiers, `$tag$…$tag$` bodies (DO blocks, functions), `-- …` comments and `/* … *\/`
 * comments (which nest). A piece that holds only comments and white space is dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let code = false; // whether the current piece has anything but comments and white space
  let index = 0;
  const finish = (end: number) => {
    if (code) statements.push(sql.slice(start, end).trim());
    start = end;
    code = false;
  };
  while (index < sql.length) {
    const rest = sql.slice(index, index + 2);
    const character = sql[index] as string;
    if (rest === "--") {
      const end = sql.indexOf("\n", index);
      index = end === -1 ? sql.length : end + 1;
    } else if (rest === "/*") {
      index = skipBlockComment(sql, index);
    } else if (character === "'" || character === '"') {
      code = true;
      index = skipQuoted(sql, index, character);
    } else if (character === "$") {
      code = true;
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(index))?.[0];
      if (tag === undefined) {
        index++;
      } else {
        const end = sql.indexOf(tag, index + tag.length);
        if (end === -1) throw new Error(`Unterminated ${tag} quote in SQL`);
        index = end + tag.length;
      }
    } else if (character === ";") {
      index++;
      finish(index);
    } else {
      if (!/\s/.test(character)) code = true;
      index++;
    }
  }
  finish(sql.length);
  return statements;
}

/** The index after a quoted string or identifier that starts at `from` (a doubled quote stays in). */
function skipQuoted(sql: string, from: number, quote: string): number {
  let index = from + 1;
  for (;;) {
    const end = sql.indexOf(quote, index);
    if (end === -1) throw new Error(`Unterminated ${quote} quote in SQL`);
    if (sql[end + 1] !== quote) return end + 1;
    index = end + 2;
  }
}

/** The index after the block comment that starts at `from`; block comments nest. */
function skipBlockComment(sql: string, from: number): number {
  let depth = 0;
  let index = from;
  while (index < sql.length) {
    const pair = sql.slice(index, index + 2);
    if (pair === "/*") {
      depth++;
      index += 2;
    } else if (pair === "*/") {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else {
      index++;
    }
  }
  throw new Error("Unterminated /* comment in SQL");
}
