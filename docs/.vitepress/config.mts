import { existsSync, readFileSync } from "node:fs";
import { type DefaultTheme, defineConfig } from "vitepress";

// Placeholder until the project has a public home; the same URL is in typedoc.json's source links.
const repository = "https://github.com/remit-dev/remit";

// The API reference is Markdown that typedoc writes into api/ before the site builds (see
// typedoc.json), so the local search indexes it with the guide. Its sidebar comes with it.
const apiSidebarFile = new URL("../api/typedoc-sidebar.json", import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? JSON.parse(readFileSync(apiSidebarFile, "utf8"))
  : [];

const guide: DefaultTheme.SidebarItem = {
  text: "Guide",
  items: [
    { text: "Quick start", link: "/guide/quick-start" },
    { text: "Invoice math", link: "/guide/invoice-math" },
    { text: "The invoice lifecycle", link: "/guide/lifecycle" },
    { text: "Work orders and quotes", link: "/guide/work-orders" },
    { text: "Sending by email and text", link: "/guide/sending" },
    { text: "Getting paid with Stripe", link: "/guide/stripe" },
    { text: "PostgreSQL and PGlite", link: "/guide/postgres" },
    { text: "Mount Remit in your app", link: "/guide/mount" },
    { text: "The example server", link: "/guide/example-server" },
    { text: "Write your own adapter", link: "/guide/adapters" },
    { text: "Security notes", link: "/guide/security" },
  ],
};

const reference: DefaultTheme.SidebarItem = {
  text: "Reference",
  items: [
    { text: "API reference (all packages)", link: "/api/" },
    { text: "REST API (OpenAPI)", link: "/reference/rest-api" },
  ],
};

export default defineConfig({
  title: "Remit",
  description: "Invoicing and getting paid for field-service work orders, as a TypeScript SDK",
  cleanUrls: true,
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
      { text: "Guide", link: "/guide/quick-start", activeMatch: "^/guide/" },
      { text: "API reference", link: "/api/", activeMatch: "^/api/" },
      { text: "REST API", link: "/reference/rest-api", activeMatch: "^/reference/" },
    ],
    sidebar: {
      "/guide/": [guide, reference],
      "/reference/": [guide, reference],
      "/api/": [
        { text: "← Back to the guide", link: "/guide/quick-start" },
        { text: "API reference", link: "/api/", items: apiSidebar },
      ],
    },
  },
});
