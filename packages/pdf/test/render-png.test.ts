import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../src/index";
import {
  findOrInstallPdftoppm,
  pdftoppmInstallTimeoutMs,
} from "./support/find-or-install-pdftoppm";
import { issuedInvoice } from "./support/issued-invoice";

// A picture of page 1 for a person to look at (test-artifacts/, not committed), drawn by poppler's
// pdftoppm, which the test installs where it can and never skips without.
const artifacts = resolve(import.meta.dirname, "../test-artifacts");

describe("page images", () => {
  let pdftoppm: string;
  beforeAll(async () => {
    pdftoppm = await findOrInstallPdftoppm();
  }, pdftoppmInstallTimeoutMs);

  it.each([
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
    execFileSync(pdftoppm, [
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
