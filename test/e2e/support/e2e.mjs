// What every e2e test file uses: the running n8n (logged in) and sandbox, the examples and their
// cases, and the pack's node and credential types as package.json declares them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../scripts/paths.mjs';
import { loadExamples } from '../../../scripts/n8n/provision.mjs';
import { executionError, N8nClient, nodeOutput } from '../../../scripts/n8n/rest.mjs';
import { SandboxControl } from '../../../scripts/n8n/sandbox.mjs';

export const CASES_DIR = path.join(repoRoot, 'test', 'e2e', 'cases');

/** The suite's n8n and sandbox (started by global-setup.mjs), with a logged-in REST client. */
export async function connect() {
	if (!process.env.FULFILLMENT_E2E)
		throw new Error('run the e2e tests with `npm run test:e2e` (global-setup.mjs starts n8n)');
	const info = JSON.parse(process.env.FULFILLMENT_E2E);
	const client = new N8nClient(info.n8nUrl, info.n8nInstall);
	await client.login(info.owner);
	const sandbox = new SandboxControl(info.sandboxUrl);
	const examples = loadExamples().map((example) => ({
		...example,
		...info.workflows.find((workflow) => workflow.slug === example.slug),
	}));
	return { info, client, sandbox, examples };
}

/** Examples as loadExamples() reads them, known when jest collects the tests. */
export const exampleFiles = () => loadExamples();

/**
 * The case of an example: `test/e2e/cases/<example file name>.case.mjs` (see cases/README.md).
 */
export async function loadCase(slug) {
	const file = path.join(CASES_DIR, `${slug}.case.mjs`);
	if (!existsSync(file))
		throw new Error(
			`examples/${slug}.json has no e2e case: add test/e2e/cases/${slug}.case.mjs (see test/e2e/cases/README.md)`,
		);
	return (await import(pathToFileURL(file).href)).default;
}

const STICKY_NOTE = 'n8n-nodes-base.stickyNote';

/** The nodes of a workflow that run (enabled, not sticky notes). */
export function runnableNodes(workflow) {
	return workflow.nodes.filter((node) => !node.disabled && node.type !== STICKY_NOTE);
}

/** The sticky notes of a workflow. */
export function stickyNotes(workflow) {
	return workflow.nodes.filter((node) => node.type === STICKY_NOTE);
}

/**
 * What a run wrote in the sandbox since `since`: every entity it created or changed, as
 * `<vendor>:<entity>:<id>`, sorted (the ledger's state changes; settings the tests set are not data).
 */
export async function writtenEntities(sandbox, since) {
	const changes = await sandbox.ledger({ type: 'change', since });
	const written = new Set(
		changes
			.filter((change) => change.entity !== 'settings')
			.map((change) => `${change.vendor}:${change.entity}:${change.id}`),
	);
	return [...written].sort();
}

/** Nodes nothing connects into: where a manual run starts. */
export function startNodes(workflow) {
	const targets = new Set(
		Object.values(workflow.connections).flatMap((outputs) =>
			Object.values(outputs).flatMap((lists) =>
				lists.flatMap((list) => (list ?? []).map((connection) => connection.node)),
			),
		),
	);
	return runnableNodes(workflow).filter((node) => !targets.has(node.name));
}

/**
 * Runs a stored workflow the way the editor's "Execute workflow" does, from `trigger`, and waits
 * for it. Returns the execution with helpers: output(nodeName), error.
 */
export async function runWorkflow(client, workflowId, trigger) {
	const executionId = await client.runWorkflow(workflowId, trigger);
	const execution = await client.waitForExecution(executionId);
	return withHelpers(execution);
}

export function withHelpers(execution) {
	return {
		...execution,
		output: (nodeName, options) => nodeOutput(execution, nodeName, options),
		error: executionError(execution),
		ranNodes: Object.keys(execution.data?.resultData?.runData ?? {}),
	};
}

/** A readable summary of why an execution did not succeed. */
export function describeFailure(execution) {
	const runData = execution.data?.resultData?.runData ?? {};
	const nodeErrors = Object.entries(runData).flatMap(([name, runs]) =>
		runs
			.filter((run) => run.error)
			.map((run) => `${name}: ${run.error.message} ${run.error.description ?? ''}`),
	);
	return JSON.stringify(
		{ status: execution.status, error: executionError(execution), nodeErrors },
		null,
		2,
	);
}

let installed;

/**
 * The installed package (in the n8n user folder) loaded the way n8n loads it, in a child process:
 * Node's resolution from the package's folder, then NODE_PATH as n8n's LoadNodesAndCredentials sets
 * it (n8n's own node_modules). Returns its node and credential types as its package.json declares
 * them, every file that loading pulled in, and where zod and n8n-workflow came from.
 */
export function installedPack() {
	if (installed) return installed;
	const { packageDir, n8nInstall } = JSON.parse(process.env.FULFILLMENT_E2E);
	const script = `
		const Module = require('module');
		const path = require('path');
		process.env.NODE_PATH = Module._nodeModulePaths(${JSON.stringify(n8nInstall.dist)}).join(path.delimiter);
		Module._initPaths();
		const dir = ${JSON.stringify(packageDir)};
		const { n8n } = require(path.join(dir, 'package.json'));
		const load = (file) => { const [Class] = Object.values(require(path.join(dir, file))); return new Class(); };
		const nodes = n8n.nodes.map((file) => {
			const { description } = load(file);
			return { file, name: description.name, polling: !!description.polling, credentials: (description.credentials ?? []).map((c) => c.name) };
		});
		const credentials = n8n.credentials.map((file) => { const credential = load(file); return { file, name: credential.name, displayName: credential.displayName }; });
		const origin = (name) => {
			const file = Object.keys(require.cache).find((key) => key.includes(path.sep + 'node_modules' + path.sep + name + path.sep));
			if (!file) return null;
			let root = path.dirname(file);
			while (path.basename(path.dirname(root)) !== 'node_modules') root = path.dirname(root);
			return { dir: root, version: require(path.join(root, 'package.json')).version };
		};
		console.log(JSON.stringify({ nodes, credentials, loaded: Object.keys(require.cache), zod: origin('zod'), n8nWorkflow: origin('n8n-workflow') }));`;
	const result = spawnSync(process.execPath, ['-e', script], { cwd: packageDir, encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`could not load the installed pack ${packageDir}: ${result.stderr}`);
	installed = { ...JSON.parse(result.stdout), stderr: result.stderr };
	return installed;
}

/** The pack's node and credential types as its package.json's "n8n" section declares them. */
export function declaredPackTypes() {
	const { nodes, credentials } = installedPack();
	return { nodes, credentials };
}

/** The version of a package in this repository's package-lock.json (what we build and test against). */
export function lockedVersion(name) {
	const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
	return lock.packages?.[`node_modules/${name}`]?.version;
}

/** Polls `check()` until it returns a truthy value; fails with `describe()` after `timeoutMs`. */
export async function waitFor(check, { timeoutMs, intervalMs = 2000, describe = () => '' }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`gave up after ${Math.round(timeoutMs / 1000)} s: ${await describe()}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
