// Queue mode with n8n 2.41's durable poller on (polls from the scheduler table, trigger state in
// `poller_state`), main and workers alike: a worker killed during a ShipperOne Trigger → Accept
// execution, and orders arriving after activation, before the first scheduled poll. Every order
// is emitted by exactly one finished execution and accepted exactly once; nothing else is emitted.
// 2.x only (1.x has no durable poller).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { n8nMajor } from '../../scripts/n8n/install.mjs';
import { ensureQueueServices } from '../../scripts/n8n/queue.mjs';
import { activeSubjects } from '../e2e/support/active.mjs';
import { connect, waitFor, withHelpers } from '../e2e/support/e2e.mjs';
import { startE2EStack } from '../e2e/support/stack.mjs';
import {
	CRASH_TRIGGER,
	createCrashWorkflow,
	MOVED_ONCE,
	orderMoves,
	runningExecution,
} from './support/workers.mjs';
import { DURABLE_POLLER } from '../e2e/support/durable.mjs';

const VENDOR = 'shipperone';
const log = (line) => process.stderr.write(`${line}\n`);

(n8nMajor() >= 2 ? describe : describe.skip)('queue mode under n8n’s durable poller', () => {
	let stack;
	let ctx;
	const workers = [];

	beforeAll(async () => {
		const started = Date.now();
		({ stack } = await startE2EStack('e2e-queue-durable', {
			queue: { workers: 2, concurrency: 5 },
			n8nEnv: DURABLE_POLLER,
		}));
		workers.push(...stack.workers);
		ctx = await connect();
		log(`[e2e-queue-durable] cluster ready in ${Math.round((Date.now() - started) / 1000)} s`);
	}, 600_000);

	afterAll(async () => {
		await stack?.stop();
		if (stack && process.env.FULFILLMENT_E2E_KEEP !== '1')
			rmSync(stack.userFolder, { recursive: true, force: true });
	}, 120_000);

	/** This workflow's rows of n8n's poller_state table (Postgres). */
	function pollerState(workflowId) {
		const { postgresBin } = ensureQueueServices({ log });
		const { host, port, user, database } = stack.queue.postgres;
		const query = spawnSync(
			path.join(postgresBin, 'psql'),
			[
				'-h',
				host,
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				database,
				'-tAc',
				`SELECT "cursor" FROM poller_state WHERE "workflowId" = '${workflowId}'`,
			],
			{ encoding: 'utf8' },
		);
		if (query.status !== 0) throw new Error(`psql failed: ${query.stderr}`);
		return query.stdout.trim().split('\n').filter(Boolean);
	}

	test('a worker killed during a trigger → Accept execution, orders arriving before the first scheduled poll: 0 missed, 0 doubled, 0 spurious', async () => {
		// Alongside, SKU.io's example: its activation poll emits nothing (the case where n8n drops
		// the poll's node state), and what arrives after it must be emitted exactly once.
		const sku = (await activeSubjects(ctx)).find(
			(subject) => subject.example.slug === 'skuio-trigger-bulk-void',
		);
		sku.prepared = await sku.kase.active.prepare({ sandbox: ctx.sandbox, client: ctx.client });
		const skuSince = await ctx.sandbox.ledgerMark();
		await ctx.client.activate(sku.example.id);
		await waitFor(
			async () =>
				(
					await ctx.sandbox.ledger({
						vendor: sku.kase.active.vendor,
						type: 'request',
						since: skuSince,
					})
				).length > 0,
			{ timeoutMs: 60_000, describe: () => 'SKU.io: no activation poll reached the sandbox' },
		);

		const workflow = await createCrashWorkflow(ctx, 'Durable poller crash test');
		await ctx.sandbox.reset(VENDOR);
		await ctx.sandbox.vendorControl(VENDOR, 'POST', '/settings', { allocateAfterSeconds: 1 });
		const { orders: queued } = await ctx.sandbox.seed(VENDOR, { count: 4 });
		const queuedIds = queued.map((order) => order.order_id).sort();
		const ledgerSince = await ctx.sandbox.ledgerMark();

		// Activation polls at once and emits the queued orders (Include Orders Already Queued).
		await ctx.client.activate(workflow.id);
		try {
			const caught = await waitFor(() => runningExecution(workers), {
				timeoutMs: 60_000,
				intervalMs: 100,
				describe: () => 'the activation poll started no execution on a worker',
			});
			log(
				`[e2e-queue-durable] killing ${caught.worker.name} (SIGKILL) while it runs execution ${caught.executionId}`,
			);
			caught.worker.proc.kill('SIGKILL');
			await caught.worker.proc.exited;
			workers.push(await stack.startWorker('worker-3'));

			// New orders after activation: the scheduled polls (not the activation poll) must find them.
			const { orders: arrived } = await ctx.sandbox.seed(VENDOR, { count: 3 });
			const arrivedIds = arrived.map((order) => order.order_id).sort();
			const allIds = [...queuedIds, ...arrivedIds].sort();
			const skuAdded = await sku.kase.active.addItems({ sandbox: ctx.sandbox, client: ctx.client });

			const pending = async () => {
				const { orders } = await ctx.sandbox.vendorControl(VENDOR, 'GET', '/orders');
				return orders
					.filter((order) => order.status === 'pending_accept')
					.map((order) => order.order_id)
					.sort();
			};
			/** Every order emitted by the finished executions (the killed one left out). */
			const emitted = async () => {
				const items = [];
				for (const summary of await ctx.client.listExecutions(workflow.id)) {
					if (summary.id === caught.executionId || summary.status !== 'success') continue;
					const execution = withHelpers(await ctx.client.getExecution(summary.id));
					items.push(...(execution.output(CRASH_TRIGGER) ?? []));
				}
				return items;
			};
			const skuExecutions = async () => {
				const executions = [];
				for (const summary of await ctx.client.listExecutions(sku.example.id))
					executions.push(withHelpers(await ctx.client.getExecution(summary.id)));
				return executions;
			};
			const skuKeys = (execution) => (execution.output(sku.trigger) ?? []).map(sku.kase.active.key);
			// The stranded orders come back once the re-emit interval (1 minute) has passed, on a
			// scheduled poll: no re-activation here.
			const items = await waitFor(
				async () => {
					if ((await pending()).length > 0) return undefined;
					const found = await emitted();
					const skuEmitted = (await skuExecutions()).flatMap(skuKeys);
					if (!skuAdded.every((key) => skuEmitted.includes(key))) return undefined;
					return found.length >= allIds.length ? found : undefined;
				},
				{
					timeoutMs: 300_000,
					intervalMs: 3000,
					describe: async () =>
						`pending: ${await pending()}; emitted: ${(await emitted()).map((order) => order.order_id)}; SKU.io added ${skuAdded}, emitted ${(await skuExecutions()).flatMap(skuKeys)}`,
				},
			);

			// 0 missed, 0 doubled, 0 spurious among the emitted items.
			expect(items.map((order) => order.order_id).sort()).toEqual(allIds);
			for (const order of items) {
				const stranded = queuedIds.includes(order.order_id);
				expect({
					id: order.order_id,
					reEmitted: order.reEmitted === true,
					attempt: order.emitAttempt ?? 1,
				}).toEqual({ id: order.order_id, reEmitted: stranded, attempt: stranded ? 2 : 1 });
			}

			// 0 doubled at the vendor: every order accepted, allocated and shipped exactly once.
			const moves = await orderMoves(ctx.sandbox, ledgerSince);
			for (const id of allIds) expect({ id, moves: moves[id] }).toEqual({ id, moves: MOVED_ONCE });
			expect(Object.keys(moves).sort()).toEqual(allIds);
			const accepts = (
				await ctx.sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince })
			).filter((request) => request.path.endsWith('/fulfillmentOrder/accept'));
			expect(accepts.map((request) => request.body.order.order_id).sort()).toEqual(allIds);
			expect(accepts.every((request) => request.status === 200)).toBe(true);

			// SKU.io: exactly the added fulfillments, each in one successful execution, each voided once.
			await ctx.client.deactivate(sku.example.id);
			const skuRuns = await skuExecutions();
			expect(skuRuns.map((execution) => execution.status)).toEqual(skuRuns.map(() => 'success'));
			expect(skuRuns.flatMap(skuKeys).sort()).toEqual([...skuAdded].sort());
			await sku.kase.active.verify({
				sandbox: ctx.sandbox,
				client: ctx.client,
				prepared: sku.prepared,
				rounds: [skuAdded],
				executions: skuRuns,
				ledgerSince: skuSince,
				expect,
			});

			// The durable path really ran: n8n kept each trigger's state in poller_state.
			for (const id of [workflow.id, sku.example.id])
				expect({
					id,
					initialized: pollerState(id).some((cursor) => cursor.includes('"initialized":true')),
				}).toEqual({ id, initialized: true });
		} finally {
			await ctx.client.deactivate(workflow.id).catch(() => undefined);
			await ctx.client.deactivate(sku.example.id).catch(() => undefined);
		}
	}, 600_000);
});
