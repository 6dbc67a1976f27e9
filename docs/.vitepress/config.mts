import { defineConfig } from "vitepress";

export default defineConfig({
  title: "Remit",
  description: "Invoicing and getting paid for field-service work orders, as a TypeScript SDK",
  cleanUrls: true,
  ignoreDeadLinks: [/^\/api\//],
  themeConfig: {
    nav: [
      { text: "Guide", link: "/guide/quick-start" },
      { text: "REST API", link: "/reference/rest-api" },
      { text: "API reference", link: "/api/core/index.html", target: "_self" },
    ],
    sidebar: [
      {
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
      },
      {
        text: "Reference",
        items: [{ text: "REST API (OpenAPI)", link: "/reference/rest-api" }],
      },
    ],
  },
});
