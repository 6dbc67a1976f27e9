import { existsSync, readFileSync } from "node:fs";
import type { DefaultTheme } from "vitepress";
import { withMermaid } from "vitepress-plugin-mermaid";

// Placeholder until the project has a public home; the same URL is in typedoc.json's source links.
const repository = "https://github.com/remit-dev/remit";

// The API reference is Markdown that typedoc writes into api/ before the site builds (see
// typedoc.json), so the local search indexes it with the guide. Its sidebar comes with it.
const apiSidebarFile = new URL("../api/typedoc-sidebar.json", import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? JSON.parse(readFileSync(apiSidebarFile, "utf8"))
  : [];

// The guide in reading order: what Remit is, a first paid invoice, the concepts, then the pieces
// of a production app, ending with running it.
const guide: DefaultTheme.SidebarItem[] = [
  {
    text: "Start",
    items: [
      { text: "What is Remit", link: "/guide/what-is-remit" },
      { text: "Quick start", link: "/guide/quick-start" },
    ],
  },
  {
    text: "Concepts",
    items: [
      { text: "The invoice lifecycle", link: "/guide/lifecycle" },
      { text: "Work orders and quotes", link: "/guide/work-orders" },
      { text: "Billing at volume", link: "/guide/billing-at-volume" },
      { text: "Aging and statements", link: "/guide/reports" },
      { text: "Invoice math", link: "/guide/invoice-math" },
    ],
  },
  {
    text: "Your app",
    items: [
      { text: "PostgreSQL and PGlite", link: "/guide/postgres" },
      { text: "Sending by email and text", link: "/guide/sending" },
      { text: "Getting paid with Stripe", link: "/guide/stripe" },
      { text: "E-invoices (EN 16931)", link: "/guide/e-invoices" },
      { text: "Mount Remit in your app", link: "/guide/mount" },
      { text: "Adapters: use one, write one", link: "/guide/adapters" },
      { text: "The example server", link: "/guide/example-server" },
      { text: "Back office and customer page", link: "/guide/back-office" },
    ],
  },
  {
    text: "Production",
    items: [
      { text: "Deploy and operate", link: "/guide/deploy" },
      { text: "Security notes", link: "/guide/security" },
    ],
  },
];

const reference: DefaultTheme.SidebarItem = {
  text: "Reference",
  items: [
    { text: "API reference (all packages)", link: "/api/" },
    { text: "REST API (OpenAPI)", link: "/reference/rest-api" },
  ],
};

// Test markers in the guide's samples are for examples/node-hono's docs-samples test, not for
// readers: a first line `// compile-only` is dropped, and `// "value"` after a console.log (what
// the test checks it prints) reads `// → value`. The copy button copies what is shown.
const printed = /^(.*console\.log\(.*\);)\s*\/\/\s*"(.*)"\s*$/;
export function hideTestMarkers(code: string): string {
  return code
    .replace(/^\/\/ compile-only\n/, "")
    .split("\n")
    .map((line) => line.replace(printed, (_match, call, value) => `${call} // → ${value}`))
    .join("\n");
}

export default withMermaid({
  title: "Remit",
  description: "Invoicing and getting paid for field-service work orders, as a TypeScript SDK",
  cleanUrls: true,
  markdown: {
    config(md) {
      const fence = md.renderer.rules.fence;
      if (!fence) return;
      md.renderer.rules.fence = (tokens, index, options, env, self) => {
        const token = tokens[index];
        if (token && /^(ts|typescript)\b/.test(token.info))
          token.content = hideTestMarkers(token.content);
        return fence(tokens, index, options, env, self);
      };
    },
  },
  // Mermaid diagrams (the lifecycles) are drawn in the browser by the bundled mermaid: no network.
  mermaid: { securityLevel: "strict" },
  head: [["link", { rel: "icon", type: "image/svg+xml", href: "/logo.svg" }]],
  // Generated reference pages have no Markdown source to edit: their own "Defined in" links go to
  // the code.
  transformPageData(pageData) {
    if (pageData.relativePath.startsWith("api/")) pageData.frontmatter.editLink = false;
  },
  themeConfig: {
    logo: "/logo.svg",
    search: { provider: "local" },
    socialLinks: [{ icon: "github", link: repository }],
    editLink: {
      pattern: `${repository}/edit/main/docs/:path`,
      text: "Edit this page",
    },
    nav: [
      { text: "Guide", link: "/guide/what-is-remit", activeMatch: "^/guide/" },
      { text: "API reference", link: "/api/", activeMatch: "^/api/" },
      { text: "REST API", link: "/reference/rest-api", activeMatch: "^/reference/" },
    ],
    sidebar: {
      "/guide/": [...guide, reference],
      "/reference/": [...guide, reference],
      "/api/": [
        { text: "← Back to the guide", link: "/guide/what-is-remit" },
        { text: "API reference", link: "/api/", items: apiSidebar },
      ],
    },
  },
});
