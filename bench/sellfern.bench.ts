/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only benchmark, not shipped */
import { assignParams, requests, seedOrders, useSellfern } from '../test/sellfern/helpers';

/**
 * Budgets for bulk work through real n8n-core against the sandbox on this 2-core machine.
 * They are generous on purpose: they catch an order-of-magnitude regression (a request per order,
 * a quadratic loop), not noise.
 */
const BUDGET = {
	assign2000Ms: 6_000,
	assign2000HeapMb: 100,
	queue10000Ms: 3_000,
};

function heapMb() {
	return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('Sellfern bulk benchmarks', () => {
	const env = useSellfern();

	it('assigns 2,000 orders in 20 requests within budget', async () => {
		const ids = seedOrders(env, 2000);
		const heapBefore = heapMb();
		const started = performance.now();
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: assignParams(),
			input: ids.map((order_id) => ({ order_id })),
		});
		const ms = performance.now() - started;
		const heapGrowth = heapMb() - heapBefore;
		console.log(
			`assign 2000 orders: ${ms.toFixed(0)} ms, ${requests(env, '/fulfillment/assign').length} requests, heap +${heapGrowth.toFixed(0)} MB`,
		);
		expect(result.items).toHaveLength(2000);
		expect(requests(env, '/fulfillment/assign')).toHaveLength(20);
		expect(ms).toBeLessThan(BUDGET.assign2000Ms);
		expect(heapGrowth).toBeLessThan(BUDGET.assign2000HeapMb);
	});

	it('reads a 10,000-order queue (Return All) within budget', async () => {
		seedOrders(env, 10_000);
		const started = performance.now();
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'fulfillmentQueue',
				operation: 'getAll',
				status: 'any',
				returnAll: true,
			},
		});
		const ms = performance.now() - started;
		console.log(
			`queue 10000 orders: ${ms.toFixed(0)} ms, ${requests(env, '/fulfillment/queue').length} pages`,
		);
		expect(result.items).toHaveLength(10_000);
		expect(ms).toBeLessThan(BUDGET.queue10000Ms);
	});
});
