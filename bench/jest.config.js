/** Benchmarks: run with `npm run bench`; they print figures and check budgets, never in `npm test`. */
const base = require('../jest.config.js');

module.exports = {
	...base,
	rootDir: '..',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	reporters: ['default'],
	testTimeout: 300000,
};
