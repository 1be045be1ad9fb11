// `npm start` as people run it: a second start on busy ports stops before touching anything, and
// SIGTERM to npm's own process (what process managers send) stops everything `npm start --queue`
// started: n8n main and workers, Postgres, Redis and the sandbox.
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/paths.mjs';
import { freePort } from '../../scripts/n8n/processes.mjs';
import { waitFor } from '../e2e/support/e2e.mjs';

function npmStart(args, env) {
	const child = spawn('npm', ['start', '--', ...args], {
		cwd: repoRoot,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output = { stdout: '', stderr: '' };
	child.stdout.on('data', (chunk) => (output.stdout += chunk));
	child.stderr.on('data', (chunk) => (output.stderr += chunk));
	const exited = new Promise((resolve) =>
		child.on('close', (code, signal) => resolve({ code, signal })),
	);
	return { child, output, exited };
}

const listening = (port) =>
	new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});

/** Live (not zombie) processes below `root`, from /proc. */
function descendants(root) {
	const parents = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (state !== 'Z') parents.set(Number(entry), Number(ppid));
		} catch {
			// gone meanwhile
		}
	}
	const found = [];
	const walk = (pid) => {
		for (const [child, parent] of parents) if (parent === pid) (found.push(child), walk(child));
	};
	walk(root);
	return found;
}

const alive = (pid) => {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
};

describe('npm start', () => {
	test('on a busy n8n port: stops with a clear message before touching anything', async () => {
		const busy = createServer((socket) => socket.end('already here'));
		await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
		const { port } = busy.address();
		const sandboxPort = await freePort();
		const folder = path.join(
			mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-start-busy-')),
			'user',
		);
		try {
			const started = Date.now();
			const run = npmStart(['--port', String(port), '--sandbox-port', String(sandboxPort)], {
				FULFILLMENT_N8N_USER_FOLDER: folder,
			});
			const exit = await run.exited;
			expect(exit.code).toBe(1);
			expect(run.output.stderr).toContain(`Port ${port} (for n8n) is already in use`);
			expect(run.output.stderr).toContain('Nothing was started.');
			expect(run.output.stdout).not.toContain('is ready');
			// Neither the user folder (examples, credentials) nor the sandbox was touched.
			expect(existsSync(folder)).toBe(false);
			expect(await listening(sandboxPort)).toBe(false);
			expect(Date.now() - started).toBeLessThan(30_000);
			// The process already on the port still has it.
			expect(busy.listening).toBe(true);
		} finally {
			busy.close();
			rmSync(path.dirname(folder), { recursive: true, force: true });
		}
	});

	test('--queue: prints what runs where; SIGTERM to npm stops all of it', async () => {
		const port = await freePort();
		const sandboxPort = await freePort();
		const noBuild = process.env.FULFILLMENT_E2E_SKIP_BUILD === '1' ? ['--no-build'] : [];
		const run = npmStart(
			['--queue', '--port', String(port), '--sandbox-port', String(sandboxPort), ...noBuild],
			{},
		);
		let tree = [];
		try {
			await waitFor(
				() =>
					/is ready in queue mode[\s\S]*Ctrl-C/.test(run.output.stdout) ||
					run.child.exitCode !== null,
				{
					timeoutMs: 300_000,
					intervalMs: 1000,
					describe: () => run.output.stdout.slice(-2000) + run.output.stderr.slice(-2000),
				},
			);
			expect(run.child.exitCode).toBeNull();
			const out = run.output.stdout;
			const portOf = (label) =>
				Number(new RegExp(`${label}\\s+(?:http://)?127\\.0\\.0\\.1:(\\d+)`).exec(out)?.[1]);
			const ports = {
				n8n: port,
				sandbox: sandboxPort,
				postgres: portOf('Postgres'),
				redis: portOf('Redis'),
				'worker-1': portOf('worker-1'),
				'worker-2': portOf('worker-2'),
			};
			for (const [what, value] of Object.entries(ports))
				expect({ what, listening: await listening(value) }).toEqual({ what, listening: true });
			const dataDir = /Data\s+(\S+) and/.exec(out)?.[1];
			expect(dataDir && existsSync(dataDir)).toBeTruthy();

			tree = descendants(run.child.pid);
			// npm's shell, start.mjs, sandbox, n8n main, 2 workers, Postgres, Redis (and their helpers).
			expect(tree.length).toBeGreaterThanOrEqual(8);
			run.child.kill('SIGTERM');
			await waitFor(() => tree.every((pid) => !alive(pid)), {
				timeoutMs: 90_000,
				intervalMs: 500,
				describe: () =>
					`still running: ${tree.filter(alive).join(', ')}\n${run.output.stdout.slice(-1500)}`,
			});
			for (const [what, value] of Object.entries(ports))
				expect({ what, listening: await listening(value) }).toEqual({ what, listening: false });
			expect(existsSync(dataDir)).toBe(false);
		} finally {
			if (run.child.exitCode === null) run.child.kill('SIGKILL');
			for (const pid of [...tree, ...descendants(run.child.pid)].filter(alive)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
		}
	});
});
