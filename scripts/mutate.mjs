// Mutation check: applies each one-line breakage of test/mutations.json to its file, runs that
// entry's jest files, and reports whether a test failed ("killed") or none did ("survived"); the
// file is restored after each. A breakage whose `find` text is not in the file exactly once is
// reported as "stale" (re-point it after a refactor).
//   npm run mutate                      every entry
//   npm run mutate -- <word>            only entries whose file or why contains <word>
//   npm run mutate -- --list other.json another list
// Exit code 1 when any entry survived or is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const args = process.argv.slice(2);
const listAt = args.indexOf('--list');
const listFile = path.resolve(
	repoRoot,
	listAt >= 0 ? args.splice(listAt, 2)[1] : 'test/mutations.json',
);
const filter = args[0]?.toLowerCase();
const mutations = JSON.parse(readFileSync(listFile, 'utf8')).filter(
	(m) => !filter || m.file.toLowerCase().includes(filter) || m.why.toLowerCase().includes(filter),
);

const originals = new Map();
const restoreAll = () => {
	for (const [file, text] of originals) writeFileSync(file, text);
	originals.clear();
};
process.on('exit', restoreAll);
for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => {
		restoreAll();
		process.exit(130);
	});

const occurrences = (text, find) => text.split(find).length - 1;
const results = [];
for (const [index, mutation] of mutations.entries()) {
	const file = path.join(repoRoot, mutation.file);
	const label = `${index + 1}/${mutations.length} ${mutation.file}: ${mutation.why}`;
	const original = readFileSync(file, 'utf8');
	const count = occurrences(original, mutation.find);
	if (count !== 1) {
		results.push({ ...mutation, result: 'stale', detail: `find text occurs ${count} times` });
		console.log(`[mutate] STALE    ${label} (find text occurs ${count} times)`);
		continue;
	}
	originals.set(file, original);
	writeFileSync(
		file,
		original.replace(mutation.find, () => mutation.replace),
	);
	const started = Date.now();
	const run = spawnSync(
		process.execPath,
		[
			path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
			'--silent',
			'--bail',
			...mutation.tests,
		],
		{ cwd: repoRoot, encoding: 'utf8', env: process.env },
	);
	writeFileSync(file, original);
	originals.delete(file);
	const output = `${run.stdout}\n${run.stderr}`;
	const failed = /(\d+) failed/.exec(output)?.[1];
	const compileError = /error TS\d+/.test(output);
	const result = run.status === 0 ? 'survived' : compileError ? 'invalid' : 'killed';
	const seconds = Math.round((Date.now() - started) / 1000);
	results.push({ ...mutation, result, detail: failed ? `${failed} failed` : '' });
	console.log(
		`[mutate] ${result.toUpperCase().padEnd(8)} ${label} (${seconds} s${failed ? `, ${failed} tests failed` : ''})`,
	);
}

const count = (result) => results.filter((entry) => entry.result === result).length;
console.log(
	`\n[mutate] ${results.length} breakages: ${count('killed')} killed, ${count('survived')} survived, ${count('stale')} stale, ${count('invalid')} invalid (did not compile)`,
);
for (const entry of results.filter((e) => e.result !== 'killed'))
	console.log(`[mutate]   ${entry.result}: ${entry.file} — ${entry.why}`);
process.exitCode = count('survived') + count('stale') + count('invalid') > 0 ? 1 : 0;
