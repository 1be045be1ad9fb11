// Starts, once for the whole suite: the vendor sandbox and a real n8n with the freshly built and
// packed pack npm-installed into a new user folder, the owner account, sandbox credentials and the
// example workflows (scripts/n8n/stack.mjs, the same path `npm start` takes).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../../scripts/n8n/stack.mjs';

export default async function globalSetup() {
	const started = Date.now();
	// Outside the repository on purpose: see userFolderProblem in scripts/n8n/pack.mjs.
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-e2e-'));
	const log = (line) => process.stderr.write(`${line}\n`);
	log(`\n[e2e] n8n user folder: ${userFolder}`);
	const stack = await startStack({
		userFolder,
		seed: false,
		build: process.env.FULFILLMENT_E2E_SKIP_BUILD !== '1',
		log,
	});
	globalThis.__fulfillmentE2E = stack;
	process.env.FULFILLMENT_E2E = JSON.stringify({
		n8nUrl: stack.n8n.url,
		n8nInstall: stack.n8nInstall,
		sandboxUrl: stack.sandbox.url,
		owner: stack.owner,
		packageName: stack.packageName,
		packageDir: stack.packageDir,
		userFolder,
		credentials: stack.credentials,
		credentialProblems: stack.credentialProblems,
		workflows: stack.workflows.map(({ slug, id, name }) => ({ slug, id, name })),
	});
	log(`[e2e] ready in ${Math.round((Date.now() - started) / 1000)} s`);
}
