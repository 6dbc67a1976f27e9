import { describeConformance } from "./support/conformance-wiring";

// The same wiring runs on a Citus coordinator in `npm run test:citus` (test/citus/), and with
// every statement recorded in test/tenant-statements.test.ts.
describeConformance("pglite", "pglite");
describeConformance("postgres", "postgres");
