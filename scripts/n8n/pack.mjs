// Builds the pack, packs it as npm would publish it, and installs the tarball into an n8n user
// folder the way users install a community package by hand: `npm install <package>` in ~/.n8n/nodes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envWithNode24 } from '../node24.mjs';
import { repoRoot } from '../paths.mjs';

export function packageJson() {
	return JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

/** `npm run build:raw` (tsc + icons) under Node 24. */
export function buildPack({ log = console.error } = {}) {
	log('[pack] building (npm run build:raw)');
	run('npm', ['run', '--silent', 'build:raw'], { cwd: repoRoot, what: 'the build' });
}

/** `npm pack` into `destDir`; returns the tarball's path. */
export function packTarball(destDir) {
	mkdirSync(destDir, { recursive: true });
	const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destDir], {
		cwd: repoRoot,
		what: 'npm pack',
	});
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(destDir, filename);
}

/**
 * Why `userFolder` cannot host the pack, if it cannot: Node resolves the pack's `require('zod')` and
 * `require('n8n-workflow')` through every node_modules above it before n8n's own, so a user folder
 * inside this repository (or any project with those packages) would load the wrong copies.
 */
export function userFolderProblem(userFolder) {
	for (let dir = path.resolve(userFolder); ; dir = path.dirname(dir)) {
		for (const shadow of ['n8n-workflow', 'zod']) {
			const found = path.join(dir, 'node_modules', shadow);
			if (existsSync(found))
				return `${found} would shadow n8n's own ${shadow} for the pack; use a user folder outside ${dir}`;
		}
		if (path.dirname(dir) === dir) return undefined;
	}
}

/** `<userFolder>/.n8n/nodes`, where n8n looks for community packages (in its node_modules). */
export function nodesDir(userFolder) {
	return path.join(userFolder, '.n8n', 'nodes');
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` with a plain `npm install <tarball>`, replacing
 * an earlier install of the pack (`name`: the tarball's package, default this repository's). Returns
 * the installed package's folder.
 */
export function installPack(
	userFolder,
	tarball,
	{ log = console.error, name = packageJson().name } = {},
) {
	return installPacks(userFolder, [{ name, tarball }], { log })[0];
}

/** installPack for several packages at once (one `npm install`); returns their folders. */
export function installPacks(userFolder, packages, { log = console.error } = {}) {
	const dir = nodesDir(userFolder);
	mkdirSync(dir, { recursive: true });
	const manifest = path.join(dir, 'package.json');
	if (!existsSync(manifest))
		writeFileSync(manifest, '{\n  "name": "installed-nodes",\n  "private": true\n}\n');
	const names = packages.map(({ tarball }) => path.basename(tarball)).join(' ');
	log(`[pack] npm install ${names} in ${dir}`);
	// A reinstall of the same version must take the new tarball, not npm's idea of "up to date".
	for (const { name } of packages)
		rmSync(path.join(dir, 'node_modules', name), { recursive: true, force: true });
	run(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			'--no-package-lock',
			...packages.map(({ tarball }) => tarball),
		],
		{ cwd: dir, what: `npm install of ${names}` },
	);
	return packages.map(({ name }) => path.join(dir, 'node_modules', name));
}

function run(cmd, args, { cwd, what }) {
	const result = spawnSync(cmd, args, {
		cwd,
		env: envWithNode24(),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
			.trim()
			.split('\n')
			.slice(-30)
			.join('\n');
		throw new Error(`${what} failed (exit ${result.status}):\n${output}`);
	}
	return result.stdout;
}
