// The e2e stack as both suites start it (test/e2e/global-setup.mjs, test/e2e-queue): a new n8n user
// folder outside the repository, scripts/n8n/stack.mjs (the same path `npm start` takes), and what
// the test files read of it in FULFILLMENT_E2E.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../../../scripts/n8n/stack.mjs';

/**
 * Starts the stack; `name` tags the log lines and the user folder ("e2e", "e2e-queue"). Other
 * options go to startStack (e.g. `queue`, `seed`).
 */
export async function startE2EStack(name, options = {}) {
	const log = (line) => process.stderr.write(`${line}\n`);
	// Outside the repository on purpose: see userFolderProblem in scripts/n8n/pack.mjs.
	const userFolder = mkdtempSync(path.join(os.tmpdir(), `n8n-fulfillment-${name}-`));
	log(`\n[${name}] n8n user folder: ${userFolder}`);
	const stack = await startStack({
		userFolder,
		build: process.env.FULFILLMENT_E2E_SKIP_BUILD !== '1',
		log,
		...options,
	});
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
		workflows: stack.workflows.map(({ slug, id, name: workflowName }) => ({
			slug,
			id,
			name: workflowName,
		})),
	});
	return { stack, log };
}
