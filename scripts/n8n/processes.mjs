// Child processes we start (sandbox, n8n) run in their own process group, so stopping one also
// stops what it started (n8n's task runner), and a terminal's Ctrl-C reaches only us: we stop them
// in order.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts `cmd args` in its own process group; output goes to `logFile` (and to `echo`, a function
 * taking each line, when given). `stopSignal` is what stop() sends first (SIGTERM unless told, e.g.
 * SIGINT for Postgres's fast shutdown). Returns { child, exited, stop, tail }.
 */
export function startProcess(cmd, args, { cwd, env, logFile, echo, name, stopSignal = 'SIGTERM' }) {
	const out = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const lines = [];
	const onData = (chunk) => {
		out.write(chunk);
		for (const line of chunk.toString().split('\n')) {
			if (line === '') continue;
			lines.push(line);
			if (lines.length > 200) lines.shift();
			echo?.(line);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exitInfo;
	const exited = new Promise((resolve) => {
		// 'close', not 'exit': by then all output has been read.
		child.on('close', (code, signal) => {
			exitInfo = { code, signal };
			resolve(exitInfo);
		});
		child.on('error', (error) => {
			exitInfo = { code: null, signal: null, error };
			resolve(exitInfo);
		});
	});
	exited.then(() => out.end());

	async function stop({ graceMs = 20_000 } = {}) {
		if (exitInfo) return exitInfo;
		signalGroup(child.pid, stopSignal);
		// An unref'd timer: once the process is gone, nothing keeps our own process waiting.
		const done = await Promise.race([exited, sleep(graceMs, undefined, { ref: false })]);
		// Whatever is left in the group: what the leader started, or the leader itself after the grace period.
		signalGroup(child.pid, 'SIGKILL');
		return done ?? (await exited);
	}

	return {
		name,
		child,
		pid: child.pid,
		/** Sends `signal` to the process and what it started, e.g. SIGKILL to simulate a crash. */
		kill: (signal) => signalGroup(child.pid, signal),
		exited,
		stop,
		/** The last lines of output, for error messages. */
		tail: (count = 40) => lines.slice(-count).join('\n'),
		get exitInfo() {
			return exitInfo;
		},
	};
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error;
	}
}

/**
 * Polls `url` until it answers with `ok(response)` true; fails early when `proc` exits.
 */
export async function waitForHttp(
	url,
	{ timeoutMs, proc, ok = (response) => response.ok, what = url },
) {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (proc?.exitInfo) {
			throw new Error(
				`${proc.name} exited (${JSON.stringify(proc.exitInfo)}) before ${what} was ready:\n${proc.tail()}`,
			);
		}
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
			if (await ok(response)) return response;
			last = `HTTP ${response.status}`;
		} catch (error) {
			last = error.cause?.code ?? error.message;
		}
		await sleep(500);
	}
	throw new Error(
		`${what} not ready after ${Math.round(timeoutMs / 1000)} s (${last})${proc ? `:\n${proc.tail()}` : ''}`,
	);
}
