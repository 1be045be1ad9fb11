// The queue-mode suite: n8n main + 2 workers on a private Postgres and Redis, the pack installed in
// their shared user folder, against the vendor sandbox; and `npm start` itself (ports, signals).
// Run with `npm run test:e2e-queue` (Node 24, native ESM test files), after the e2e suite.
// Each file starts what it needs.
module.exports = require('../support/e2eJestConfig')('e2e-queue');
