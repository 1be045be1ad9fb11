#!/usr/bin/env node
// Runs the benchmarks in bench/ (jest with bench/jest.config.js) and prints their figures.
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths.mjs';

const r = spawnSync('npx', ['jest', '--config', 'bench/jest.config.js', '--runInBand', ...process.argv.slice(2)], {
	cwd: repoRoot,
	stdio: 'inherit',
});
process.exit(r.status ?? 1);
