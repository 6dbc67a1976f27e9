// Each status's colors (background, text): distinct, and readable (contrast above 4.5:1).
const statusColors: Record<string, readonly [string, string]> = {
  "invoice-pending_action": ["#fef3c7", "#854d0e"],
  "invoice-pending_review": ["#ede9fe", "#5b21b6"],
  "invoice-pending_payment": ["#dbeafe", "#1e40af"],
  "invoice-past_due": ["#fee2e2", "#991b1b"],
  "invoice-paid": ["#dcfce7", "#166534"],
  "invoice-cancelled": ["#e5e7eb", "#374151"],
  "invoice-uncollectible": ["#fae8ff", "#86198f"],
  "other-open": ["#e0f2fe", "#075985"],
  "other-scheduled": ["#ede9fe", "#5b21b6"],
  "other-in_progress": ["#fef3c7", "#854d0e"],
  "other-complete_invoice_needed": ["#ffedd5", "#9a3412"],
  "other-invoiced": ["#dcfce7", "#166534"],
  "other-cancelled": ["#e5e7eb", "#374151"],
  "other-draft": ["#fef3c7", "#854d0e"],
  "other-sent": ["#dbeafe", "#1e40af"],
  "other-approved": ["#dcfce7", "#166534"],
  "other-declined": ["#fee2e2", "#991b1b"],
  "other-expired": ["#e5e7eb", "#374151"],
  "other-failed": ["#fee2e2", "#991b1b"],
  "other-delivered": ["#dcfce7", "#166534"],
  "other-succeeded": ["#dcfce7", "#166534"],
  "other-active": ["#dcfce7", "#166534"],
  "other-paused": ["#fef3c7", "#854d0e"],
  "other-ended": ["#e5e7eb", "#374151"],
};

/** The back office's only styles: the Content-Security-Policy allows them by their hash. */
export const backOfficeStyles = `
body{font-family:system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:0 1rem 2rem;color:#1d2733;line-height:1.45}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.4rem;z-index:2}
nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:.75rem 0;margin-bottom:1rem;border-bottom:1px solid #dde3ea}nav a{font-weight:600;color:#1d2733}nav a[aria-current=page]{color:#1d4ed8;text-decoration:underline}
a{color:#1d4ed8}h1{font-size:1.6rem;display:flex;flex-wrap:wrap;align-items:center;gap:.6rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{padding:.4rem .6rem;border-bottom:1px solid #dde3ea;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}.num{text-align:right;white-space:nowrap}
.totals{width:auto;min-width:18rem;margin-left:auto}.totals th{font-weight:400}.totals .sum th,.totals .sum td{font-weight:700;border-top:2px solid #1d2733}
.status{font-size:.8rem;font-weight:600;padding:.15rem .6rem;border-radius:1rem;background:#eef2f6;color:#1d2733;white-space:nowrap}
${Object.entries(statusColors)
  .map(([name, [background, color]]) => `.${name}{background:${background};color:${color}}`)
  .join("")}
.notice{padding:.6rem 1rem;border-radius:.4rem;background:#e6f4ea;color:#14532d}.error{padding:.6rem 1rem;border-radius:.4rem;background:#fdecea;color:#8a1c12}
.warning{padding:.6rem 1rem;border-radius:.4rem;background:#fef3c7;color:#713f12}
.field-error{color:#b42318;font-size:.9rem;margin:.15rem 0 0}[aria-invalid=true]{border:2px solid #b42318;background:#fff5f5}
tr.row-error td{background:#fff5f5}
form.inline{display:inline}fieldset{border:1px solid #dde3ea;border-radius:.4rem;margin:.75rem 0;padding:.5rem .9rem}
label{display:block;margin:.35rem 0}label.check{display:inline-flex;gap:.35rem;align-items:center;margin-right:1rem}
input,textarea,button,select{font:inherit}input[type=text],input[type=email],input[type=tel],input[type=date],input[type=search],select,textarea{width:100%;max-width:32rem;box-sizing:border-box;padding:.3rem .4rem;border:1px solid #8a96a3;border-radius:.3rem}
.lines input[type=text]{max-width:none}
button,.button{display:inline-block;padding:.4rem .9rem;cursor:pointer;border-radius:.4rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#1d4ed8}button.danger{background:#fff;color:#b42318;border-color:#b42318}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.facts{margin:.5rem 0}.facts div{display:flex;gap:1rem}.facts dt{color:#4b5563;min-width:7rem}.facts dd{margin:0}
.muted{color:#4b5563}.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.75rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:1rem;margin:1rem 0}
.card{border:1px solid #dde3ea;border-radius:.5rem;padding:.9rem 1rem}.card strong{display:block;font-size:1.5rem}
.filters{display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:.5rem 0}.empty{padding:1.5rem;text-align:center;color:#4b5563;border:1px dashed #c9d1da;border-radius:.5rem}
.test-mode{background:#fef3c7;color:#713f12;border:2px dashed #b45309;padding:.6rem 1rem;border-radius:.4rem;font-weight:600}
nav .who{margin-left:auto;display:flex;gap:.5rem;align-items:baseline}.narrow{max-width:24rem}input[type=password]{width:100%;box-sizing:border-box;padding:.3rem .4rem;border:1px solid #8a96a3;border-radius:.3rem}
input.w8{width:8rem}input.w16{width:16rem}th.w50{width:50%}
@media (max-width:40rem){td,th{padding:.35rem .3rem}h1{font-size:1.3rem}}
`;
