// The whole "real n8n" setup, shared by `npm start` and the e2e suite:
// n8n installed (cached) → pack built, packed and npm-installed into the user folder → sandbox and
// n8n started → owner account → sandbox credentials → example workflows.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureN8n } from './install.mjs';
import { buildPack, installPacks, packageJson, packTarball, userFolderProblem } from './pack.mjs';
import {
	DEMO_OWNER,
	importExamples,
	loadedPackTypes,
	planSandboxCredentials,
	prepareSandboxForExamples,
	upsertCredentials,
} from './provision.mjs';
import { N8nClient } from './rest.mjs';
import { startSandboxProcess } from './sandbox.mjs';
import {
	ensureEncryptionKey,
	ensureQueueServices,
	queueEnv,
	startPostgres,
	startRedis,
} from './queue.mjs';
import { startN8n, startN8nWorker } from './server.mjs';

/**
 * Starts everything; returns { n8n, sandbox, client, owner, credentials, workflows, packageDir,
 * credentialProblems, stop() }. On a failure, whatever was started is stopped again.
 *
 * @param {object} options
 * @param {string} options.userFolder   N8N_USER_FOLDER (n8n keeps `.n8n/` inside it)
 * @param {number} [options.n8nPort]    default: a free port
 * @param {number} [options.sandboxPort] default: a free port
 * @param {boolean} [options.seed]      start the sandbox with each vendor's demo data
 * @param {boolean} [options.build]     build the pack first (default true)
 * @param {(line: string) => void} [options.log]
 * @param {(line: string) => void} [options.echoN8n]   receives n8n's output lines
 * @param {(line: string) => void} [options.echoSandbox]   receives the sandbox's output lines
 * @param {object} [options.queue]   queue mode: { workers = 2, concurrency = 5 }. A private Postgres
 *   and Redis in a temp folder (removed by stop()), n8n main (`n8n start`) and `workers` workers
 *   (`n8n worker`) sharing the user folder. Adds { queue: { postgres, redis, dir, env }, workers,
 *   startWorker(name) } to the result.
 * @param {(stop: () => Promise<void>) => void} [options.onStop]  receives stop() at once, to stop
 *   what has started so far when the caller is asked to quit while the stack is still starting
 * @param {Record<string, string>} [options.n8nEnv]   extra environment for n8n, main and workers
 *   (e.g. NODE_OPTIONS)
 * @param {{ name: string, tarball: string }[]} [options.packages]   install these packed packages
 *   instead of building and packing this repository's (scripts/pack-all.mjs makes them)
 * @param {object} [options.sandbox]   a running sandbox (startSandboxProcess) to use instead of
 *   starting one; stop() leaves it running
 * @param {object[]} [options.examples]   the examples to import (loadExamples()), default all
 */
