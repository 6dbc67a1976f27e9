// One Markdown API reference for every package (typedoc-plugin-markdown + typedoc-vitepress-theme),
// written to api/ before VitePress builds the site, so the local search covers it with the guide.
// A JavaScript config (not typedoc.json) to extend TypeDoc's block tags with `@emits`: the events
// a service call appends, shown beside its `@throws`.
import { OptionDefaults } from "typedoc";

const blockTags = [...OptionDefaults.blockTags, "@emits"];
const shared = {
  excludeInternal: true,
  excludePrivate: true,
  validation: { notExported: false },
  disableGit: true,
  gitRevision: "main",
  sourceLinkTemplate: "https://github.com/remit-dev/remit/blob/{gitRevision}/{path}#L{line}",
  blockTags,
};

/** @type {Partial<import("typedoc").TypeDocOptions> & Record<string, unknown>} */
export default {
  entryPointStrategy: "packages",
  entryPoints: [
    "../packages/core",
    "../packages/testing",
    "../packages/pdf",
    "../packages/e-invoice",
    "../packages/server",
    "../packages/adapter-postgres",
    "../packages/adapter-stripe",
    "../packages/adapter-twilio",
    "../packages/adapter-email",
  ],
  packageOptions: {
    ...shared,
    entryPoints: ["src/index.ts"],
    readme: "none",
    displayBasePath: "../..",
    includeVersion: true,
    // The index of each package by topic (`@group` in the source), topics in this order.
    groupOrder: [
      "Service",
      "Invoices",
      "Invoice math",
      "Money",
      "Customers",
      "Work orders",
      "Quotes",
      "Plans",
      "Tenants",
      "E-invoicing",
      "Events",
      "Outbox worker",
      "Messages",
      "Ports",
      "Store port",
      "Errors",
      "Validation",
      "*",
    ],
  },
  ...shared,
  plugin: ["typedoc-plugin-markdown", "typedoc-vitepress-theme"],
  out: "./api",
  docsRoot: ".",
  readme: "none",
  name: "API reference",
  displayBasePath: "..",
};
