/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only test code, not shipped */
// `npm run pack:all` writes the six packages from dist/ (build first), and `npm run check:packages`
// catches what must not ship: another vendor's file or name, a runtime dependency, a listed file
// left out.
import { execFileSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { readJson, repoRoot, runScript, vendors } from './run';

const root = readJson(path.join(repoRoot, 'package.json'));
let out: string;
let tarballs: string[];

const files = (tarball: string) =>
	execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((file) => file.replace(/^package\//, ''))
		.sort();

function unpack(tarball: string) {
	const dir = mkdtempSync(path.join(out, 'unpacked-'));
	execFileSync('tar', ['-xzf', tarball, '-C', dir]);
	return path.join(dir, 'package');
}

beforeAll(() => {
	out = mkdtempSync(path.join(os.tmpdir(), 'pack-all-test-'));
	const result = runScript('pack-all.mjs', ['--out', out]);
	if (result.status !== 0) throw new Error(`pack:all failed: ${result.stderr}`);
	tarballs = result.stdout.trim().split('\n');
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('pack:all', () => {
	it('writes six tarballs, n8n-nodes-<name>-<version>.tgz, one version', () => {
		expect(tarballs.map((tarball) => path.basename(tarball)).sort()).toEqual(
			['fulfillment', ...vendors().map((vendor) => vendor.dir)]
				.map((name) => `n8n-nodes-${name}-${root.version}.tgz`)
				.sort(),
		);
	});

	describe.each(vendors().map((vendor) => [vendor.name, vendor]))('%s', (name, vendor) => {
		const tarball = () => path.join(out, `${name}-${root.version}.tgz`);

		it('holds its nodes, codex files, credential, icons and the shared core, nothing else', () => {
			const list = files(tarball());
			for (const file of [...vendor.n8n.nodes, ...vendor.n8n.credentials])
				expect(list).toContain(file);
			for (const file of vendor.n8n.nodes) expect(list).toContain(file.replace(/\.js$/, '.json'));
			expect(list).toContain(`dist/icons/${vendor.dir}.svg`);
			expect(list).toContain(`dist/icons/${vendor.dir}.dark.svg`);
			expect(list).toContain('dist/nodes/shared/transport.js');
			const nodeDir = path.dirname(vendor.n8n.nodes[0]);
			const unexpected = list.filter(
				(file) =>
					!file.startsWith(`${nodeDir}/`) &&
					!file.startsWith('dist/nodes/shared/') &&
					!vendor.n8n.credentials.includes(file) &&
					file !== 'dist/credentials/bearerToken.js' &&
					!file.startsWith(`dist/icons/${vendor.dir}.`) &&
					!['package.json', 'index.js', 'README.md', 'CHANGELOG.md', 'LICENSE.md'].includes(file),
			);
			expect(unexpected).toEqual([]);
		});

		it('has the package.json a verified community package needs', () => {
			const pkg = readJson(path.join(unpack(tarball()), 'package.json'));
			expect(pkg).toMatchObject({
				name,
				version: root.version,
				license: 'MIT',
				repository: { url: root.repository.url, directory: `packages/${vendor.dir}` },
				engines: root.engines,
				files: ['dist', 'CHANGELOG.md'],
				peerDependencies: { 'n8n-workflow': '*' },
				n8n: { n8nNodesApiVersion: 1, strict: true, ...vendor.n8n },
			});
			expect(pkg.keywords).toContain('n8n-community-node-package');
			expect(pkg.dependencies).toBeUndefined();
		});

		it('has its own README (install, credential, operations, examples) and CHANGELOG', () => {
			const dir = unpack(tarball());
			const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
			expect(readme).toMatch(new RegExp(`^# ${name}$`, 'm'));
			expect(readme).toContain(`npm install ${name}`);
			expect(readme).toMatch(/^## Credential$/m);
			expect(readme).toMatch(/^## Operations$/m);
			expect(readme).toMatch(/^## Compatibility$/m);
			expect(readme).toMatch(/^## Example workflows$/m);
			expect(readme).toContain(`${root.repository.url.replace(/\.git$/, '')}/blob/main/examples/`);
			// Links work from npm's page: no link relative to the repository.
			expect(readme.match(/\]\((?!https?:|#|LICENSE\.md\))[^)]*\)/g) ?? []).toEqual([]);
			expect(readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8')).toContain(
				`## [${root.version}]`,
			);
		});
	});
});

describe('check:packages', () => {
	it('passes the packed packages and catches what is planted into a copy', () => {
		const sellfern = path.join(out, `n8n-nodes-sellfern-${root.version}.tgz`);
		const clean = runScript('pack-all.mjs', ['--check', '--no-lint', sellfern]);
		expect(clean.stdout).not.toContain('❌');
		expect(clean.status).toBe(0);

		const planted = unpack(sellfern);
		cpSync(
			path.join(repoRoot, 'dist', 'icons', 'skuio.svg'),
			path.join(planted, 'dist', 'icons', 'skuio.svg'),
		);
		const transport = path.join(planted, 'dist', 'nodes', 'Sellfern', 'transport.js');
		writeFileSync(
			transport,
			`${readFileSync(transport, 'utf8')}\nconst other = 'shipperOneApi';\nconst http = require("node:http");\n`,
		);
		unlinkSync(path.join(planted, 'dist', 'nodes', 'Sellfern', 'SellfernTrigger.node.js'));
		const manifest = path.join(planted, 'package.json');
		writeFileSync(
			manifest,
			JSON.stringify({ ...readJson(manifest), dependencies: { axios: '1.0.0' } }, null, 2),
		);
		const result = runScript('pack-all.mjs', ['--check', '--no-lint', planted]);
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('dist/icons/skuio.svg: a file of n8n-nodes-skuio');
		expect(result.stdout).toMatch(/dist\/nodes\/Sellfern\/transport\.js:\d+: "shipperOneApi"/);
		expect(result.stdout).toMatch(
			/every file the n8n section lists is present: missing: dist\/nodes\/Sellfern\/SellfernTrigger\.node\.js/,
		);
		expect(result.stdout).toMatch(/no runtime dependencies: dependencies: axios/);
		expect(result.stdout).toMatch(/❌ scanner rules/);
		expect(result.stdout).toMatch(
			/❌ imports only [^\n]*: dist\/nodes\/Sellfern\/transport\.js: node:http/,
		);
	}, 120_000);
});
