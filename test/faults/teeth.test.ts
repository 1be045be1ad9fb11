import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

/**
 * One test per breakage that once left the whole unit suite green (issue 19, item 6); each runs
 * whole nodes against the sandbox. `npm run mutate` applies those breakages and checks these fail.
 */
const env = useTestEnv((sandbox) => ({
	sellfernApi: demoCredential(sandbox, 'sellfern'),
	shipperOneApi: demoCredential(sandbox, 'shipperone'),
	skuIoApi: demoCredential(sandbox, 'skuio'),
}));

const skuio = () => env.sandbox.state.vendors.skuio;
const skuIoRun = (parameters: INodeParameters, input?: IDataObject[]) =>
	env.harness.runNode({ nodeType: 'skuIo', parameters, input });

describe('tests with teeth', () => {
	it('a write lost before the vendor acted is read back as not applied (not always unknown)', async () => {
		const [id] = skuio()
			.seed({ count: 1 })
			.fulfillments.map((f) => f.id);
		env.sandbox.state.faults.add({ vendor: 'skuio', path: '/submit-to-channel', drop: true });
		const result = await skuIoRun({
			resource: 'salesChannel',
			operation: 'submit',
			fulfillmentId: String(id),
		});
		expect(skuio().store.get(id)?.submitted_to_sales_channel_at).toBeNull();
		expect(result.error?.description).toMatch(/^Outcome: not applied\./);
	});

	it.each([
		['{{ 1.5 }}', '={{ 1.5 }}'],
		['"1.5"', '1.5'],
		['{{ 2 ** 60 }}', '={{ 2 ** 60 }}'],
	])('an ID of %s is refused before anything is sent', async (_shown, value) => {
		const result = await skuIoRun({
			resource: 'fulfillment',
			operation: 'void',
			fulfillmentId: value,
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Fulfillment ID must be a positive integer \(got /);
		expect(vendorRequests(env, 'skuio')).toHaveLength(0);
	});

	it('two items of the same SKU.io fulfillment run one after the other (one submit at Concurrency 5)', async () => {
		const [id] = skuio()
			.seed({ count: 1 })
			.fulfillments.map((f) => f.id);
		// Slow submits: without a lane per fulfillment both items would check before either submits.
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			path: '/submit-to-channel',
			latencyMs: 300,
			count: 5,
		});
		const result = await skuIoRun(
			{
				resource: 'salesChannel',
				operation: 'submit',
				fulfillmentId: '={{ $json.id }}',
				options: { concurrency: 5 },
			},
			[{ id }, { id }],
		);
		expect(result.status).toBe('success');
		expect(vendorRequests(env, 'skuio', '/submit-to-channel')).toHaveLength(1);
		expect(result.items[1].json).toMatchObject({ id, alreadySubmitted: true });
	});

	it('a 429 pauses every request of the run for its Retry-After (the limiter hears of it)', async () => {
		const orders = env.sandbox.state.vendors.shipperone.seed({ count: 8 }).orders as IDataObject[];
		env.sandbox.state.faults.add({
			vendor: 'shipperone',
			path: '/fulfillmentOrder/accept',
			status: 429,
			headers: { 'Retry-After': '1' },
			after: 1,
		});
		const result = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: {
				resource: 'fulfillmentOrder',
				operation: 'accept',
				options: { concurrency: 4 },
			},
			input: orders,
		});
		expect(result.status).toBe('success');
		const calls = vendorRequests(env, 'shipperone', '/fulfillmentOrder/accept');
		const refused = calls.find((call) => call.status === 429)!;
		const refusedAt = Date.parse(refused.time);
		// The 3 other requests of Concurrency 4 may already be on the wire; every later one waits 1 s.
		const later = calls.slice(calls.indexOf(refused) + 4);
		expect(later.length).toBeGreaterThan(0);
		for (const call of later) expect(Date.parse(call.time) - refusedAt).toBeGreaterThanOrEqual(950);
	});

	it('`={{ $json.s }}_x` keeps the text after the expression', async () => {
		const orders = (
			env.sandbox.state.seed('sellfern', { count: 1 }) as { orders: Array<{ order_id: number }> }
		).orders;
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'fulfillment',
				operation: 'assignSupplier',
				orderIds: '={{ $json.id }}',
				supplierId: '={{ $json.s }}_x',
				dryRun: false,
			},
			input: [{ id: orders[0].order_id, s: 'sup' }],
		});
		expect(result.status).toBe('success');
		expect(vendorRequests(env, 'sellfern', '/fulfillment/assign')[0].body).toMatchObject({
			supplier_id: 'sup_x',
		});
	});

	it('a write gives up after its Timeout too', async () => {
		const orders = (
			env.sandbox.state.seed('sellfern', { count: 1 }) as { orders: Array<{ order_id: number }> }
		).orders;
		env.sandbox.state.faults.add({ vendor: 'sellfern', method: 'PATCH', hang: true, count: 5 });
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'order',
				operation: 'updateStatus',
				orderId: String(orders[0].order_id),
				status: 'Cancelled',
				options: { timeout: 1000, maxRetries: 0 },
			},
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('timeout of 1000ms exceeded');
	});
});
