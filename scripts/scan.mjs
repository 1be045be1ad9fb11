#!/usr/bin/env node
// n8n's verification checks, run locally: the community-package scanner's ESLint rules over the
// source and over the packed tarball (as @n8n/scan-community-package does for a published
// package), plus the package rules we hold ourselves to (no runtime dependencies, allowed imports).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

const ALLOWED_IMPORTS = new Set(['n8n-workflow', 'zod', 'lodash', 'luxon', 'crypto']);
const failures = [];

function report(label, result) {
	if (result.passed) {
		console.log(`✅ ${label}`);
	} else {
		console.log(`❌ ${label}: ${result.message}\n${result.details ?? ''}`);
		failures.push(label);
	}
}

report('scanner rules on the source', await analyzePackage(repoRoot, SOURCE_FILE_PATTERNS));

const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: repoRoot,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
	report(
		'scanner rules on the packed tarball',
		await analyzePackage(unpacked, ['**/*.js', 'package.json']),
	);

	const pkg = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const runtimeDeps = Object.keys(pkg.dependencies ?? {});
	report('no runtime dependencies', {
		passed: runtimeDeps.length === 0,
		message: `dependencies: ${runtimeDeps.join(', ')}`,
	});

	const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = listed.filter((file) => {
		try {
			readFileSync(path.join(unpacked, file));
			return false;
		} catch {
			return true;
		}
	});
	report('every node and credential listed in package.json is in the tarball', {
		passed: missing.length === 0 && listed.length > 0,
		message: `missing: ${missing.join(', ') || '(none listed)'}`,
	});

	const files = readdirSync(path.join(unpacked, 'dist'), { recursive: true }).filter((f) =>
		f.endsWith('.js'),
	);
	const bad = [];
	for (const file of files) {
		const code = readFileSync(path.join(unpacked, 'dist', file), 'utf8');
		for (const [, name] of code.matchAll(/require\("([^"]+)"\)/g)) {
			if (!name.startsWith('.') && !ALLOWED_IMPORTS.has(name)) bad.push(`${file}: ${name}`);
		}
	}
	report(`node code imports only ${[...ALLOWED_IMPORTS].join(', ')}`, {
		passed: bad.length === 0,
		message: bad.join('\n'),
	});
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (failures.length) process.exit(1);
