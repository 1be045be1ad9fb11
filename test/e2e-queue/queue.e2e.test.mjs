// n8n in queue mode, as a team that outgrew one process runs it: a private Postgres and Redis, n8n
// main (editor, REST, pollers) and two workers sharing one user folder with the pack npm-installed.
// The example workflows and the active-trigger cases of the e2e suite run against it, on the
// workers; a worker restarted gracefully mid-run loses and doubles nothing; a worker killed during
// a trigger → action execution strands no order (the trigger's re-emission hands it back).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { activeSubjects, runActiveCases } from '../e2e/support/active.mjs';
import {
	connect,
	describeFailure,
	loadCase,
	runWorkflow,
	startNodes,
	waitFor,
	withHelpers,
} from '../e2e/support/e2e.mjs';
import { startE2EStack } from '../e2e/support/stack.mjs';
import {
	CRASH_TRIGGER,
	createCrashWorkflow,
	idsIn,
	MOVED_ONCE,
	orderMoves,
	read,
	runningExecution,
	runsByWorker as runsOn,
} from './support/workers.mjs';

let stack;
let ctx;
/** Every worker that ran at some point (restarts add more): { name, logFile, proc }. */
const workers = [];
const log = (line) => process.stderr.write(`${line}\n`);

beforeAll(async () => {
	const started = Date.now();
	({ stack } = await startE2EStack('e2e-queue', { queue: { workers: 2, concurrency: 5 } }));
	workers.push(...stack.workers);
	ctx = await connect();
	log(`[e2e-queue] cluster ready in ${Math.round((Date.now() - started) / 1000)} s`);
}, 600_000);

afterAll(async () => {
	await stack?.stop();
	if (!stack) return;
	if (process.env.FULFILLMENT_E2E_KEEP === '1')
		log(`[e2e-queue] kept the n8n user folder (logs): ${stack.userFolder}`);
	else rmSync(stack.userFolder, { recursive: true, force: true });
}, 120_000);

const runsByWorker = () => runsOn(workers);

/** Each execution enqueued by main and started by exactly one worker. */
function expectRanOnWorkers(executionIds) {
	const enqueued = idsIn(
		read(path.join(stack.userFolder, 'n8n.log')),
		/Enqueued execution (\d+) /g,
	);
	const runs = runsByWorker();
	for (const id of executionIds) {
		expect({
			execution: id,
			enqueuedByMain: enqueued.has(String(id)),
			workers: runs.get(String(id))?.length ?? 0,
		}).toEqual({
			execution: id,
			enqueuedByMain: true,
			workers: 1,
		});
	}
}

