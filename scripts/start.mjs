#!/usr/bin/env node
// `npm start`: a real n8n on this machine with the pack installed, the vendor sandbox, sandbox
// credentials and the example workflows. Ctrl-C stops everything it started.
//
//   npm start -- [--port 5678] [--sandbox-port 4010] [--fresh] [--verbose]
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { startStack } from './n8n/stack.mjs';

const USAGE = `Usage: npm start [-- options]
  --port N           n8n's port (default 5678)
  --sandbox-port N   the vendor sandbox's port (default 4010)
  --fresh            start from an empty n8n user folder (new owner, credentials and examples)
  --verbose          print n8n's and the sandbox's output too (they always go to log files)
Environment: FULFILLMENT_N8N_USER_FOLDER  n8n's user folder (default ~/.cache/n8n-nodes-fulfillment/start-<id>)`;

/**
 * n8n's user folder, kept between runs so the editor keeps your own workflows and executions. It
 * must lie outside this repository: the pack installed in it would otherwise load the repo's
 * node_modules/zod and n8n-workflow instead of n8n's (see scripts/n8n/pack.mjs, userFolderProblem).
 */
const USER_FOLDER =
	process.env.FULFILLMENT_N8N_USER_FOLDER ||
	path.join(homedir(), '.cache', 'n8n-nodes-fulfillment', `start-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 8)}`);

function parseArgs(argv) {
	const options = { port: 5678, sandboxPort: 4010, fresh: false, verbose: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const next = inline ?? argv[++i];
			const port = Number(next);
			if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${flag} needs a port number`);
			return port;
		};
		if (flag === '--port') options.port = value();
		else if (flag === '--sandbox-port') options.sandboxPort = value();
		else if (flag === '--fresh') options.fresh = true;
		else if (flag === '--verbose') options.verbose = true;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else throw new Error(`Unknown option ${argv[i]}`);
	}
	return options;
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
	if (options.fresh) rmSync(USER_FOLDER, { recursive: true, force: true });

	let stack;
	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox …');
		await stack?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	const log = (line) => console.log(line);
	try {
		stack = await startStack({
			userFolder: USER_FOLDER,
			n8nPort: options.port,
			sandboxPort: options.sandboxPort,
			seed: true,
			log,
			echoN8n: options.verbose ? (line) => console.log(`[n8n] ${line}`) : undefined,
			echoSandbox: options.verbose ? (line) => console.log(`[sandbox] ${line}`) : undefined,
		});
	} catch (error) {
		console.error(`\nnpm start failed: ${error.message}`);
		if (/EADDRINUSE|already in use/i.test(error.message))
			console.error('A port is taken: choose others with  npm start -- --port N --sandbox-port M');
		process.exit(1);
	}
	if (stopping) return;

	printReady(stack);
	for (const proc of [stack.n8n.proc, stack.sandbox.proc]) {
		proc.exited.then((exit) => {
			if (stopping) return;
			console.error(`\n${proc.name} stopped unexpectedly (${JSON.stringify(exit)}); last output:\n${proc.tail()}`);
			void shutdown(1);
		});
	}
}

function printReady(stack) {
	const { n8n, sandbox, owner, credentials, credentialProblems, workflows, userFolder } = stack;
	const lines = [
		'',
		`n8n with ${stack.packageName} is ready`,
		'',
		`  Editor      ${n8n.url}`,
		`  Login       ${owner.email}  /  ${owner.password}`,
		'',
		'  Example workflows (open one, then "Execute workflow"):',
		...workflows.map((workflow) => `    ${workflow.name}\n      ${n8n.url}/workflow/${workflow.id}`),
		'',
		'  Sandbox credentials:',
		...credentials.map((credential) => `    ${credential.name}  →  ${credential.baseUrl}`),
		...credentialProblems.map((problem) => `    (none for ${problem})`),
		'',
		`  Vendor sandbox  ${sandbox.url}   (demo data loaded; ${sandbox.url}/_control for ledger, seed, reset, faults)`,
		`  Logs            ${path.join(userFolder, 'n8n.log')}, ${path.join(userFolder, 'sandbox.log')}`,
		'',
		'Ctrl-C stops n8n and the sandbox.',
	];
	console.log(lines.join('\n'));
}

await main();
