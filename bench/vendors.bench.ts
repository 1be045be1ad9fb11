/* eslint-disable no-console -- dev-only benchmark, not shipped */
import type { INodeExecutionData } from 'n8n-workflow';
import {
	requests as shipperOneRequests,
	seed as seedShipperOne,
	useShipperOne,
} from '../test/shipperone/helpers';
import { requests as skuIoRequests, seed as seedSkuIo, useSkuIo } from '../test/skuio/helpers';

/** Budgets about ten times the figures measured here (see bench/README.md). */
const BUDGET = {
	shipperOneQueue5000Ms: 4_500,
	shipperOneAccept500Ms: 10_000,
	skuIoBulkVoid900Ms: 4_000,
};

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await run();
	const ms = performance.now() - started;
	console.log(`${label}: ${ms.toFixed(0)} ms`);
	return { result, ms };
}

describe('ShipperOne benchmarks', () => {
	const env = useShipperOne();

	it('reads a 5,000-order queue (Return All, fixed pages of 100) within budget', async () => {
		seedShipperOne(env, 5000, { items: 1 });
		const { result, ms } = await timed('ShipperOne Get Many 5000', () =>
			env.harness.runNode({
				nodeType: 'shipperOne',
				parameters: {
					resource: 'fulfillmentOrder',
					operation: 'getAll',
					queue: 'pending_accept',
					returnAll: true,
				},
			}),
		);
		expect(result.items).toHaveLength(5000);
		expect(shipperOneRequests(env, '/pending_accept').length).toBeLessThanOrEqual(51);
		expect(ms).toBeLessThan(BUDGET.shipperOneQueue5000Ms);
	});

	it('accepts 500 orders chained from their queue items within budget', async () => {
		const orders = seedShipperOne(env, 500, { items: 3 });
		const { result, ms } = await timed('ShipperOne Accept All 500', () =>
			env.harness.runNode({
				nodeType: 'shipperOne',
				parameters: { resource: 'fulfillmentOrder', operation: 'accept' },
				input: orders,
			}),
		);
		expect(result.items).toHaveLength(500);
		expect(shipperOneRequests(env, '/fulfillmentOrder/accept')).toHaveLength(500);
		expect(ms).toBeLessThan(BUDGET.shipperOneAccept500Ms);
	});
});

describe('SKU.io benchmarks', () => {
	const env = useSkuIo();

	it('bulk-voids 900 shipments from 900 items in 30 requests within budget', async () => {
		const ids = seedSkuIo(env, 900);
		const { result, ms } = await timed('SKU.io Bulk Void 900', () =>
			env.harness.runNode({
				nodeType: 'skuIo',
				parameters: {
					resource: 'fulfillment',
					operation: 'bulkVoid',
					fulfillmentIds: '={{ $json.id }}',
				},
				input: ids.map((id) => ({ id })),
			}),
		);
		const items = result.items as INodeExecutionData[];
		expect(items).toHaveLength(900);
		expect(skuIoRequests(env).filter((r) => r.method === 'DELETE')).toHaveLength(30);
		expect(ms).toBeLessThan(BUDGET.skuIoBulkVoid900Ms);
	});
});
