// S2 Create with "If It Already Exists → Return Existing", inside n8n: running the S2 example a
// second time must not fail on S2's 409 ALREADY_EXISTS but output the fulfillment the first run
// created (alreadyExists: true), and write nothing new.
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
		const requests = await ctx.sandbox.ledger({ vendor: 's2', type: 'request', since });
		expect(
			requests
				.filter((request) => request.method === 'POST' && request.path === '/s2/fulfillment')
				.map((request) => request.status),
		).toEqual([409]);
		expect(await writtenEntities(ctx.sandbox, since)).toEqual([]);
	});
});
