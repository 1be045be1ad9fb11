#!/usr/bin/env node
// `npm start`: a real n8n on this machine with the pack installed, the vendor sandbox, sandbox
// credentials and the example workflows. `--queue`: the same in n8n's queue mode (Postgres, Redis,
// n8n main and workers). Ctrl-C, or SIGTERM to npm or to this script, stops everything it started.
//
//   npm start -- [--port 5678] [--sandbox-port 4010] [--fresh] [--verbose] [--queue [--workers 2]] [--no-build]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { startStack } from './n8n/stack.mjs';

const USAGE = `Usage: npm start [-- options]
  --port N           n8n's port (default 5678)
  --sandbox-port N   the vendor sandbox's port (default 4010)
  --fresh            start from an empty n8n user folder (new owner, credentials and examples)
  --verbose          print n8n's and the sandbox's output too (they always go to log files)
  --queue            n8n in queue mode: a private Postgres and Redis (Debian packages, installed
                     when missing), n8n main and workers; everything in a temp folder, removed on stop
  --workers N        with --queue: how many workers (default 2)
  --no-build         install the pack as dist/ is now, without building it first
Environment: FULFILLMENT_N8N_USER_FOLDER  n8n's user folder (default ~/.cache/n8n-nodes-fulfillment/start-<id>)`;

/**
 * n8n's user folder, kept between runs so the editor keeps your own workflows and executions. It
 * must lie outside this repository: the pack installed in it would otherwise load the repo's
 * node_modules/zod and n8n-workflow instead of n8n's (see scripts/n8n/pack.mjs, userFolderProblem).
 */
const USER_FOLDER =
	process.env.FULFILLMENT_N8N_USER_FOLDER ||
	path.join(
		homedir(),
		'.cache',
		'n8n-nodes-fulfillment',
		`start-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 8)}`,
	);

function parseArgs(argv) {
	const options = {
		port: 5678,
		sandboxPort: 4010,
		fresh: false,
		verbose: false,
		queue: false,
		workers: 2,
		build: true,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const number = (min, max, what) => {
			const next = inline ?? argv[++i];
			const value = Number(next);
			if (!Number.isInteger(value) || value < min || value > max)
				throw new Error(`${flag} needs ${what}`);
			return value;
		};
		if (flag === '--port') options.port = number(1, 65535, 'a port number');
		else if (flag === '--sandbox-port') options.sandboxPort = number(1, 65535, 'a port number');
		else if (flag === '--workers')
			options.workers = number(1, 16, 'a number of workers from 1 to 16');
		else if (flag === '--fresh') options.fresh = true;
		else if (flag === '--verbose') options.verbose = true;
		else if (flag === '--queue') options.queue = true;
		else if (flag === '--no-build') options.build = false;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else throw new Error(`Unknown option ${argv[i]}`);
	}
	return options;
}

/** Whether something listens on 127.0.0.1:`port` already (or it cannot be bound at all). */
function portTaken(port) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', (error) => resolve(error.code ?? 'error'));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(undefined)));
	});
}

/** /proc/<pid>/stat as { ppid, state }, or undefined once the process is gone. */
function procStat(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { state, ppid: Number(ppid) };
	} catch {
		return undefined;
	}
}

function commandLine(pid) {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return '';
	}
}

/**
 * The processes that launched this one for `npm start`: the parent, and up the chain the shell npm
 * runs scripts with and npm itself. A process manager's SIGTERM reaches npm only, and npm exits
 * without stopping its script: when any of these is gone, we stop everything ourselves.
 */
function launchers() {
	const pids = [process.ppid];
	if (!process.env.npm_lifecycle_event) return pids;
	// npm runs a script through `sh -c`: up through the shell to npm itself.
	for (let pid = process.ppid, depth = 0; depth < 3; depth++) {
		const line = commandLine(pid);
		if (/(^|[/\s])npm(-cli\.js)?(\s|$)/.test(line)) {
			if (!pids.includes(pid)) pids.push(pid);
			break;
		}
		if (!/(^|\/)(sh|bash|dash)\s/.test(line)) break;
		const stat = procStat(pid);
		if (!stat || stat.ppid <= 1) break;
		pid = stat.ppid;
		if (!pids.includes(pid)) pids.push(pid);
	}
	return pids;
}

