// S2 Create with "If It Already Exists → Return Existing", inside n8n: running the S2 example a
// second time must not fail on S2's 409 ALREADY_EXISTS but output the fulfillment the first run
// created (alreadyExists: true), and write nothing new. A standalone fulfillment (no order) too: S2's
// 409 code must be read on every supported n8n version (1.x's request helper drops the error body).
import { beforeAll, describe, expect, test } from '@jest/globals';
import {
	connect,
	describeFailure,
	loadCase,
	runWorkflow,
	writtenEntities,
} from './support/e2e.mjs';

const SLUG = 's2-fulfill-and-track';
let ctx;
let example;

/** Since `since`, S2 was asked to create once, said 409, and nothing was written. */
async function expectOnlyRefusedCreate(since) {
	const requests = await ctx.sandbox.ledger({ vendor: 's2', type: 'request', since });
	expect(
		requests
			.filter((request) => request.method === 'POST' && request.path === '/s2/fulfillment')
			.map((request) => request.status),
	).toEqual([409]);
	expect(await writtenEntities(ctx.sandbox, since)).toEqual([]);
}

beforeAll(async () => {
	ctx = await connect();
	example = ctx.examples.find((candidate) => candidate.slug === SLUG);
});

describe('S2 Create, Return Existing', () => {
	test('a second run of the S2 example returns the fulfillment the first one created', async () => {
		const kase = await loadCase(SLUG);
		await kase.prepare({ sandbox: ctx.sandbox });
		const first = await runWorkflow(ctx.client, example.id, 'Run Manually');
		if (first.status !== 'success') throw new Error(`first run failed:\n${describeFailure(first)}`);
		const [created] = first.output('Create Fulfillment');
		expect(created.alreadyExists).toBeUndefined();

		const since = await ctx.sandbox.ledgerMark();
		const second = await runWorkflow(ctx.client, example.id, 'Run Manually');
		if (second.status !== 'success')
			throw new Error(`second run failed:\n${describeFailure(second)}`);
		const again = second.output('Create Fulfillment');
		expect(again).toHaveLength(1);
		expect(again[0]).toMatchObject({
			id: created.id,
			channelFulfillmentId: created.channelFulfillmentId,
			orderId: created.orderId,
			alreadyExists: true,
		});

		// S2 was asked to create it again and said 409; nothing was written.
		await expectOnlyRefusedCreate(since);
	});
});

describe('S2 Create, Return Existing, standalone fulfillment', () => {
	test('a second create with the same Channel Fulfillment ID is marked as existing', async () => {
		const stored = await ctx.client.getWorkflow(example.id);
		const channelFulfillmentId = `standalone-e2e-${Date.now()}`;
		const nodes = stored.nodes
			.filter((node) => node.name !== 'Get Order Tracking')
			.map((node) =>
				node.name !== 'Order to Fulfill'
					? node
					: {
							...node,
							parameters: {
								...node.parameters,
								assignments: {
									assignments: node.parameters.assignments.assignments.map((entry) =>
										entry.name === 'orderId'
											? { ...entry, value: '' }
											: entry.name === 'channelFulfillmentId'
												? { ...entry, value: channelFulfillmentId }
												: entry,
									),
								},
							},
						},
			);
		const { 'Create Fulfillment': _dropped, ...connections } = stored.connections;
		const workflow = await ctx.client.createWorkflow({
			name: `S2 standalone Return Existing (e2e ${channelFulfillmentId})`,
			nodes,
			connections,
			settings: stored.settings ?? { executionOrder: 'v1' },
		});
		try {
			const first = await runWorkflow(ctx.client, workflow.id, 'Run Manually');
			if (first.status !== 'success')
				throw new Error(`first run failed:\n${describeFailure(first)}`);
			const [created] = first.output('Create Fulfillment');
			expect(created).toMatchObject({ channelFulfillmentId });
			expect(created.alreadyExists).toBeUndefined();

			const since = await ctx.sandbox.ledgerMark();
			const second = await runWorkflow(ctx.client, workflow.id, 'Run Manually');
			if (second.status !== 'success')
				throw new Error(`second run failed:\n${describeFailure(second)}`);
			expect(second.output('Create Fulfillment')).toEqual([
				expect.objectContaining({ alreadyExists: true, channelFulfillmentId }),
			]);
			await expectOnlyRefusedCreate(since);
		} finally {
			await ctx.client.archiveWorkflow(workflow.id).catch(() => undefined);
			await ctx.client.deleteWorkflow(workflow.id).catch(() => undefined);
		}
	});
});
