// Runs jest while every core is kept busy by a spinning child process, to show that no test depends
// on the machine's speed (CI machines are shared). Without arguments: the files that use timeouts,
// latency and retries (TIMING_FILES); with arguments: those jest paths (`--all` for the whole suite).
//   node scripts/node24.mjs node scripts/test-under-load.mjs [--busy N] [--all | <jest paths>…]
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

export const TIMING_FILES = [
	'test/faults/transport.test.ts',
	'test/faults/evidence.test.ts',
	'test/shared/cancel.test.ts',
	'test/shared/concurrency.test.ts',
	'test/sandbox/faults.test.ts',
	'test/shipperone/accept.test.ts',
	'test/skuio/trigger.test.ts',
];

const args = process.argv.slice(2);
let busy = os.availableParallelism?.() ?? os.cpus().length;
const busyAt = args.indexOf('--busy');
if (busyAt >= 0) {
	busy = Number(args[busyAt + 1]);
	args.splice(busyAt, 2);
}
const all = args.includes('--all');
const files = all ? [] : args.length > 0 ? args : TIMING_FILES;

const spinners = Array.from({ length: busy }, () =>
	spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopSpinners = () => {
	for (const spinner of spinners) if (spinner.exitCode === null) spinner.kill('SIGKILL');
};
process.on('exit', stopSpinners);
for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => {
		stopSpinners();
		process.exit(130);
	});

console.log(
	`[under-load] ${busy} busy process(es) on ${os.cpus().length} core(s); jest ${all ? '(whole unit suite)' : files.join(' ')}`,
);
const jest = spawn(
	process.execPath,
	[path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), ...files],
	{ cwd: repoRoot, stdio: 'inherit' },
);
jest.on('exit', (code, signal) => {
	stopSpinners();
	process.exit(code ?? (signal ? 1 : 0));
});
