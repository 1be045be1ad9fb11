// Polling triggers once their workflow is active: n8n polls on its own schedule (at most once a
// minute), and each new sandbox item must start exactly one execution. All examples with an
// `active` case are activated together, once, so the wait does not grow with the number of vendors.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { connect, declaredPackTypes, loadCase, waitFor, withHelpers } from './support/e2e.mjs';

/** n8n polls once while activating, then every minute at a random second. */
const FIRST_POLL_WAIT_MS = 30_000;
const ROUND_WAIT_MS = 75_000;

let ctx;
const subjects = [];
const activated = [];

beforeAll(async () => {
	ctx = await connect();
	ctx.pollingTypes = new Set(pollingTypes());
	for (const example of ctx.examples) {
		const kase = await loadCase(example.slug);
		if (!kase.active) continue;
		const trigger = example.workflow.nodes.find((node) => ctx.pollingTypes.has(node.type));
		if (!trigger) throw new Error(`${example.slug} has an "active" case but no polling trigger of the pack`);
		subjects.push({ example, kase, trigger: trigger.name, rounds: [], executions: new Map() });
	}
});

afterAll(async () => {
	for (const id of activated) await ctx.client.deactivate(id).catch(() => undefined);
});

/** Node types of the pack that poll, as n8n names them. */
function pollingTypes() {
	const { packageName } = JSON.parse(process.env.FULFILLMENT_E2E);
	return declaredPackTypes()
		.nodes.filter((node) => node.polling)
		.map((node) => `${packageName}.${node.name}`);
}

describe('polling triggers in an active workflow', () => {
	test('every polling trigger of the pack has an example with an active case', async () => {
		const polling = [...ctx.pollingTypes];
		const covered = new Set();
		for (const example of ctx.examples) {
			const kase = await loadCase(example.slug);
			if (kase.active) for (const node of example.workflow.nodes) covered.add(node.type);
		}
		expect(polling.filter((type) => !covered.has(type))).toEqual([]);
	});

	test('emit each new sandbox item exactly once', async () => {
		expect(subjects.length).toBeGreaterThan(0);
		const { client, sandbox } = ctx;

		for (const subject of subjects) {
			subject.prepared = await subject.kase.active.prepare?.({ sandbox, client });
			subject.known = new Set((await client.listExecutions(subject.example.id)).map((execution) => execution.id));
		}
		const ledgerSince = await sandbox.ledgerMark();
		for (const subject of subjects) {
			await client.activate(subject.example.id);
			activated.push(subject.example.id);
		}

		// The first poll only records what is queued already.
		await waitFor(
			async () => {
				const requests = await sandbox.ledger({ type: 'request', since: ledgerSince });
				return subjects.every((subject) => requests.some((request) => request.vendor === subject.kase.active.vendor));
			},
			{ timeoutMs: FIRST_POLL_WAIT_MS, describe: () => 'no first poll of every activated trigger reached the sandbox' },
		);

		for (const round of [1, 2]) {
			for (const subject of subjects) subject.rounds.push(await subject.kase.active.addItems({ sandbox, client, round }));
			await waitFor(async () => (await Promise.all(subjects.map((subject) => emittedAll(subject)))).every(Boolean), {
				timeoutMs: ROUND_WAIT_MS,
				describe: () => `round ${round}: ${JSON.stringify(subjects.map((subject) => ({ example: subject.example.slug, expected: subject.rounds, emitted: emittedKeys(subject) })))}`,
			});
		}
		for (const id of activated.splice(0)) await client.deactivate(id);

		for (const subject of subjects) {
			const executions = [...subject.executions.values()];
			for (const execution of executions) {
				expect({ example: subject.example.slug, mode: execution.mode, status: execution.status }).toEqual({
					example: subject.example.slug,
					mode: 'trigger',
					status: 'success',
				});
			}
			// Exactly the added items, each in exactly one execution; round 1 strictly before round 2.
			const emitted = emittedKeys(subject);
			expect(emitted.slice().sort()).toEqual(subject.rounds.flat().sort());
			const roundOf = (key) => subject.rounds.findIndex((keys) => keys.includes(key));
			for (const execution of executions) {
				const rounds = new Set(triggerKeys(subject, execution).map(roundOf));
				expect(rounds.size).toBe(1);
			}
			await subject.kase.active.verify({
				sandbox,
				client,
				prepared: subject.prepared,
				rounds: subject.rounds,
				executions,
				ledgerSince,
				expect,
			});
		}
	});
});

/** Loads the finished trigger executions of the subject's workflow not seen before. */
async function collectExecutions(subject) {
	for (const summary of await ctx.client.listExecutions(subject.example.id)) {
		if (subject.known.has(summary.id) || subject.executions.has(summary.id)) continue;
		if (!['success', 'error', 'crashed', 'canceled'].includes(summary.status)) continue;
		subject.executions.set(summary.id, withHelpers(await ctx.client.getExecution(summary.id)));
	}
}

function triggerKeys(subject, execution) {
	return (execution.output(subject.trigger) ?? []).map(subject.kase.active.key);
}

function emittedKeys(subject) {
	return [...subject.executions.values()].flatMap((execution) => triggerKeys(subject, execution));
}

async function emittedAll(subject) {
	await collectExecutions(subject);
	const emitted = new Set(emittedKeys(subject));
	return subject.rounds.flat().every((key) => emitted.has(key));
}
