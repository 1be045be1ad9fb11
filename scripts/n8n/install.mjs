// Installs a real n8n once into the cache folder and reuses it after:
//   <cache>/n8n-<version>/   npm install --ignore-scripts n8n@<version>, then npm rebuild of its
// native modules (sqlite3, and isolated-vm on 1.x) under Node 24. A marker file says the install is
// complete. Each version has its own folder; FULFILLMENT_N8N_VERSION picks the one the e2e suite and
// `npm start` use. By hand: `node scripts/n8n/install.mjs [version]`.
import { spawn, spawnSync } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { envWithNode24, node24BinDir } from '../node24.mjs';
import { cacheDir } from '../paths.mjs';
import { withLock } from './lock.mjs';

/**
 * The n8n versions the pack supports and the e2e suite proves: the newest is the line our dev
 * dependencies (n8n-core 2.41.1, n8n-workflow 2.41.0) pin (newer 2.41.x miss a dependency here);
 * the oldest is the last 1.x line.
 */
export const SUPPORTED_N8N_VERSIONS = { oldest: '1.123.81', newest: '2.41.1' };

/** The default n8n version. */
export const N8N_VERSION = SUPPORTED_N8N_VERSIONS.newest;

/**
 * The n8n version to use: FULFILLMENT_N8N_VERSION (an exact version, or `oldest` / `newest`), else
 * the newest supported one.
 */
export function n8nVersion(env = process.env) {
	const wanted = (env.FULFILLMENT_N8N_VERSION ?? '').trim();
	if (!wanted) return N8N_VERSION;
	if (wanted in SUPPORTED_N8N_VERSIONS) return SUPPORTED_N8N_VERSIONS[wanted];
	if (!/^\d+\.\d+\.\d+$/.test(wanted))
		throw new Error(
			`FULFILLMENT_N8N_VERSION=${wanted}: give an exact version such as 1.123.81, or oldest / newest`,
		);
	return wanted;
}

/** The major version of an n8n version string. */
export function n8nMajor(version = n8nVersion()) {
	return Number(version.split('.')[0]);
}

const MARKER = '.fulfillment-install-complete.json';

/**
 * What a first install takes, measured on a 2-core machine shared with other work (n8n 2.41.1,
 * December 2026): npm added 2,348 packages (≈2.8 GB) in ≈8.5 min, then building sqlite3 for Node 24
 * took ≈3 min; 708 s in all. Used for the progress lines only.
 */
const EXPECTED = { packages: 2350, downloadSeconds: 510, buildSeconds: 190, size: '≈2.8 GB' };

/** Packages npm has unpacked so far into `dir`/node_modules (scoped ones counted one by one). */
function unpackedPackages(dir) {
	try {
		const root = path.join(dir, 'node_modules');
		let count = 0;
		for (const entry of readdirSync(root, { withFileTypes: true })) {
			if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
			count += entry.name.startsWith('@') ? readdirSync(path.join(root, entry.name)).length : 1;
		}
		return count;
	} catch {
		return 0;
	}
}

