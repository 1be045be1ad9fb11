// The release path: CI runs what `.ci/run` runs on every supported n8n version, publishing happens
// on a version tag with npm provenance, after the whole suite, and `npm test` lints both workflows.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import { readFileSync } from 'fs';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import path from 'path';
import { repoRoot } from './markdown';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const ci = read('.github/workflows/ci.yml');
const publish = read('.github/workflows/publish.yml');
const pkg = JSON.parse(read('package.json'));

function supportedVersions(): string[] {
	const match = /SUPPORTED_N8N_VERSIONS = \{ oldest: '([\d.]+)', newest: '([\d.]+)' \}/.exec(
		read('scripts/n8n/install.mjs'),
	);
	if (!match) throw new Error('SUPPORTED_N8N_VERSIONS not found in scripts/n8n/install.mjs');
	return [match[1], match[2]];
}

describe('CI workflow', () => {
	it('runs .ci/run on pushes to main and pull requests', () => {
		expect(ci).toMatch(/^on:\n\s+pull_request:\n\s+push:\n\s+branches:\n\s+- main$/m);
		expect(ci).toMatch(/run: bash \.ci\/run$/m);
	});

	it('runs the e2e suite on every supported n8n version', () => {
		const matrix = /^\s+n8n: \[(.*)\]$/m.exec(ci)?.[1] ?? '';
		expect(matrix.split(',').map((version) => version.trim().replace(/'/g, ''))).toEqual(
			supportedVersions(),
		);
		expect(ci).toContain('FULFILLMENT_E2E_VERSIONS: ${{ matrix.n8n }}');
	});
});

describe('Publish workflow', () => {
	it('runs on version tags only', () => {
		expect(publish).toMatch(/^on:\n\s+push:\n\s+tags:\n\s+- 'v\*\.\*\.\*'$/m);
		expect(publish).not.toMatch(/^\s+branches:/m);
	});

	it('publishes with npm provenance after the whole suite passed', () => {
		expect(publish).toMatch(/^\s+id-token: write$/m);
		const test = publish.indexOf('run: bash .ci/run');
		const release = publish.indexOf('npm publish --provenance --access public');
		expect(test).toBeGreaterThan(0);
		expect(release).toBeGreaterThan(test);
		expect(publish).toContain("registry-url: 'https://registry.npmjs.org'");
	});
});

describe('npm test', () => {
	it('lints the workflows and runs the e2e suite on every supported n8n version', () => {
		expect(pkg.scripts['lint:workflows']).toBe('node scripts/lint-workflows.mjs');
		expect(pkg.scripts['test:all']).toContain('npm run lint:workflows');
		expect(pkg.scripts['test:all']).toContain('npm run test:e2e:versions');
		expect(read('.ci/run')).toMatch(/npm ci && npm test/);
	});
});
