#!/usr/bin/env node
// The six npm packages from one build: the all-in-one `n8n-nodes-fulfillment` (this repository's
// package.json) and one package per vendor (packages/<vendor>/vendor.json), each staged from dist/
// with only the files its nodes and credential load, then `npm pack`ed.
//
//   npm run pack:all -- --out <dir>          build first (npm run build:raw); writes six tarballs
//   npm run check:packages [-- <tgz|dir>…]   packs into a temp folder (or takes the given tarballs
//                                            or unpacked package folders) and checks each
import { execFileSync, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './paths.mjs';

export const PACKAGES_DIR = path.join(repoRoot, 'packages');
const DIST = path.join(repoRoot, 'dist');
const ALLOWED_IMPORTS = new Set(['n8n-workflow', 'zod', 'lodash', 'luxon', 'crypto']);

export function rootPackage() {
	return JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

/** packages/<dir>/vendor.json of every vendor, sorted by folder: [{ dir, ...vendor.json }]. */
export function vendorPackages() {
	return readdirSync(PACKAGES_DIR)
		.filter((dir) => existsSync(path.join(PACKAGES_DIR, dir, 'vendor.json')))
		.sort()
		.map((dir) => ({
			dir,
			...JSON.parse(readFileSync(path.join(PACKAGES_DIR, dir, 'vendor.json'), 'utf8')),
		}));
}

function repositoryUrl() {
	return rootPackage()
		.repository.url.replace(/^git\+/, '')
		.replace(/\.git$/, '');
}

/**
 * Every file under `root` that `entries` load: their relative `require()`s, each node's codex
 * (`<Node>.node.json`) and the icons their `file:` references name. Paths relative to `root`.
 */
export function closure(root, entries) {
	const seen = new Set();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.shift();
		if (seen.has(file)) continue;
		const absolute = path.join(root, file);
		if (!existsSync(absolute)) throw new Error(`${file} is not in ${root}: build first`);
		seen.add(file);
		if (!file.endsWith('.js')) continue;
		const codex = file.replace(/\.node\.js$/, '.node.json');
		if (codex !== file && existsSync(path.join(root, codex))) queue.push(codex);
		const code = readFileSync(absolute, 'utf8');
		const dir = path.dirname(file);
		for (const [, name] of code.matchAll(/require\("(\.[^"]+)"\)/g)) {
			const target = path.normalize(path.join(dir, name));
			queue.push(
				[`${target}.js`, path.join(target, 'index.js'), target].find(
					(candidate) =>
						existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile(),
				) ?? `${target}.js`,
			);
		}
		for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g))
			queue.push(path.normalize(path.join(dir, icon)));
	}
	return [...seen].sort();
}