const minutes = (seconds) =>
	seconds < 90 ? `${Math.max(0, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;

export function n8nInstallDir(version = n8nVersion()) {
	return path.join(cacheDir(), `n8n-${version}`);
}

/** Paths inside an n8n install folder. */
export function n8nPaths(dir = n8nInstallDir()) {
	const pkg = path.join(dir, 'node_modules', 'n8n');
	let version;
	try {
		version = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
	} catch {}
	return { dir, pkg, version, bin: path.join(pkg, 'bin', 'n8n'), dist: path.join(pkg, 'dist') };
}

/**
 * Returns the paths of a complete n8n install, installing it first when missing (≈12 min on 2 cores,
 * ≈2.8 GB; see EXPECTED).
 * Safe to call from several processes at once: one installs, the others wait.
 */
export async function ensureN8n({ log = console.error, version = n8nVersion() } = {}) {
	const dir = n8nInstallDir(version);
	if (isComplete(dir, version)) return n8nPaths(dir);
	return await withLock(`${dir}.lock`, { log, what: `the n8n ${version} install` }, async () => {
		if (isComplete(dir, version)) return n8nPaths(dir);
		if (adoptExisting(dir, version, log)) return n8nPaths(dir);
		await install(dir, version, log);
		return n8nPaths(dir);
	});
}

function isComplete(dir, version) {
	try {
		const marker = JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8'));
		return marker.version === version && existsSync(n8nPaths(dir).bin);
	} catch {
		return false;
	}
}

/** A folder made by hand the same way (no marker yet) is kept when n8n and sqlite3 load under Node 24. */
function adoptExisting(dir, version, log) {
	if (!existsSync(n8nPaths(dir).bin)) return false;
	const problem = verify(dir, version);
	if (problem) {
		log(`[n8n] the existing install in ${dir} is not usable (${problem}); reinstalling`);
		return false;
	}
	writeMarker(dir, version);
	return true;
}

/** `undefined` when the install is usable, else what is wrong. */
function verify(dir, version) {
	const env = envWithNode24();
	const check = spawnSync(
		'node',
		[
			'-e',
			`const v = require('n8n/package.json').version;
			 if (v !== ${JSON.stringify(version)}) { console.error('n8n ' + v + ' installed'); process.exit(1); }
			 require('sqlite3');
			 ${n8nMajor(version) < 2 ? "require('isolated-vm');" : ''}`,
		],
		{ cwd: dir, env, encoding: 'utf8' },
	);
	if (check.status === 0) return undefined;
	return (check.stderr || check.stdout || 'unknown error').trim().split('\n').slice(-3).join(' ');
}

function writeMarker(dir, version) {
	const nodeVersion = spawnSync('node', ['--version'], {
		env: envWithNode24(),
		encoding: 'utf8',
	}).stdout.trim();
	writeFileSync(
		path.join(dir, MARKER),
		`${JSON.stringify({ version, node: nodeVersion, completedAt: new Date().toISOString() }, null, 2)}\n`,
	);
}

async function install(dir, version, log) {
	node24BinDir(); // fetches Node 24 first, when needed, so its messages come before ours
	const partial = `${dir}.partial`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	// 1.x depends on `xlsx` through a URL outside the registry; the registry's last xlsx replaces it.
	const manifest = {
		private: true,
		...(n8nMajor(version) < 2 && { overrides: { xlsx: '0.18.5' } }),
	};
	writeFileSync(path.join(partial, 'package.json'), `${JSON.stringify(manifest)}\n`);
	const logFile = path.join(partial, 'install.log');
	const total = EXPECTED.downloadSeconds + EXPECTED.buildSeconds;
	log(
		`[n8n] Installing n8n ${version} into ${dir}\n` +
			`[n8n] This happens once: npm downloads n8n and ≈${EXPECTED.packages.toLocaleString('en')} packages (${EXPECTED.size}), ` +
			`then builds sqlite3 for Node 24 — about ${minutes(total)} on a 2-core machine (${minutes(EXPECTED.downloadSeconds)} + ${minutes(EXPECTED.buildSeconds)}), ` +
			`less with a fast network and more cores. Later runs reuse it. Log: ${logFile}`,
	);
	const started = Date.now();
	await npm(
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', `n8n@${version}`],
		partial,
		logFile,
		log,
		'downloading n8n and its dependencies',
		(seconds) => {
			const count = unpackedPackages(partial);
			if (count === 0) return 'resolving the dependency tree';
			const left = Math.max(EXPECTED.packages - count, 0);
			const rate = count / seconds;
			return `${count.toLocaleString('en')} of ≈${EXPECTED.packages.toLocaleString('en')} packages unpacked, about ${minutes(left / rate)} left`;
		},
	);
	// sqlite3 is the native module n8n needs at start (1.x also isolated-vm, else it exits at boot:
	// "IsolatePool failed to create any bridges"); build them for Node 24 with its own headers.
	const natives = n8nMajor(version) < 2 ? ['sqlite3', 'isolated-vm'] : ['sqlite3'];
	await npm(
		['rebuild', ...natives, '--ignore-scripts=false', `--nodedir=${nodeHeadersDir()}`],
		partial,
		logFile,
		log,
		`building ${natives.join(', ')} for Node 24`,
		(seconds) =>
			`usually about ${minutes(EXPECTED.buildSeconds)}, ${minutes(EXPECTED.buildSeconds - seconds)} left`,
	);
	const problem = verify(partial, version);
	if (problem)
		throw new Error(`[n8n] the fresh install does not load: ${problem} (see ${logFile})`);
	rmSync(dir, { recursive: true, force: true });
	renameSync(partial, dir);
	writeMarker(dir, version);
	log(`[n8n] n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
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

/** `progress(seconds)` adds a few words to each heartbeat line: how far it got, how long is left. */
function npm(args, cwd, logFile, log, what, progress) {
	return new Promise((resolve, reject) => {
		const out = createWriteStream(logFile, { flags: 'a' });
		out.write(`\n$ npm ${args.join(' ')}\n`);
		const started = Date.now();
		log(`[n8n] … ${what}`);
		const child = spawn('npm', args, {
			cwd,
			env: { ...envWithNode24(withoutNpmConfig(process.env)), npm_config_yes: 'true' },
		});
		child.stdout.pipe(out, { end: false });
		child.stderr.pipe(out, { end: false });
		const heartbeat = setInterval(() => {
			const seconds = Math.round((Date.now() - started) / 1000);
			const detail = progress?.(seconds);
			log(`[n8n] … still ${what} (${seconds} s${detail ? `; ${detail}` : ''})`);
		}, 30_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(heartbeat);
			out.end();
			if (code === 0) return resolve();
			const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
			reject(
				new Error(`[n8n] npm ${args[0]} failed (exit ${code}); last lines of ${logFile}:\n${tail}`),
			);
		});
	});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const version = process.argv[2]
		? n8nVersion({ FULFILLMENT_N8N_VERSION: process.argv[2] })
		: n8nVersion();
	const { dir } = await ensureN8n({ version });
	console.log(dir);
}