describe('n8n in queue mode (main + 2 workers, Postgres, Redis)', () => {
	test('the pack loads on main and every example workflow runs on a worker and does what it shows', async () => {
		const executionIds = [];
		let runnable = 0;
		for (const example of ctx.examples) {
			const kase = await loadCase(example.slug);
			// Started by something else than a manual run (the MCP example: its own e2e file calls it).
			if (kase.runBy) continue;
			runnable++;
			const starts = startNodes(example.workflow);
			const trigger = kase.trigger ?? (starts.length === 1 ? starts[0].name : undefined);
			const prepared = await kase.prepare?.({ sandbox: ctx.sandbox, client: ctx.client });
			const ledgerSince = await ctx.sandbox.ledgerMark();
			const execution = await runWorkflow(ctx.client, example.id, trigger);
			if (execution.status !== 'success')
				throw new Error(`${example.slug} did not succeed:\n${describeFailure(execution)}`);
			await kase.verify({
				execution,
				sandbox: ctx.sandbox,
				client: ctx.client,
				ledgerSince,
				prepared,
				expect,
			});
			executionIds.push(execution.id);
		}
		expect(runnable).toBeGreaterThan(0);
		expect(executionIds).toHaveLength(runnable);
		expectRanOnWorkers(executionIds);
	});

	test('active triggers emit each new item exactly once, run on the workers, and survive a graceful worker restart mid-run', async () => {
		const subjects = await activeSubjects(ctx);
		expect(subjects.length).toBeGreaterThan(0);
		let restart;
		await runActiveCases(ctx, subjects, {
			expect,
			afterAdding: async ({ round }) => {
				if (round !== 1) return;
				// Catch an execution of this round while it runs, and stop its worker with SIGTERM.
				const before = new Set(runsByWorker().keys());
				const caught = await waitFor(
					() => {
						const running = runningExecution(workers.filter((worker) => !worker.proc.exitInfo));
						return running && !before.has(running.executionId) ? running : undefined;
					},
					{
						timeoutMs: 90_000,
						intervalMs: 100,
						describe: () => 'no execution of round 1 was seen running on a worker',
					},
				);
				log(
					`[e2e-queue] stopping ${caught.worker.name} (SIGTERM) while it runs execution ${caught.executionId}`,
				);
				// To the worker alone, as a process manager does: its task runner is its own to stop.
				caught.worker.proc.child.kill('SIGTERM');
				const exit = await Promise.race([
					caught.worker.proc.exited,
					new Promise((resolve) => setTimeout(resolve, 60_000)),
				]);
				await caught.worker.stop();
				restart = {
					...caught,
					exit,
					finished: idsIn(read(caught.worker.logFile), /Worker finished execution (\d+) /g).has(
						caught.executionId,
					),
				};
				const replacement = await stack.startWorker('worker-3');
				workers.push(replacement);
			},
		});
		expect(restart).toMatchObject({ exit: { code: 0 }, finished: true });
		const execution = withHelpers(await ctx.client.getExecution(restart.executionId));
		expect(execution.status).toBe('success');
		const executionIds = subjects.flatMap((subject) => [...subject.executions.keys()]);
		expect(executionIds).toContain(restart.executionId);
		expectRanOnWorkers(executionIds);
	});

	test('a worker killed during a trigger → Accept execution strands no order: re-emitted, accepted once', async () => {
		const VENDOR = 'shipperone';
		const ORDERS = 6;
		const triggerName = CRASH_TRIGGER;
		const workflow = await createCrashWorkflow(ctx, 'Queue mode crash test');

		await ctx.sandbox.reset(VENDOR);
		await ctx.sandbox.vendorControl(VENDOR, 'POST', '/settings', { allocateAfterSeconds: 1 });
		const { orders } = await ctx.sandbox.seed(VENDOR, { count: ORDERS });
		const orderIds = orders.map((order) => order.order_id).sort();
		const ledgerSince = await ctx.sandbox.ledgerMark();
		const known = new Set(runsByWorker().keys());

		// Activation polls at once and emits the queued orders (Include Orders Already Queued).
		await ctx.client.activate(workflow.id);
		const emittedAt = Date.now();
		try {
			const caught = await waitFor(
				() => {
					const running = runningExecution(workers.filter((worker) => !worker.proc.exitInfo));
					return running && !known.has(running.executionId) ? running : undefined;
				},
				{
					timeoutMs: 60_000,
					intervalMs: 100,
					describe: () => 'the activation poll started no execution on a worker',
				},
			);
			log(
				`[e2e-queue] killing ${caught.worker.name} (SIGKILL) while it runs execution ${caught.executionId}`,
			);
			caught.worker.proc.kill('SIGKILL');
			await caught.worker.proc.exited;
			const accepts = (
				await ctx.sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince })
			).filter((request) => request.path.endsWith('/fulfillmentOrder/accept'));
			expect(accepts).toHaveLength(0);
			workers.push(await stack.startWorker('worker-4'));

			// Stranded now: still pending accept, and already seen by the trigger.
			const pending = async () => {
				const { orders: all } = await ctx.sandbox.vendorControl(VENDOR, 'GET', '/orders');
				return all
					.filter((order) => order.status === 'pending_accept')
					.map((order) => order.order_id)
					.sort();
			};
			expect(await pending()).toEqual(orderIds);

			// Past the re-emit interval, the next poll hands them back; re-activating polls at once.
			const dueIn = emittedAt + 62_000 - Date.now();
			if (dueIn > 0) await new Promise((resolve) => setTimeout(resolve, dueIn));
			await ctx.client.deactivate(workflow.id);
			await ctx.client.activate(workflow.id);

			const reEmitted = await waitFor(
				async () => {
					for (const summary of await ctx.client.listExecutions(workflow.id)) {
						if (summary.id === caught.executionId || summary.status !== 'success') continue;
						const execution = withHelpers(await ctx.client.getExecution(summary.id));
						if ((execution.output(triggerName) ?? []).some((order) => order.reEmitted))
							return execution;
					}
					return undefined;
				},
				{
					timeoutMs: 150_000,
					intervalMs: 2000,
					describe: async () => `no re-emitted execution; pending: ${await pending()}`,
				},
			);
			const items = reEmitted.output(triggerName);
			expect(items.map((order) => order.order_id).sort()).toEqual(orderIds);
			expect(items.every((order) => order.reEmitted === true && order.emitAttempt === 2)).toBe(
				true,
			);
			expectRanOnWorkers([reEmitted.id]);

			// 0 stranded, 0 doubled: every order accepted, allocated and shipped exactly once.
			expect(await pending()).toEqual([]);
			const moves = await orderMoves(ctx.sandbox, ledgerSince);
			for (const id of orderIds)
				expect({ id, moves: moves[id] }).toEqual({ id, moves: MOVED_ONCE });
			const accepted = (
				await ctx.sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince })
			).filter(
				(request) => request.path.endsWith('/fulfillmentOrder/accept') && request.status === 200,
			);
			expect(accepted.map((request) => request.body.order.order_id).sort()).toEqual(orderIds);
		} finally {
			await ctx.client.deactivate(workflow.id).catch(() => undefined);
		}
	});
});
