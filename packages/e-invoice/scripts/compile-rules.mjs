// Compiles the official EN 16931 rules (validation/*.xslt, EUPL 1.2) to SaxonJS SEF files and
// keeps them gzipped beside them, so tests load them in a second instead of compiling for a
// minute each. Run again only when the XSLT files are replaced: `npm run compile:rules`.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const xslt3 = require.resolve("xslt3/xslt3.js");

for (const syntax of ["UBL", "CII"]) {
  const xsl = `validation/EN16931-${syntax}-validation.xslt`;
  const sef = `validation/EN16931-${syntax}-validation.sef.json`;
  execFileSync(
    process.execPath,
    [xslt3, `-xsl:${xsl}`, `-export:${sef}`, "-nogo", "-relocate:on", "-ns:##html5"],
    {
      stdio: "inherit",
    },
  );
  writeFileSync(`${sef}.gz`, gzipSync(readFileSync(sef), { level: 9 }));
  rmSync(sef);
  console.log(`compiled ${xsl} -> ${sef}.gz`);
}
