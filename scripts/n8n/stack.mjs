// The whole "real n8n" setup, shared by `npm start` and the e2e suite:
// n8n installed (cached) → pack built, packed and npm-installed into the user folder → sandbox and
// n8n started → owner account → sandbox credentials → example workflows.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureN8n } from './install.mjs';
import { buildPack, installPack, packageJson, packTarball, userFolderProblem } from './pack.mjs';
import { DEMO_OWNER, importExamples, loadedPackTypes, planSandboxCredentials, prepareSandboxForExamples, upsertCredentials } from './provision.mjs';
import { N8nClient } from './rest.mjs';
import { startSandboxProcess } from './sandbox.mjs';
import { startN8n } from './server.mjs';

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
 */
export async function startStack({ userFolder, n8nPort, sandboxPort, seed = false, build = true, log = console.error, echoN8n, echoSandbox }) {
	const problem = userFolderProblem(userFolder);
	if (problem) throw new Error(problem);
	mkdirSync(userFolder, { recursive: true });
	const n8nInstall = await ensureN8n({ log });
	if (build) buildPack({ log });
	const tarball = packTarball(path.join(userFolder, 'pack'));
	const packageDir = installPack(userFolder, tarball, { log });

	const started = [];
	const stop = async () => {
		const running = started.splice(0).reverse();
		for (const proc of running) await proc.stop();
	};
	try {
		log('[stack] starting the sandbox and n8n');
		const [sandboxStart, n8nStart] = await Promise.allSettled([
			startSandboxProcess({ port: sandboxPort, seed, logFile: path.join(userFolder, 'sandbox.log'), echo: echoSandbox }),
			startN8n({ n8n: n8nInstall, userFolder, port: n8nPort, logFile: path.join(userFolder, 'n8n.log'), echo: echoN8n }),
		]);
		// Stopped in reverse: n8n before the sandbox it talks to.
		for (const start of [sandboxStart, n8nStart]) if (start.status === 'fulfilled') started.push(start.value);
		for (const start of [sandboxStart, n8nStart]) if (start.status === 'rejected') throw start.reason;
		const [sandbox, n8n] = started;
		const client = new N8nClient(n8n.url, n8nInstall);
		const ownerState = await client.ensureOwner(DEMO_OWNER);
		log(`[stack] n8n ready at ${n8n.url} (owner ${ownerState})`);

		const { name: packageName } = packageJson();
		const types = await loadedPackTypes(client, packageName);
		if (types.nodes.length === 0) throw new Error(`n8n loaded no ${packageName} nodes; see ${path.join(userFolder, 'n8n.log')}`);
		if (seed) await prepareSandboxForExamples(sandbox.control);
		const overview = await sandbox.control.overview();
		const { planned, problems } = planSandboxCredentials(types.credentials, overview);
		for (const problem of problems) log(`[stack] no sandbox credential for ${problem}`);
		const credentials = await upsertCredentials(client, planned);
		const workflows = await importExamples(client, credentials);
		return {
			n8n,
			n8nInstall,
			sandbox,
			client,
			owner: DEMO_OWNER,
			packageName,
			packageDir,
			tarball,
			userFolder,
			types,
			credentials,
			credentialProblems: problems,
			workflows,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
