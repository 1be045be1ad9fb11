// The end-to-end suite: a real n8n (installed into the cache on first use) with the packed pack,
// against the vendor sandbox. Run with `npm run test:e2e` (Node 24, native ESM test files).
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.mjs'],
	moduleFileExtensions: ['mjs', 'js', 'json'],
	transform: {},
	testEnvironment: 'node',
	globalSetup: '<rootDir>/test/e2e/global-setup.mjs',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.mjs',
	// One n8n and one sandbox serve every file, one file at a time.
	maxWorkers: 1,
	testTimeout: 240000,
	slowTestThreshold: 60,
	verbose: true,
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
