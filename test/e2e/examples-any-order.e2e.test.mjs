// The examples as `npm start` serves them: on the demo sandbox (seeded, prepared for the examples
// as `npm start` does it), each example runs and does its work whichever ran before it — in file
// order on one fresh demo sandbox, in reverse order on another.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareSandboxForExamples } from '../../scripts/n8n/provision.mjs';
import { startSandboxProcess } from '../../scripts/n8n/sandbox.mjs';
import {
	connect,
	describeFailure,
	loadCase,
	runnableNodes,
	runWorkflow,
	startNodes,
	writtenEntities,
} from './support/e2e.mjs';

let ctx;
let logDir;
let current;

/** Points every sandbox credential in n8n at `url` instead of the suite's sandbox. */
async function pointCredentialsAt(url) {
	for (const credential of ctx.info.credentials) {
		const data = Object.fromEntries(
			Object.entries(credential.data).map(([key, value]) => [
				key,
				typeof value === 'string' ? value.replace(ctx.info.sandboxUrl, url) : value,
			]),
		);
		await ctx.client.updateCredential(credential.id, {
			name: credential.name,
			type: credential.type,
			data,
		});
	}
}

/** A fresh sandbox with the demo data, as `npm start` starts it, with n8n's credentials on it. */
async function demoSandbox(name) {
	await current?.stop();
	current = await startSandboxProcess({ seed: true, logFile: path.join(logDir, `${name}.log`) });
	await prepareSandboxForExamples(current.control);
	await pointCredentialsAt(current.url);
	return current;
}

async function runExample(example, sandbox) {
	const kase = await loadCase(example.slug);
	// Started by something else than a manual run (e.g. MCP clients): its own test file runs it.
	if (kase.runBy) return;
	const starts = startNodes(example.workflow);
	const trigger = kase.trigger ?? starts[0].name;
	const since = await sandbox.control.ledgerMark();
	const execution = await runWorkflow(ctx.client, example.id, trigger);
	if (execution.status !== 'success')
		throw new Error(`${example.slug} did not succeed:\n${describeFailure(execution)}`);
	// Every node ran: no filter or empty queue cut the flow short, so it did its work.
	const ran = execution.ranNodes.sort();
	const expected = runnableNodes(example.workflow)
		.map((node) => node.name)
		.sort();
	if (JSON.stringify(ran) !== JSON.stringify(expected))
		throw new Error(
			`${example.slug} ran only [${ran.join(', ')}] of [${expected.join(', ')}]:\n${describeFailure(execution)}\n${JSON.stringify(execution).slice(0, 1500)}`,
		);
	const wrote = (await writtenEntities(sandbox.control, since)).length > 0;
	expect({ slug: example.slug, wrote }).toEqual({ slug: example.slug, wrote: !kase.readOnly });
}

beforeAll(async () => {
	ctx = await connect();
	logDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-demo-'));
});

afterAll(async () => {
	await current?.stop();
	if (ctx) await pointCredentialsAt(ctx.info.sandboxUrl);
});

describe('examples on the npm start demo data', () => {
	test('each works in file order', async () => {
		const sandbox = await demoSandbox('forward');
		for (const example of ctx.examples) await runExample(example, sandbox);
	});

	test('each works in reverse order', async () => {
		const sandbox = await demoSandbox('reverse');
		for (const example of [...ctx.examples].reverse()) await runExample(example, sandbox);
	});
});
