// Checks every GitHub Actions workflow (.github/workflows/*.yml) against GitHub's workflow schema
// with action-validator (from the npm registry, WebAssembly: nothing downloaded at run time).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const dir = path.join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
if (files.length === 0) {
	console.error(`lint:workflows: no workflow files in ${dir}`);
	process.exit(1);
}
const validator = path.join(repoRoot, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
let failed = 0;
for (const file of files) {
	const result = spawnSync(process.execPath, [validator, path.join(dir, file)], {
		encoding: 'utf8',
	});
	if (result.status === 0) {
		console.log(`lint:workflows: .github/workflows/${file} ok`);
		continue;
	}
	failed++;
	console.error(
		`lint:workflows: .github/workflows/${file} is not a valid workflow:\n${result.stdout}${result.stderr}`,
	);
}
process.exit(failed ? 1 : 0);
