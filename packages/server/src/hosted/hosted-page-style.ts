import type { TenantBranding } from "@remit/core";
import { statusBadgeStyles } from "./status-badge";

const hexColor = /^#[0-9a-fA-F]{6}$/;

// Core's schema allows only #rrggbb; checked again here because the value lands inside <style>,
// where escaping HTML would not stop CSS from being injected.
const colorOr = (color: string | undefined, fallback: string) =>
  color && hexColor.test(color) ? color : fallback;

/** The hosted page's stylesheet, in the tenant's colors (Remit's own where it has none). */
export function hostedPageStyle(branding: TenantBranding | undefined): string {
  const primary = colorOr(branding?.primaryColor, "#1d2733");
  const accent = colorOr(branding?.accentColor, "#1d4ed8");
  return `:root{--remit-primary:${primary};--remit-accent:${accent}}
body{font-family:system-ui,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem;color:#1d2733;line-height:1.45}
h1,h2{color:var(--remit-primary)}h1{display:flex;flex-wrap:wrap;align-items:center;gap:.6rem}h2{font-size:1rem;margin:.2rem 0}a{color:var(--remit-accent)}
header{display:flex;align-items:center;gap:1rem;border-bottom:1px solid #dde3ea;padding-bottom:.75rem}header img{max-height:4rem;max-width:12rem}header p{margin:.1rem 0}.from{font-weight:600;font-size:1.1rem}
.parties{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem}.facts{margin:0}.facts div{display:flex;gap:1rem;justify-content:space-between}.facts dt{color:#4b5563}.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{padding:.35rem .6rem;border-bottom:1px solid #dde3ea;text-align:left;vertical-align:top}
.totals{width:auto;min-width:18rem;margin-left:auto}.totals th{font-weight:400}.totals .sum th,.totals .sum td{font-weight:700;border-top:2px solid #1d2733}
.status{font-size:.8rem;font-weight:600;padding:.15rem .6rem;border-radius:1rem;background:#eef2f6;white-space:nowrap}${statusBadgeStyles}.num{text-align:right;white-space:nowrap}
.muted{color:#4b5563}.pay{padding:1rem;border:1px solid #c9d1da;border-radius:.5rem}.memo{white-space:pre-line}
.notice{padding:.6rem 1rem;border-radius:.4rem;background:#e6f4ea}.error{padding:.6rem 1rem;border-radius:.4rem;background:#fdecea;color:#8a1c12}
button{font:inherit;padding:.5rem 1rem;cursor:pointer;background:var(--remit-primary);color:#fff;border:0;border-radius:.4rem}
@media (max-width:30rem){body{font-size:.9rem}td,th{padding:.3rem .25rem}}`;
}
