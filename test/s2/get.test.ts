import type { IDataObject } from 'n8n-workflow';
import { createParams, PRODUCT_A, requests, s2, seedOrder, useS2 } from './helpers';
import { fulfillment } from '../support/params';

// The fields a simplified fulfillment has.
const simplifiedShape = {
	id: 0,
	status: 0,
	orderId: 0,
	channelFulfillmentId: 0,
	shippingMethod: 0,
	createdAt: 0,
	updatedAt: 0,
	warehouseId: 0,
	items: 0,
	shipments: 0,
};

describe('S2 › Fulfillment › Get and Order › Get', () => {
	const env = useS2();
	const run = (
		parameters: Record<string, unknown>,
		input: IDataObject[] = [{}],
		continueOnFail = false,
	) =>
		env.harness.runNode({ nodeType: 's2', parameters: parameters as never, input, continueOnFail });
	const createFor = async (orderId: string) => (await run(createParams({ orderId }))).items[0].json;

	it('gets a fulfillment by the ID Create returned, one item per input item', async () => {
		const order = seedOrder(env);
		const created = await createFor(order.id);
		const result = await run(fulfillment('get', { simplify: false }), [
			{ id: created.id },
			{ id: created.id },
		]);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([created, created]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('simplifies by default from version 1.1; version 1 nodes keep the full record', async () => {
		const order = seedOrder(env);
		const created = await createFor(order.id);
		const parameters = fulfillment('get', { fulfillmentId: created.id }) as never;
		const v1 = await env.harness.runNode({
			nodeType: 's2',
			typeVersion: 1,
			parameters,
			input: [{}],
		});
		// Version 1 outputs the record as it was: no summary either.
		const { fulfillment: summary, ...record } = created;
		expect(summary).toMatchObject({ fulfillmentId: created.id });
		expect(v1.items[0].json).toEqual(record);
		const latest = await env.harness.runNode({ nodeType: 's2', parameters, input: [{}] });
		expect(latest.items[0].json).not.toEqual(created);
		expect(Object.keys(latest.items[0].json).sort()).toEqual(
			[...Object.keys(simplifiedShape), 'fulfillment'].sort(),
		);
		expect(latest.items[0].json).toMatchObject({
			id: created.id,
			items: [{ productId: PRODUCT_A, sku: 'TEST-1', quantity: 2 }],
		});
	});

	it('simplifies a fulfillment on request', async () => {
		const order = seedOrder(env);
		const created = await createFor(order.id);
		const result = await run(
			fulfillment('get', {
				fulfillmentId: created.id,
				simplify: true,
				options: { addSummary: false },
			}),
		);
		expect(result.items[0].json).toEqual({
			id: created.id,
			status: 'CREATED',
			orderId: order.id,
			channelFulfillmentId: null,
			shippingMethod: 'standard',
			createdAt: created.createdAt,
			updatedAt: created.updatedAt,
			warehouseId: '9cae310d-c440-4d78-bdc0-bf306ec33888',
			items: [{ productId: PRODUCT_A, sku: 'TEST-1', quantity: 2 }],
			shipments: [
				{
					id: expect.any(String),
					status: 'CREATED',
					trackingNumber: '',
					trackingUrl: '',
					carrier: 'OTHER',
					items: [{ productId: PRODUCT_A, sku: 'TEST-1', quantity: 2 }],
					labels: [],
				},
			],
		});
	});

	it('gets an order with its fulfillments, and their tracking once shipped', async () => {
		const order = seedOrder(env);
		const created = await createFor(order.id);
		s2(env).store.ship(
			created.id as string,
			{ trackingNumber: '1Z999AA10123456784', carrierId: 'UPS' },
			'test',
		);

		const raw = await run({ resource: 'order', operation: 'get', simplify: false }, [
			{ orderId: order.id },
		]);
		expect(raw.status).toBe('success');
		expect(raw.items[0].json).toMatchObject({
			id: order.id,
			fulfillments: [
				{
					id: created.id,
					status: 'SHIPPED',
					shipments: [
						{
							trackingNumber: '1Z999AA10123456784',
							shippingCarrier: { id: 'UPS' },
							labels: [{ type: 'PURCHASED', trackingNumber: '1Z999AA10123456784' }],
						},
					],
				},
			],
		});

		const simple = await run({
			resource: 'order',
			operation: 'get',
			orderId: order.id,
			simplify: true,
		});
		expect(simple.items[0].json).toMatchObject({
			id: order.id,
			channelOrderId: order.channelOrderId,
			referenceIds: [order.channelOrderId],
			trackingNumbers: ['1Z999AA10123456784'],
			fulfillments: [
				{
					id: created.id,
					status: 'SHIPPED',
					shipments: [
						{
							carrier: 'UPS',
							trackingNumber: '1Z999AA10123456784',
							trackingUrl: 'https://track.example.com/ups/1Z999AA10123456784',
							labels: [{ type: 'PURCHASED', carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }],
						},
					],
				},
			],
		});
		expect(simple.items[0].json).not.toHaveProperty('address');
	});

	it('encodes IDs into one path segment and explains a 404', async () => {
		const result = await run(fulfillment('get', { fulfillmentId: '../order/x?y' }));
		expect(result.status).toBe('error');
		expect(requests(env, '/fulfillment/')[0].path).toBe('/s2/fulfillment/..%2Forder%2Fx%3Fy');
		expect(result.error?.message).toContain(
			"S2 could not find the resource (HTTP 404): Fulfillment '../order/x?y' not found",
		);
	});

	it('under continueOnFail, a missing order becomes an error item and the others still come', async () => {
		const order = seedOrder(env);
		const result = await run(
			{ resource: 'order', operation: 'get' },
			[{ orderId: 'nope' }, { orderId: order.id }],
			true,
		);
		expect(result.status).toBe('success');
		expect(result.items[0]).toMatchObject({
			json: { error: expect.stringContaining("Order 'nope' not found"), httpCode: '404' },
			pairedItem: { item: 0 },
		});
		expect(result.items[1]).toMatchObject({ json: { id: order.id }, pairedItem: { item: 1 } });
	});

	it('refuses an empty ID before sending anything', async () => {
		const result = await run({ resource: 'order', operation: 'get' }, [{}]);
		expect(result.error?.message).toBe('Order ID is required (got nothing) [item 0]');
		expect(requests(env)).toEqual([]);
	});

	it('retries a read after a 503', async () => {
		const order = seedOrder(env);
		env.sandbox.state.faults.add({ vendor: 's2', method: 'GET', path: '/order/', status: 503 });
		const result = await run({ resource: 'order', operation: 'get', orderId: order.id });
		expect(result.status).toBe('success');
		expect(requests(env, '/order/').map((request) => request.status)).toEqual([503, 200]);
	});
});
