import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import SaxonJS from "saxon-js";

/** One failed assertion of the official rules, from the SVRL report. */
export type FailedAssert = { id: string; flag: string; location: string; text: string };

const stylesheets = new Map<"UBL" | "CII", unknown>();

/**
 * The CEN rules (EN 16931, compiled from Schematron to XSLT, EUPL 1.2) as SaxonJS SEF files,
 * compiled once by `npm run compile:rules` and kept gzipped in `validation/`; loaded once a worker.
 */
function stylesheet(syntax: "UBL" | "CII"): unknown {
  let sef = stylesheets.get(syntax);
  if (!sef) {
    const path = new URL(
      `../../validation/EN16931-${syntax}-validation.sef.json.gz`,
      import.meta.url,
    );
    sef = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8"));
    stylesheets.set(syntax, sef);
  }
  return sef;
}

function decode(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

/** Runs the official EN 16931 rules over `xml` and returns every failed assertion. */
export function validateEn16931(syntax: "UBL" | "CII", xml: string): FailedAssert[] {
  const result = SaxonJS.transform(
    { stylesheetInternal: stylesheet(syntax), sourceText: xml, destination: "serialized" },
    "sync",
  ) as { principalResult: string };
  const report = result.principalResult;
  const failed: FailedAssert[] = [];
  for (const match of report.matchAll(
    /<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g,
  )) {
    const attributes = match[1] ?? "";
    const attribute = (name: string) =>
      decode(new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? "");
    const text = decode(/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2] ?? "")?.[1] ?? "");
    failed.push({
      id: attribute("id"),
      flag: attribute("flag"),
      location: attribute("location"),
      text,
    });
  }
  return failed;
}

/** Only the fatal ones: a valid EN 16931 invoice has none. */
export function fatalAsserts(syntax: "UBL" | "CII", xml: string): FailedAssert[] {
  return validateEn16931(syntax, xml).filter((assert) => assert.flag === "fatal");
}
