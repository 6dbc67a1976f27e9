import type { TenantBranding } from "@remit/core";

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
body{font-family:system-ui,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem;color:#1d2733}
h1,h2{color:var(--remit-primary)}a{color:var(--remit-accent)}
header{display:flex;align-items:center;gap:1rem}header img{max-height:4rem;max-width:12rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{padding:.35rem .6rem;border-bottom:1px solid #dde3ea;text-align:left;vertical-align:top}
.status{font-size:.8rem;padding:.1rem .5rem;border-radius:1rem;background:#eef2f6;white-space:nowrap}.num{text-align:right}
.muted{color:#5b6775}.pay{padding:1rem;border:1px solid #c9d1da;border-radius:.5rem}
.notice{padding:.6rem 1rem;border-radius:.4rem;background:#e6f4ea}.error{padding:.6rem 1rem;border-radius:.4rem;background:#fdecea;color:#8a1c12}
button{font:inherit;padding:.5rem 1rem;cursor:pointer;background:var(--remit-primary);color:#fff;border:0;border-radius:.4rem}`;
}
