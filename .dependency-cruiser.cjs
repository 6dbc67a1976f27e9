// The import rules `npm run lint` checks with dependency-cruiser, on every import (type-only ones
// too). Core's folder layering is in .dependency-cruiser.layers.cjs. Why each rule exists is in its
// comment.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle-between-modules",
      comment: "Module cycles make load order matter and hide the layering.",
      severity: "error",
      from: { path: "^packages/" },
      to: { circular: true },
    },
    {
      name: "core-imports-no-adapter",
      comment:
        "Core defines the ports; adapters implement them. Core's source never imports an adapter " +
        "(its tests use @remit/testing's memory store through its entry point).",
      severity: "error",
      from: { path: "^packages/core/src/" },
      to: { path: "^packages/(adapter-[^/]+|testing|pdf)/" },
    },
    {
      name: "core-src-is-pure",
      comment: "Core's source does no I/O: no node: built-ins (house style §1).",
      severity: "error",
      from: { path: "^packages/core/src/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "packages-meet-through-entry-points",
      comment:
        "A package's source imports another package only by its name (its exports map), never a " +
        "file inside it: what the other package does not export is its own business.",
      severity: "error",
      from: { path: "^packages/([^/]+)/src/" },
      to: { path: "^packages/([^/]+)/", pathNot: ["^packages/$1/", "/dist/"] },
    },
    {
      name: "tests-use-no-other-package-src",
      comment:
        "Tests and benches run a package against its neighbours as users get them (built, through " +
        "their entry points), so a test never reaches into another package's src.",
      severity: "error",
      from: { path: "^(packages|examples)/([^/]+)/(test|bench)/" },
      to: { path: "^packages/([^/]+)/src/", pathNot: "^packages/$2/src/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "/dist/"] },
    exclude: { path: ["node_modules", "/dist/", "^docs/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types"],
    },
  },
};