export async function startStack({
	userFolder,
	n8nPort,
	sandboxPort,
	seed = false,
	build = true,
	log = console.error,
	echoN8n,
	echoSandbox,
	queue,
	onStop,
	n8nEnv,
	packages,
	sandbox: givenSandbox,
	examples,
}) {
	const problem = userFolderProblem(userFolder);
	if (problem) throw new Error(problem);
	mkdirSync(userFolder, { recursive: true });
	// The n8n install (minutes, the first time) runs in its own npm process while the pack builds:
	// ensureN8n has started that process by the time it returns its promise.
	const installing = ensureN8n({ log });
	installing.catch(() => {});
	if (build && !packages) buildPack({ log });
	const n8nInstall = await installing;
	const installs = packages ?? [
		{ name: packageJson().name, tarball: packTarball(path.join(userFolder, 'pack')) },
	];
	const packageDirs = installPacks(userFolder, installs, { log });
	const [{ tarball }] = installs;
	const [packageDir] = packageDirs;

	const started = [];
	let queueDir;
	const stop = async () => {
		const running = started.splice(0).reverse();
		for (const proc of running) await proc.stop();
		if (queueDir) rmSync(queueDir, { recursive: true, force: true });
	};
	onStop?.(stop);
	try {
		let extraEnv;
		let cluster;
		if (queue) {
			const services = ensureQueueServices({ log });
			// Postgres runs as its own user: its folder must not lie under a private home folder.
			queueDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-queue-'));
			chmodSync(queueDir, 0o711);
			log('[stack] starting Postgres and Redis');
			const postgres = await startPostgres({
				dir: path.join(queueDir, 'postgres'),
				postgresBin: services.postgresBin,
				logFile: path.join(userFolder, 'postgres.log'),
			});
			started.push(postgres);
			const redis = await startRedis({
				dir: path.join(queueDir, 'redis'),
				redisServer: services.redisServer,
				logFile: path.join(userFolder, 'redis.log'),
			});
			started.push(redis);
			extraEnv = queueEnv({ postgres, redis, encryptionKey: ensureEncryptionKey(userFolder) });
			cluster = { postgres, redis, dir: queueDir, env: extraEnv };
		}
		log(`[stack] starting the sandbox and n8n${queue ? ' main' : ''}`);
		const [sandboxStart, n8nStart] = await Promise.allSettled([
			givenSandbox ??
				startSandboxProcess({
					port: sandboxPort,
					seed,
					logFile: path.join(userFolder, 'sandbox.log'),
					echo: echoSandbox,
				}),
			startN8n({
				n8n: n8nInstall,
				userFolder,
				port: n8nPort,
				logFile: path.join(userFolder, 'n8n.log'),
				echo: echoN8n,
				extraEnv: { ...extraEnv, ...n8nEnv },
			}),
		]);
		// Stopped in reverse: n8n before the sandbox it talks to.
		for (const start of [sandboxStart, n8nStart])
			if (start.status === 'fulfilled' && start.value !== givenSandbox) started.push(start.value);
		for (const start of [sandboxStart, n8nStart])
			if (start.status === 'rejected') throw start.reason;
		const sandbox = sandboxStart.value;
		const n8n = n8nStart.value;
		const workers = [];
		const startWorker = async (name) => {
			const worker = await startN8nWorker({
				n8n: n8nInstall,
				userFolder,
				name,
				concurrency: queue.concurrency ?? 5,
				logFile: path.join(userFolder, `${name}.log`),
				extraEnv: { ...extraEnv, ...n8nEnv },
			});
			started.push(worker);
			return worker;
		};
		if (queue) {
			// After main: it runs the database migrations the workers expect.
			const count = queue.workers ?? 2;
			log(`[stack] starting ${count} workers`);
			const names = Array.from({ length: count }, (_, index) => `worker-${index + 1}`);
			const results = await Promise.allSettled(names.map((name) => startWorker(name)));
			for (const result of results) if (result.status === 'rejected') throw result.reason;
			workers.push(...results.map((result) => result.value));
		}
		const client = new N8nClient(n8n.url, n8nInstall);
		const ownerState = await client.ensureOwner(DEMO_OWNER);
		log(`[stack] n8n ready at ${n8n.url} (owner ${ownerState})`);

		const packageNames = installs.map(({ name }) => name);
		const [packageName] = packageNames;
		const types = { nodes: [], credentials: [] };
		for (const name of packageNames) {
			const loaded = await loadedPackTypes(client, name);
			if (loaded.nodes.length === 0)
				throw new Error(`n8n loaded no ${name} nodes; see ${path.join(userFolder, 'n8n.log')}`);
			types.nodes.push(...loaded.nodes);
			for (const credential of loaded.credentials)
				if (!types.credentials.some((known) => known.name === credential.name))
					types.credentials.push(credential);
		}
		if (seed) await prepareSandboxForExamples(sandbox.control);
		const overview = await sandbox.control.overview();
		const { planned, problems } = planSandboxCredentials(types.credentials, overview);
		for (const problem of problems) log(`[stack] no sandbox credential for ${problem}`);
		const credentials = await upsertCredentials(client, planned);
		const workflows = await importExamples(client, credentials, examples);
		return {
			n8n,
			n8nInstall,
			sandbox,
			client,
			owner: DEMO_OWNER,
			packageName,
			packageNames,
			packageDir,
			packageDirs,
			tarball,
			userFolder,
			types,
			credentials,
			credentialProblems: problems,
			workflows,
			...(queue && { queue: cluster, workers, startWorker }),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
