/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test code, not shipped */
// The publish workflow releases all six packages from one tag, with provenance, and refuses when a
// version differs; `npm test` runs the package checks and the packages' e2e suite.
import { readFileSync } from 'fs';
import path from 'path';
import { readJson, repoRoot } from './run';

const publish = readFileSync(path.join(repoRoot, '.github', 'workflows', 'publish.yml'), 'utf8');
const pkg = readJson(path.join(repoRoot, 'package.json'));

describe('publish workflow', () => {
	it('packs all six after the whole suite, checks their versions, then publishes each with provenance', () => {
		const test = publish.indexOf('run: bash .ci/run');
		const pack = publish.indexOf('npm run pack:all -- --out packed');
		const versions = publish.indexOf('has version $version, not ${GITHUB_REF_NAME#v}: refusing');
		const release = publish.indexOf('npm publish --provenance --access public "$tarball"');
		expect(test).toBeGreaterThan(0);
		expect(pack).toBeGreaterThan(test);
		expect(versions).toBeGreaterThan(pack);
		expect(release).toBeGreaterThan(versions);
		expect(publish).toContain('if [ "$count" != 6 ]; then');
		expect(publish).toMatch(/for tarball in packed\/\*\.tgz; do[\s\S]*npm publish --provenance/);
	});
});

describe('package.json', () => {
	it('names the commands and runs the package checks and e2e in npm test', () => {
		expect(pkg.scripts['pack:all']).toContain('scripts/pack-all.mjs');
		expect(pkg.scripts['check:packages']).toContain('scripts/pack-all.mjs --check');
		expect(pkg.scripts['migrate-workflow']).toBe('node scripts/migrate-workflow.mjs');
		expect(pkg.scripts['test:all']).toContain('npm run check:packages');
		expect(pkg.scripts['test:all']).toContain('npm run test:e2e-packages');
		expect(pkg.scripts['test:e2e-packages']).toContain('FULFILLMENT_N8N_VERSION=2.41.1');
	});

	it('declares the Node versions the supported n8n versions run on', () => {
		expect(pkg.engines).toEqual({ node: '>=20.19' });
	});
});
