// The active-trigger cases (an example's case with `active`): its workflow activated in n8n, which
// polls on its own schedule (at most once a minute); each new sandbox item must start exactly one
// execution. All are activated together, once, so the wait does not grow with the number of vendors.
// Used by the e2e suite (one n8n) and the queue-mode suite (main + workers).
import { declaredPackTypes, loadCase, waitFor, withHelpers } from './e2e.mjs';

/** n8n polls once while activating, then every minute at a random second. */
const FIRST_POLL_WAIT_MS = 30_000;
const ROUND_WAIT_MS = 75_000;
const FINAL = ['success', 'error', 'crashed', 'canceled'];

/** Node types of the pack that poll, as n8n names them. */
export function pollingTypes() {
	const { packageName } = JSON.parse(process.env.FULFILLMENT_E2E);
	return declaredPackTypes()
		.nodes.filter((node) => node.polling)
		.map((node) => `${packageName}.${node.name}`);
}

/** Every example with an active case: [{ example, kase, trigger, rounds, executions }]. */
export async function activeSubjects(ctx) {
	const types = new Set(pollingTypes());
	const subjects = [];
	for (const example of ctx.examples) {
		const kase = await loadCase(example.slug);
		if (!kase.active) continue;
		const trigger = example.workflow.nodes.find((node) => types.has(node.type));
		if (!trigger)
			throw new Error(`${example.slug} has an "active" case but no polling trigger of the pack`);
		subjects.push({ example, kase, trigger: trigger.name, rounds: [], executions: new Map() });
	}
	return subjects;
}

/**
 * Activates every subject's workflow, adds two rounds of items (round 1 only after the first poll),
 * waits until each item was emitted, deactivates, then checks: each execution a successful trigger
 * run, each added item emitted exactly once, rounds never mixed, and the case's own verify.
 * `afterAdding({ round, subjects })` runs right after a round's items were added (e.g. to restart a
 * queue-mode worker while their executions run). Returns { ledgerSince }.
 */
export async function runActiveCases(ctx, subjects, { expect, afterAdding } = {}) {
	const { client, sandbox } = ctx;
	const activated = [];
	try {
		for (const subject of subjects) {
			subject.prepared = await subject.kase.active.prepare?.({ sandbox, client });
			subject.known = new Set(
				(await client.listExecutions(subject.example.id)).map((execution) => execution.id),
			);
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
				return subjects.every((subject) =>
					requests.some((request) => request.vendor === subject.kase.active.vendor),
				);
			},
			{
				timeoutMs: FIRST_POLL_WAIT_MS,
				describe: () => 'no first poll of every activated trigger reached the sandbox',
			},
		);

		for (const round of [1, 2]) {
			for (const subject of subjects)
				subject.rounds.push(await subject.kase.active.addItems({ sandbox, client, round }));
			const during = Promise.resolve(afterAdding?.({ round, subjects }));
			during.catch(() => undefined); // awaited below, after the round's wait
			await waitFor(
				async () =>
					(await Promise.all(subjects.map((subject) => emittedAll(ctx, subject)))).every(Boolean),
				{
					timeoutMs: ROUND_WAIT_MS,
					describe: () =>
						`round ${round}: ${JSON.stringify(subjects.map((subject) => ({ example: subject.example.slug, expected: subject.rounds, emitted: emittedKeys(subject) })))}`,
				},
			);
			await during;
		}
		for (const id of activated.splice(0)) await client.deactivate(id);

		for (const subject of subjects) {
			const executions = [...subject.executions.values()];
			for (const execution of executions) {
				expect({
					example: subject.example.slug,
					mode: execution.mode,
					status: execution.status,
				}).toEqual({
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
		return { ledgerSince };
	} finally {
		for (const id of activated) await client.deactivate(id).catch(() => undefined);
	}
}

/** Loads the finished trigger executions of the subject's workflow not seen before. */
async function collectExecutions(ctx, subject) {
	for (const summary of await ctx.client.listExecutions(subject.example.id)) {
		if (subject.known.has(summary.id) || subject.executions.has(summary.id)) continue;
		if (!FINAL.includes(summary.status)) continue;
		subject.executions.set(summary.id, withHelpers(await ctx.client.getExecution(summary.id)));
	}
}

function triggerKeys(subject, execution) {
	return (execution.output(subject.trigger) ?? []).map(subject.kase.active.key);
}

function emittedKeys(subject) {
	return [...subject.executions.values()].flatMap((execution) => triggerKeys(subject, execution));
}

async function emittedAll(ctx, subject) {
	await collectExecutions(ctx, subject);
	const emitted = new Set(emittedKeys(subject));
	return subject.rounds.flat().every((key) => emitted.has(key));
}