function markdownSection(changelog, version) {
	const start = changelog.search(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm'));
	if (start < 0) return undefined;
	const rest = changelog.slice(start + 3);
	const end = rest.search(/^## /m);
	return changelog.slice(start, end < 0 ? undefined : start + 3 + end).trim();
}

/** The README of a vendor package: packages/README.template.md filled in, its docs page appended. */
export function vendorReadme(vendor, { version, node }) {
	const repo = repositoryUrl();
	const absolute = (target, base) => {
		if (/^(https?:|mailto:|#)/.test(target)) return target;
		const [file, hash] = target.split('#');
		const resolved = path.posix.normalize(path.posix.join(base, file));
		return `${repo}/blob/main/${resolved}${hash ? `#${hash}` : ''}`;
	};
	const docs = readFileSync(path.join(repoRoot, vendor.docsPage), 'utf8')
		.replace(/^# .*\n/, '')
		.replace(
			/\]\(([^)\s]+)\)/g,
			(_, target) => `](${absolute(target, path.posix.dirname(vendor.docsPage))})`,
		)
		.trim();
	const credentialTypes = vendor.n8n.credentials.map((file) =>
		path.basename(file, '.credentials.js').replace(/^./, (first) => first.toLowerCase()),
	);
	const values = {
		name: vendor.name,
		title: vendor.title,
		about: vendor.about,
		description: vendor.description,
		apiDocs: vendor.apiDocs,
		repo,
		directory: `packages/${vendor.dir}`,
		node,
		version,
		nodeList: vendor.nodeTypes.map((type) => `\`${vendor.name}.${type}\``).join(', '),
		credentialList: credentialTypes.map((type) => `\`${type}\``).join(', '),
		credentialTypes: credentialTypes.join('`, `'),
		docsPage: docs,
	};
	return readFileSync(path.join(PACKAGES_DIR, 'README.template.md'), 'utf8').replace(
		/\{\{(\w+)\}\}/g,
		(_, key) => {
			if (!(key in values)) throw new Error(`packages/README.template.md: unknown {{${key}}}`);
			return values[key];
		},
	);
}

/** The package.json of a vendor package: the root's shared fields, the vendor's own. */
export function vendorManifest(vendor, root = rootPackage()) {
	return {
		name: vendor.name,
		version: root.version,
		description: vendor.description,
		license: root.license,
		homepage: `${repositoryUrl()}/tree/main/packages/${vendor.dir}#readme`,
		keywords: ['n8n-community-node-package', 'n8n', ...vendor.keywords],
		author: root.author,
		repository: { ...root.repository, directory: `packages/${vendor.dir}` },
		engines: root.engines,
		main: 'index.js',
		files: ['dist', 'CHANGELOG.md'],
		n8n: {
			n8nNodesApiVersion: root.n8n.n8nNodesApiVersion,
			strict: root.n8n.strict,
			credentials: vendor.n8n.credentials,
			nodes: vendor.n8n.nodes,
		},
		peerDependencies: root.peerDependencies,
		peerDependenciesMeta: root.peerDependenciesMeta,
	};
}

/** Stages a vendor package into `dir` (created): dist files, package.json, README, CHANGELOG, LICENSE. */
export function stageVendor(vendor, dir) {
	const root = rootPackage();
	const manifest = vendorManifest(vendor, root);
	const files = closure(repoRoot, [...manifest.n8n.nodes, ...manifest.n8n.credentials]);
	mkdirSync(dir, { recursive: true });
	for (const file of files) cpSync(path.join(repoRoot, file), path.join(dir, file));
	cpSync(path.join(repoRoot, 'index.js'), path.join(dir, 'index.js'));
	cpSync(path.join(repoRoot, 'LICENSE.md'), path.join(dir, 'LICENSE.md'));
	writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	writeFileSync(
		path.join(dir, 'README.md'),
		vendorReadme(vendor, { version: root.version, node: root.engines.node }),
	);
	const changelog = readFileSync(path.join(PACKAGES_DIR, vendor.dir, 'CHANGELOG.md'), 'utf8');
	if (!markdownSection(changelog, root.version))
		throw new Error(
			`packages/${vendor.dir}/CHANGELOG.md has no "## [${root.version}]" section for this version`,
		);
	writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
	return { dir, manifest, files };
}

function npmPack(cwd, out) {
	const output = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', out],
		{ cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	);
	const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')));
	return path.join(out, filename);
}

/**
 * Writes the six tarballs into `out` from the current dist/ (no build here). Returns
 * [{ name, tarball }], the all-in-one first.
 */
export function packAll(out, { log = console.error } = {}) {
	if (!existsSync(DIST)) throw new Error('no dist/: run `npm run build:raw` first');
	mkdirSync(out, { recursive: true });
	const staging = mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-all-'));
	try {
		const root = rootPackage();
		const result = [{ name: root.name, tarball: npmPack(repoRoot, out) }];
		log(`[pack:all] ${path.basename(result[0].tarball)}`);
		for (const vendor of vendorPackages()) {
			const { dir } = stageVendor(vendor, path.join(staging, vendor.dir));
			const tarball = npmPack(dir, out);
			log(`[pack:all] ${path.basename(tarball)}`);
			result.push({ name: vendor.name, tarball });
		}
		return result;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

// --- checks -------------------------------------------------------------------------------------

/** What belongs to each vendor only: its files in dist/ and the names it is known by. */
export function vendorFootprints() {
	const vendors = vendorPackages();
	const shared = new Set();
	const filesOf = new Map();
	for (const vendor of vendors) {
		const files = closure(repoRoot, [...vendor.n8n.nodes, ...vendor.n8n.credentials]);
		filesOf.set(vendor.name, files);
	}
	for (const [name, files] of filesOf)
		for (const file of files)
			if ([...filesOf].some(([other, theirs]) => other !== name && theirs.includes(file)))
				shared.add(file);
	return vendors.map((vendor) => {
		const own = filesOf.get(vendor.name).filter((file) => !shared.has(file));
		const credentialTypes = vendor.n8n.credentials.map((file) =>
			path.basename(file, '.credentials.js').replace(/^./, (first) => first.toLowerCase()),
		);
		return {
			name: vendor.name,
			dir: vendor.dir,
			files: own.map((file) => file.split(path.sep).join('/')),
			names: [...new Set([...vendor.words, ...vendor.nodeTypes, ...credentialTypes, vendor.name])],
		};
	});
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function listFiles(dir) {
	return readdirSync(dir, { recursive: true })
		.map((file) => file.split(path.sep).join('/'))
		.filter((file) => statSync(path.join(dir, file)).isFile());
}

/**
 * Another vendor's traces in an unpacked package: its files (by path or name), its names (vendor,
 * node types, credential types, package) in any file, and sandbox code.
 */
export function foreignContent(unpacked, packageName, footprints = vendorFootprints()) {
	const own = footprints.find((footprint) => footprint.name === packageName);
	if (!own) return [];
	const found = [];
	const files = listFiles(unpacked);
	for (const file of files) {
		if (/(^|\/)sandbox(\/|$)/i.test(file)) found.push(`${file}: sandbox code`);
		const text = readFileSync(path.join(unpacked, file), 'utf8');
		if (/sandbox\/(vendors|server|index)/.test(text)) found.push(`${file}: refers to sandbox code`);
		for (const other of footprints) {
			if (other === own) continue;
			if (other.files.includes(file)) found.push(`${file}: a file of ${other.name}`);
			for (const word of other.names) {
				// A name of the other vendor that is also part of ours (none today) is not foreign.
				if (own.names.some((mine) => mine.toLowerCase() === word.toLowerCase())) continue;
				const pattern = new RegExp(`(?<![A-Za-z0-9])${escape(word)}(?![A-Za-z0-9])`, 'i');
				const match = pattern.exec(text);
				if (match) {
					const line = text.slice(0, match.index).split('\n').length;
					found.push(`${file}:${line}: "${match[0]}" (${other.name})`);
				}
			}
		}
	}
	return found;
}

async function scanner() {
	return import('@n8n/scan-community-package/scanner/scanner.mjs');
}

/** Runs `n8n-node lint` (strict) on the package's sources, staged as a project of their own. */
function lintSources(manifest, dist) {
	const project = mkdtempSync(path.join(os.tmpdir(), 'n8n-lint-package-'));
	try {
		const sources = listFiles(dist)
			.filter((file) => file.startsWith('dist/') && /\.(js|json|svg|png)$/.test(file))
			.map((file) => file.slice('dist/'.length).replace(/\.js$/, '.ts'))
			.filter((file) => existsSync(path.join(repoRoot, file)));
		for (const file of sources) cpSync(path.join(repoRoot, file), path.join(project, file));
		for (const file of ['eslint.config.mjs', 'tsconfig.json'])
			cpSync(path.join(repoRoot, file), path.join(project, file));
		writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest, null, '\t'));
		// The project's own devDependencies (the lint config, typescript) resolve from here.
		execFileSync('ln', [
			'-s',
			path.join(repoRoot, 'node_modules'),
			path.join(project, 'node_modules'),
		]);
		const result = spawnSync(
			process.execPath,
			[path.join(repoRoot, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs'), 'lint'],
			{ cwd: project, encoding: 'utf8' },
		);
		return {
			passed: result.status === 0,
			message: `n8n-node lint exited ${result.status}`,
			details: `${result.stdout}${result.stderr}`.trim().split('\n').slice(-40).join('\n'),
		};
	} finally {
		rmSync(project, { recursive: true, force: true });
	}
}

/**
 * Every check on one package (a .tgz or an unpacked package folder). Returns
 * [{ label, passed, message, details }].
 */
export async function checkPackage(target, { lint = true } = {}) {
	let unpacked = target;
	let work;
	if (target.endsWith('.tgz')) {
		work = mkdtempSync(path.join(os.tmpdir(), 'n8n-check-package-'));
		execFileSync('tar', ['-xzf', target, '-C', work]);
		unpacked = path.join(work, 'package');
	}
	try {
		const results = [];
		const add = (label, result) => results.push({ label, ...result });
		const pkg = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
		const { analyzePackage } = await scanner();
		add('scanner rules', await analyzePackage(unpacked, ['**/*.js', 'package.json']));

		const deps = Object.keys(pkg.dependencies ?? {});
		add('no runtime dependencies', {
			passed: deps.length === 0,
			message: `dependencies: ${deps.join(', ')}`,
		});
		const peers = Object.keys(pkg.peerDependencies ?? {});
		add('n8n-workflow is the only peer dependency', {
			passed: peers.length === 1 && peers[0] === 'n8n-workflow',
			message: `peerDependencies: ${peers.join(', ')}`,
		});

		const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
		const missing = listed.filter((file) => !existsSync(path.join(unpacked, file)));
		add('every file the n8n section lists is present', {
			passed: listed.length > 0 && missing.length === 0,
			message: `missing: ${missing.join(', ') || '(none listed)'}`,
		});
		// What those files load must be there too (a relative require or an icon left out).
		let unresolved = [];
		try {
			closure(
				unpacked,
				listed.filter((file) => !missing.includes(file)),
			);
		} catch (error) {
			unresolved = [error.message];
		}
		add('everything they load is present', {
			passed: unresolved.length === 0,
			message: unresolved.join('\n'),
		});

		const imports = [];
		for (const file of listFiles(unpacked).filter((file) => file.endsWith('.js'))) {
			const code = readFileSync(path.join(unpacked, file), 'utf8');
			for (const [, name] of code.matchAll(/require\("([^"]+)"\)/g))
				if (!name.startsWith('.') && !ALLOWED_IMPORTS.has(name)) imports.push(`${file}: ${name}`);
		}
		add(`imports only ${[...ALLOWED_IMPORTS].join(', ')}`, {
			passed: imports.length === 0,
			message: imports.join('\n'),
		});

		const meta = [];
		if (!pkg.keywords?.includes('n8n-community-node-package'))
			meta.push('keyword n8n-community-node-package missing');
		if (pkg.license !== 'MIT') meta.push(`license ${pkg.license}`);
		if (!existsSync(path.join(unpacked, 'LICENSE.md'))) meta.push('no LICENSE.md');
		if (!existsSync(path.join(unpacked, 'README.md'))) meta.push('no README.md');
		if (!pkg.repository?.url) meta.push('no repository');
		if (pkg.name !== rootPackage().name) {
			if (pkg.repository?.directory !== `packages/${pkg.name.replace(/^n8n-nodes-/, '')}`)
				meta.push(`repository.directory ${pkg.repository?.directory}`);
			if (!existsSync(path.join(unpacked, 'CHANGELOG.md'))) meta.push('no CHANGELOG.md');
		}
		if (pkg.version !== rootPackage().version)
			meta.push(`version ${pkg.version}, not ${rootPackage().version}`);
		add('package metadata (keyword, MIT, LICENSE, README, repository, version)', {
			passed: meta.length === 0,
			message: meta.join('; '),
		});

		const foreign = foreignContent(unpacked, pkg.name);
		add('nothing from another vendor', {
			passed: foreign.length === 0,
			message: foreign.join('\n'),
		});

		if (lint && pkg.name !== rootPackage().name)
			add('n8n-node lint (strict)', lintSources(pkg, unpacked));
		return results;
	} finally {
		if (work) rmSync(work, { recursive: true, force: true });
	}
}

async function main(argv) {
	const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
	if (!argv.includes('--check')) {
		if (!out)
			throw new Error('usage: pack-all.mjs --out <dir>  |  pack-all.mjs --check [<tgz|dir>…]');
		for (const { tarball } of packAll(path.resolve(out))) console.log(tarball);
		return 0;
	}
	const given = argv.filter(
		(arg, index) =>
			arg !== '--check' && arg !== '--no-lint' && argv[index - 1] !== '--out' && arg !== '--out',
	);
	let temp;
	let targets = given.map((target) => path.resolve(target));
	if (targets.length === 0) {
		temp = mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-all-check-'));
		targets = packAll(out ? path.resolve(out) : temp).map(({ tarball }) => tarball);
	}
	let failed = 0;
	try {
		for (const target of targets) {
			console.log(`\n${path.basename(target)}`);
			for (const result of await checkPackage(target, { lint: !argv.includes('--no-lint') })) {
				if (result.passed) console.log(`  ✅ ${result.label}`);
				else {
					failed++;
					console.log(`  ❌ ${result.label}: ${result.message}\n${result.details ?? ''}`);
				}
			}
		}
	} finally {
		if (temp) rmSync(temp, { recursive: true, force: true });
	}
	return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}
