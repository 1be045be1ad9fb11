// Polling triggers once their workflow is active: n8n polls on its own schedule (at most once a
// minute), and each new sandbox item must start exactly one execution (see support/active.mjs).
// On n8n 2.x the same cases run again on a second n8n with the durable poller on (polls from the
// scheduler table, trigger state in `poller_state`, committed with the execution).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadExamples } from '../../scripts/n8n/provision.mjs';
import { startStack } from '../../scripts/n8n/stack.mjs';
import { activeSubjects, pollingTypes, runActiveCases } from './support/active.mjs';
import { connect, loadCase } from './support/e2e.mjs';
import { DURABLE_POLLER } from './support/durable.mjs';

let ctx;
let subjects;

beforeAll(async () => {
	ctx = await connect();
	subjects = await activeSubjects(ctx);
});

describe('polling triggers in an active workflow', () => {
	test('every polling trigger of the pack has an example with an active case', async () => {
		const covered = new Set();
		for (const example of ctx.examples) {
			const kase = await loadCase(example.slug);
			if (kase.active) for (const node of example.workflow.nodes) covered.add(node.type);
		}
		expect(pollingTypes().filter((type) => !covered.has(type))).toEqual([]);
	});

	test('emit each new sandbox item exactly once', async () => {
		expect(subjects.length).toBeGreaterThan(0);
		await runActiveCases(ctx, subjects, { expect });
	});
});

const major = Number(
	String(JSON.parse(process.env.FULFILLMENT_E2E ?? '{}').n8nInstall?.version ?? '2').split('.')[0],
);

(major >= 2 ? describe : describe.skip)('polling triggers under n8n’s durable poller', () => {
	let stack;
	let userFolder;
	let durable;

	beforeAll(async () => {
		// Its own user folder, n8n and sandbox: the switches are read at boot.
		userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-e2e-durable-'));
		stack = await startStack({
			userFolder,
			build: false,
			n8nEnv: DURABLE_POLLER,
			log: (line) => process.stderr.write(`[durable] ${line}\n`),
		});
		await stack.client.login(stack.owner);
		durable = {
			info: ctx.info,
			client: stack.client,
			sandbox: stack.sandbox.control,
			examples: loadExamples().map((example) => ({
				...example,
				...stack.workflows.find((workflow) => workflow.slug === example.slug),
			})),
		};
	}, 300_000);

	afterAll(async () => {
		await stack?.stop();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	test('emit each new sandbox item exactly once, with the trigger state in poller_state', async () => {
		const durableSubjects = await activeSubjects(durable);
		expect(durableSubjects.length).toBe(subjects.length);
		await runActiveCases(durable, durableSubjects, { expect });

		// The durable path really ran: n8n kept each trigger's state in its poller_state table.
		const db = new DatabaseSync(path.join(userFolder, '.n8n', 'database.sqlite'), {
			readOnly: true,
		});
		try {
			const rows = db.prepare('SELECT "workflowId", "cursor" FROM poller_state').all();
			const initialized = rows.filter((row) => String(row.cursor).includes('"initialized":true'));
			expect(new Set(initialized.map((row) => row.workflowId)).size).toBe(durableSubjects.length);
		} finally {
			db.close();
		}
	}, 600_000);
});
