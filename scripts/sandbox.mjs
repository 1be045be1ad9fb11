#!/usr/bin/env node
// `npm run sandbox [-- --port 4010 --host 127.0.0.1 --seed]`: compiles sandbox/ into the git-ignored
// .build/ folder with the project's own TypeScript, then starts it. Needs nothing beyond `npm ci`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const compiled = spawnSync(
	process.execPath,
	[tsc, '-p', path.join(repoRoot, 'sandbox', 'tsconfig.json')],
	{
		cwd: repoRoot,
		stdio: 'inherit',
	},
);
if (compiled.status !== 0) {
	console.error('[sandbox] the sandbox does not compile; see the errors above');
	process.exit(compiled.status ?? 1);
}

const { main } = require(path.join(repoRoot, '.build', 'sandbox', 'cli.js'));
await main(process.argv.slice(2));
