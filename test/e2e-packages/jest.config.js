// The per-vendor packages in a real n8n (2.41.1): each vendor package installed alone into a fresh
// n8n user folder, then all five beside the all-in-one pack. One file, one sandbox, one n8n at a
// time. Run with `npm run test:e2e-packages` (Node 24, native ESM test files).
module.exports = require('../support/e2eJestConfig')('e2e-packages');
