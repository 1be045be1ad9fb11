// Runs the e2e suite once per n8n version: FULFILLMENT_E2E_VERSIONS (comma-separated versions, or
// `oldest` / `newest`), else FULFILLMENT_N8N_VERSION alone, else every supported version (oldest
// first). Each run installs its n8n into the cache on first use. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { SUPPORTED_N8N_VERSIONS, n8nVersion } from './install.mjs';

const wanted = (
	process.env.FULFILLMENT_E2E_VERSIONS ||
	process.env.FULFILLMENT_N8N_VERSION ||
	''
).trim();
const versions = (wanted ? wanted.split(',') : Object.keys(SUPPORTED_N8N_VERSIONS))
	.map((version) => n8nVersion({ FULFILLMENT_N8N_VERSION: version.trim() }))
	.filter((version, index, all) => all.indexOf(version) === index);

const failed = [];
for (const version of versions) {
	console.error(`\n[e2e] n8n ${version}`);
	const run = spawnSync('npm', ['run', 'test:e2e', '--', ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, FULFILLMENT_N8N_VERSION: version },
	});
	if (run.status !== 0) failed.push(version);
}
if (failed.length) console.error(`\n[e2e] failed on n8n ${failed.join(', ')}`);
else console.error(`\n[e2e] passed on n8n ${versions.join(', ')}`);
process.exit(failed.length ? 1 : 0);
