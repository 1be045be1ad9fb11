// The settings the real-n8n suites (e2e, e2e-queue, e2e-packages) share: native ESM test files,
// one file at a time on a small machine, the summary reporter.
const path = require('path');

/** @returns {import('jest').Config} */
module.exports = function e2eJestConfig(folder, settings) {
	return {
		rootDir: path.resolve(__dirname, '../..'),
		roots: [`<rootDir>/test/${folder}`],
		testMatch: ['**/*.e2e.test.mjs'],
		moduleFileExtensions: ['mjs', 'js', 'json'],
		transform: {},
		testEnvironment: 'node',
		maxWorkers: 1,
		testTimeout: 360000,
		slowTestThreshold: 120,
		verbose: true,
		reporters: ['default', '<rootDir>/test/summary-reporter.js'],
		...settings,
	};
};
