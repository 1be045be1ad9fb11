// Installs the real n8n once into the cache folder and reuses it after:
//   <cache>/n8n-<version>/   npm install --ignore-scripts n8n@<version>, then npm rebuild sqlite3
// (both under Node 24, which n8n 2.x needs). A marker file says the install is complete.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envWithNode24, node24BinDir } from '../node24.mjs';
import { cacheDir } from '../paths.mjs';
import { withLock } from './lock.mjs';

/** The n8n line our dev dependencies (n8n-core 2.41.1, n8n-workflow 2.41.0) pin. Newer 2.41.x miss a dependency here. */
export const N8N_VERSION = '2.41.1';

const MARKER = '.fulfillment-install-complete.json';

export function n8nInstallDir() {
	return path.join(cacheDir(), `n8n-${N8N_VERSION}`);
}

/** Paths inside an n8n install folder. */
export function n8nPaths(dir = n8nInstallDir()) {
	const pkg = path.join(dir, 'node_modules', 'n8n');
	return { dir, pkg, bin: path.join(pkg, 'bin', 'n8n'), dist: path.join(pkg, 'dist') };
}

/**
 * Returns the paths of a complete n8n install, installing it first when missing (3–5 min, ≈3 GB).
 * Safe to call from several processes at once: one installs, the others wait.
 */
export async function ensureN8n({ log = console.error } = {}) {
	const dir = n8nInstallDir();
	if (isComplete(dir)) return n8nPaths(dir);
	return await withLock(`${dir}.lock`, { log, what: 'the n8n install' }, async () => {
		if (isComplete(dir)) return n8nPaths(dir);
		if (adoptExisting(dir, log)) return n8nPaths(dir);
		await install(dir, log);
		return n8nPaths(dir);
	});
}

function isComplete(dir) {
	try {
		const marker = JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8'));
		return marker.version === N8N_VERSION && existsSync(n8nPaths(dir).bin);
	} catch {
		return false;
	}
}

/** A folder made by hand the same way (no marker yet) is kept when n8n and sqlite3 load under Node 24. */
function adoptExisting(dir, log) {
	if (!existsSync(n8nPaths(dir).bin)) return false;
	const problem = verify(dir);
	if (problem) {
		log(`[n8n] the existing install in ${dir} is not usable (${problem}); reinstalling`);
		return false;
	}
	writeMarker(dir);
	return true;
}

/** `undefined` when the install is usable, else what is wrong. */
function verify(dir) {
	const env = envWithNode24();
	const check = spawnSync(
		'node',
		[
			'-e',
			`const v = require('n8n/package.json').version;
			 if (v !== ${JSON.stringify(N8N_VERSION)}) { console.error('n8n ' + v + ' installed'); process.exit(1); }
			 require('sqlite3');`,
		],
		{ cwd: dir, env, encoding: 'utf8' },
	);
	if (check.status === 0) return undefined;
	return (check.stderr || check.stdout || 'unknown error').trim().split('\n').slice(-3).join(' ');
}

function writeMarker(dir) {
	const nodeVersion = spawnSync('node', ['--version'], { env: envWithNode24(), encoding: 'utf8' }).stdout.trim();
	writeFileSync(
		path.join(dir, MARKER),
		`${JSON.stringify({ version: N8N_VERSION, node: nodeVersion, completedAt: new Date().toISOString() }, null, 2)}\n`,
	);
}

async function install(dir, log) {
	node24BinDir(); // fetches Node 24 first, when needed, so its messages come before ours
	const partial = `${dir}.partial`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(path.join(partial, 'package.json'), '{"private":true}\n');
	const logFile = path.join(partial, 'install.log');
	log(
		`[n8n] Installing n8n ${N8N_VERSION} into ${dir}\n` +
			'[n8n] This happens once (3–5 minutes and ≈3 GB); later runs reuse it. Log: ' +
			logFile,
	);
	const started = Date.now();
	await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', `n8n@${N8N_VERSION}`], partial, logFile, log, 'downloading n8n and its dependencies');
	// sqlite3 is the one native module n8n needs at start; build it for Node 24 with Node 24's own headers.
	await npm(['rebuild', 'sqlite3', '--ignore-scripts=false', `--nodedir=${nodeHeadersDir()}`], partial, logFile, log, 'building sqlite3 for Node 24');
	const problem = verify(partial);
	if (problem) throw new Error(`[n8n] the fresh install does not load: ${problem} (see ${logFile})`);
	rmSync(dir, { recursive: true, force: true });
	renameSync(partial, dir);
	writeMarker(dir);
	log(`[n8n] n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * The environment without the `npm_config_*` variables an outer `npm run` exports: run from
 * `npm test`, this project's `ignore-scripts=true` would otherwise reach the n8n install and turn
 * the sqlite3 rebuild into a no-op.
 */
function withoutNpmConfig(env) {
	return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
}

/** The folder holding include/node of the Node 24 we run (node-gyp would otherwise download headers). */
function nodeHeadersDir() {
	return path.resolve(node24BinDir(), '..');
}

function npm(args, cwd, logFile, log, what) {
	return new Promise((resolve, reject) => {
		const out = createWriteStream(logFile, { flags: 'a' });
		out.write(`\n$ npm ${args.join(' ')}\n`);
		const started = Date.now();
		log(`[n8n] … ${what}`);
		const child = spawn('npm', args, { cwd, env: { ...envWithNode24(withoutNpmConfig(process.env)), npm_config_yes: 'true' } });
		child.stdout.pipe(out, { end: false });
		child.stderr.pipe(out, { end: false });
		const heartbeat = setInterval(
			() => log(`[n8n] … still ${what} (${Math.round((Date.now() - started) / 1000)} s)`),
			30_000,
		);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(heartbeat);
			out.end();
			if (code === 0) return resolve();
			const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
			reject(new Error(`[n8n] npm ${args[0]} failed (exit ${code}); last lines of ${logFile}:\n${tail}`));
		});
	});
}
