// The per-vendor packages in a real n8n (2.41.1): each vendor package installed alone into a fresh
// n8n user folder, then all five beside the all-in-one pack. One file, one sandbox, one n8n at a
// time. Run with `npm run test:e2e-packages` (Node 24, native ESM test files).
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	roots: ['<rootDir>/test/e2e-packages'],
	testMatch: ['**/*.e2e.test.mjs'],
	moduleFileExtensions: ['mjs', 'js', 'json'],
	transform: {},
	testEnvironment: 'node',
	maxWorkers: 1,
	testTimeout: 360000,
	slowTestThreshold: 120,
	verbose: true,
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
