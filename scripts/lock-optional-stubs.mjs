#!/usr/bin/env node
// Keeps `npm ci` working with the npm registry mirror this project is built against, which lacks
// some other platforms' optional native bindings (e.g. @unrs/resolver-binding-darwin-arm64, used
// by jest). npm then leaves them out of package-lock.json and `npm ci` refuses the lock as "out of
// sync". This adds a lock entry with the platform (os/cpu/libc, read from the package name) for each
// such missing optional dependency; npm skips them on every other platform, as it would anyway.
// Run after `npm install` changes the lock: `node scripts/lock-optional-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const OS = [
	'android',
	'darwin',
	'freebsd',
	'linux',
	'win32',
	'openharmony',
	'sunos',
	'aix',
	'netbsd',
	'openbsd',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];

function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((part) => OS.includes(part));
	const cpu = parts.find((part) => CPU.includes(part));
	if (!os || !cpu) return undefined;
	const libc = parts.some((part) => part.startsWith('musl'))
		? 'musl'
		: parts.includes('gnu') || parts.some((p) => p.startsWith('gnueabi'))
			? 'glibc'
			: undefined;
	return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

const file = path.join(repoRoot, 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const base = location === '' ? '' : `${location}/`;
		const key = `${base}node_modules/${name}`;
		if (lock.packages[key] || lock.packages[`node_modules/${name}`]) continue;
		const platform = platformOf(name);
		if (!platform) continue;
		lock.packages[`node_modules/${name}`] = { version, dev: true, optional: true, ...platform };
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
	),
);
writeFileSync(file, `${JSON.stringify(lock, null, '\t')}\n`);
console.log(`lock-optional-stubs: added ${added} missing optional platform entries`);