function watchLaunchers(onGone) {
	const parent = process.ppid;
	const watched = launchers();
	const timer = setInterval(() => {
		const gone =
			process.ppid !== parent ||
			watched.some((pid) => {
				const stat = procStat(pid);
				return !stat || stat.state === 'Z';
			});
		if (gone) {
			clearInterval(timer);
			onGone();
		}
	}, 500);
	timer.unref();
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error.message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (options.help) {
		console.log(USAGE);
		return;
	}

	// Before touching anything: a second `npm start` must not take over the n8n already running there.
	const ports = [
		['n8n', options.port, '--port'],
		['the sandbox', options.sandboxPort, '--sandbox-port'],
	];
	if (options.port === options.sandboxPort) {
		console.error(
			`n8n and the sandbox cannot share port ${options.port}: choose another with --sandbox-port`,
		);
		process.exit(2);
	}
	for (const [what, port, flag] of ports) {
		const problem = await portTaken(port);
		if (!problem) continue;
		console.error(
			problem === 'EADDRINUSE'
				? `Port ${port} (for ${what}) is already in use: is another \`npm start\` running? Stop it, or choose another port with ${flag} N.`
				: `Port ${port} (for ${what}) cannot be used (${problem}): choose another with ${flag} N.`,
		);
		console.error('Nothing was started.');
		process.exit(1);
	}

	// Queue mode starts from scratch each time: its Postgres lives in a temp folder.
	const userFolder = options.queue
		? mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-start-queue-'))
		: USER_FOLDER;
	if (options.fresh && !options.queue) rmSync(USER_FOLDER, { recursive: true, force: true });

	let stopStack;
	let starting;
	let stopping = false;
	const shutdown = async (code, why) => {
		if (stopping) return;
		stopping = true;
		console.log(
			`\n${why ?? 'Stopping'}: stopping ${options.queue ? 'n8n (main and workers), Postgres, Redis' : 'n8n'} and the sandbox …`,
		);
		await stopStack?.();
		// Whatever was still starting stops itself on failure; what started meanwhile is stopped here.
		await starting?.catch(() => undefined);
		await stopStack?.();
		if (options.queue) rmSync(userFolder, { recursive: true, force: true });
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
		process.on(signal, () => void shutdown(0, signal));
	watchLaunchers(() => void shutdown(0, 'npm was stopped'));

	const log = (line) => console.log(line);
	let stack;
	try {
		starting = startStack({
			userFolder,
			n8nPort: options.port,
			sandboxPort: options.sandboxPort,
			seed: true,
			build: options.build,
			log,
			echoN8n: options.verbose ? (line) => console.log(`[n8n] ${line}`) : undefined,
			echoSandbox: options.verbose ? (line) => console.log(`[sandbox] ${line}`) : undefined,
			queue: options.queue ? { workers: options.workers } : undefined,
			onStop: (stop) => {
				stopStack = stop;
			},
		});
		stack = await starting;
	} catch (error) {
		if (stopping) return;
		console.error(`\nnpm start failed: ${error.message}`);
		if (/EADDRINUSE|already in use/i.test(error.message))
			console.error('A port is taken: choose others with  npm start -- --port N --sandbox-port M');
		if (options.queue) rmSync(userFolder, { recursive: true, force: true });
		process.exit(1);
	}
	if (stopping) return;

	printReady(stack);
	const processes = [
		stack.n8n.proc,
		stack.sandbox.proc,
		...(stack.workers ?? []).map((worker) => worker.proc),
	];
	if (stack.queue) processes.push(stack.queue.postgres.proc, stack.queue.redis.proc);
	for (const proc of processes) {
		proc.exited.then((exit) => {
			if (stopping) return;
			console.error(
				`\n${proc.name} stopped unexpectedly (${JSON.stringify(exit)}); last output:\n${proc.tail()}`,
			);
			void shutdown(1, `${proc.name} stopped`);
		});
	}
}

function printReady(stack) {
	const { n8n, sandbox, owner, credentials, credentialProblems, workflows, userFolder } = stack;
	const lines = [
		'',
		`n8n with ${stack.packageName} is ready${stack.queue ? ' in queue mode' : ''}`,
		'',
		`  Editor      ${n8n.url}`,
		`  Login       ${owner.email}  /  ${owner.password}`,
		'',
		'  Example workflows (open one, then "Execute workflow"):',
		...workflows.map(
			(workflow) => `    ${workflow.name}\n      ${n8n.url}/workflow/${workflow.id}`,
		),
		'',
		'  Sandbox credentials:',
		...credentials.map((credential) => `    ${credential.name}  →  ${credential.baseUrl}`),
		...credentialProblems.map((problem) => `    (none for ${problem})`),
		'',
		`  Vendor sandbox  ${sandbox.url}   (demo data loaded; ${sandbox.url}/_control for ledger, seed, reset, faults)`,
	];
	if (stack.queue) {
		const { postgres, redis } = stack.queue;
		lines.push(
			'',
			'  Queue mode (what runs where):',
			`    n8n main     ${n8n.url}   pid ${n8n.proc.pid}   editor, REST, pollers; puts executions on Redis`,
			...stack.workers.map(
				(worker) =>
					`    ${worker.name.padEnd(11)}  ${worker.url}/healthz   pid ${worker.proc.pid}   runs executions (concurrency ${worker.concurrency})`,
			),
			`    Postgres     ${postgres.host}:${postgres.port}   database ${postgres.database}, user ${postgres.user}   pid ${postgres.proc.pid}`,
			`    Redis        ${redis.host}:${redis.port}   pid ${redis.proc.pid}`,
			`    Data         ${stack.queue.dir} and ${userFolder} (removed on stop)`,
		);
	}
	const logs = [
		'n8n.log',
		'sandbox.log',
		...(stack.workers ?? []).map((worker) => `${worker.name}.log`),
	];
	lines.push(
		`  Logs            ${logs.map((file) => path.join(userFolder, file)).join(', ')}`,
		'',
		`Ctrl-C stops ${stack.queue ? 'all of it' : 'n8n and the sandbox'}.`,
	);
	console.log(lines.join('\n'));
}

await main();
