// The queue-mode suite: n8n main + 2 workers on a private Postgres and Redis, the pack installed in
// their shared user folder, against the vendor sandbox; and `npm start` itself (ports, signals).
// Run with `npm run test:e2e-queue` (Node 24, native ESM test files), after the e2e suite.
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['**/*.e2e.test.mjs'],
	moduleFileExtensions: ['mjs', 'js', 'json'],
	transform: {},
	testEnvironment: 'node',
	// Each file starts what it needs; one file at a time on a small machine.
	maxWorkers: 1,
	testTimeout: 360000,
	slowTestThreshold: 120,
	verbose: true,
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
