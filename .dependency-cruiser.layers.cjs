// Core's folders form layers, checked by `npm run lint` (dependency-cruiser): the move machinery
// (service/) imports no feature, api/ binds features to the service, and no two folders import each
// other in a loop at run time. Type-only imports are left out on purpose: the ports name the record
// types of the features that use them (dependency inversion), which is no load-order loop; module
// cycles of any kind are refused by .dependency-cruiser.cjs.
const base = require("./.dependency-cruiser.cjs");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle-between-core-folders",
      comment:
        "A run-time import loop between core's folders means a file sits in the wrong folder.",
      severity: "error",
      scope: "folder",
      from: { path: "^packages/core/src/" },
      to: { path: "^packages/core/src/", circular: true },
    },
    {
      name: "service-imports-no-feature",
      comment:
        "service/ is the machinery every feature uses (declaring and running moves); it imports no " +
        "feature's moves, reads or api, so features can import it without a loop.",
      severity: "error",
      from: { path: "^packages/core/src/service/" },
      to: { path: "^packages/core/src/(api|[^/]+/(moves|reads))/" },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
