import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../src/index";
import { issuedInvoice } from "./support/issued-invoice";

// A picture of page 1 for a person to look at (test-artifacts/, not committed). It needs poppler's
// pdftoppm, which CI does not install: without it the case is skipped, and the text checks in
// render-invoice-pdf.test.ts still cover the content.
const hasPdftoppm = spawnSync("pdftoppm", ["-v"]).error === undefined;
const artifacts = resolve(import.meta.dirname, "../test-artifacts");

describe("page images", () => {
  it.skipIf(!hasPdftoppm).each([
    ["INR", "en-IN"],
    ["KRW", "ko-KR"],
    ["VND", "vi-VN"],
  ])("png - renders page 1 of a %s invoice (%s) with pdftoppm", async (currency, locale) => {
    const { invoice, tenant } = await issuedInvoice(
      { name: "Contractor & Sons", currency, locale },
      { paid: currency === "INR" ? "1000" : undefined },
    );
    mkdirSync(artifacts, { recursive: true });
    const pdfPath = join(artifacts, `invoice-${currency.toLowerCase()}.pdf`);
    writeFileSync(pdfPath, await renderInvoicePdf({ invoice, tenant }));
    const pngBase = join(artifacts, `invoice-${currency.toLowerCase()}`);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "72",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdfPath,
      pngBase,
    ]);
    const png = readFileSync(`${pngBase}.png`);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
  });
});
