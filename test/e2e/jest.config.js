// The end-to-end suite: a real n8n (installed into the cache on first use) with the packed pack,
// against the vendor sandbox. Run with `npm run test:e2e` (Node 24, native ESM test files).
const e2eJestConfig = require('../support/e2eJestConfig');

// One n8n and one sandbox serve every file, one file at a time.
module.exports = e2eJestConfig('e2e', {
	globalSetup: '<rootDir>/test/e2e/global-setup.mjs',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.mjs',
	testTimeout: 240000,
	slowTestThreshold: 60,
});
