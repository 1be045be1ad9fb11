import type { IDataObject } from 'n8n-workflow';
import { apiRequests, createParams, op, requests, seedOrder, useOrderProtection } from './helpers';

describe('OrderProtection › Fulfillment › Create', () => {
	const env = useOrderProtection();
	const create = (
		parameters = createParams(),
		input: IDataObject[] = [{}],
		continueOnFail = false,
	) => env.harness.runNode({ nodeType: 'orderProtection', parameters, input, continueOnFail });
	const posts = () => apiRequests(env).filter((request) => request.method === 'POST');

	it('creates from order, fulfillment ID, status and items; outputs the IDs with the answer', async () => {
		const order = seedOrder(env);
		const result = await create(createParams(), [{ sourceOrderId: order.sourceOrderId }]);

		expect(result.status).toBe('success');
		expect(posts()).toHaveLength(1);
		expect(posts()[0].path).toBe(`/orderprotection/v1/orders/${order.sourceOrderId}/fulfillments`);
		expect(posts()[0].body).toEqual({
			sourceItemIds: [{ sourceItemId: `${order.sourceOrderId}-1`, quantity: 1 }],
			fulfillmentStatus: 'FULFILLED',
			sourceFulfillmentId: `ful-${order.sourceOrderId}`,
		});
		expect(posts()[0].status).toBe(201);
		expect(result.items).toEqual([
			{
				json: {
					status: 'ok',
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: `ful-${order.sourceOrderId}`,
					fulfillmentStatus: 'FULFILLED',
					fulfillment: expect.objectContaining({ vendor: 'orderProtection' }),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(op(env).orders.list('store_sandbox', order.sourceOrderId)).toMatchObject([
			{ fulfillmentStatus: 'FULFILLED' },
		]);
	});

	it('sends tracking pairs as the parallel arrays, dates in UTC and any status casing in the documented form', async () => {
		const order = seedOrder(env);
		const result = await create(
			createParams({
				sourceOrderId: order.sourceOrderId,
				sourceFulfillmentId: 'fulfillment-123',
				fulfillmentStatus: '={{ $json.status }}',
				items: {
					item: [
						{ sourceItemId: `${order.sourceOrderId}-1`, quantity: 1 },
						{ sourceItemId: `${order.sourceOrderId}-2`, quantity: '2' },
					],
				},
				additionalFields: {
					trackingCompany: 'FedEx',
					tracking: {
						entry: [
							{ number: 'AB0303456', url: 'https://example-follow-shipment.com/AB0303456' },
							{ number: 'CD0303457', url: 'https://example-follow-shipment.com/CD0303457' },
						],
					},
					createdAt: '2024-03-20T12:00:00Z',
					updatedAt: '2024-03-20T14:30:00+02:00',
				},
			}),
			[{ status: 'Partially Fulfilled' }],
		);

		expect(result.status).toBe('success');
		expect(posts()[0].body).toEqual({
			sourceItemIds: [
				{ sourceItemId: `${order.sourceOrderId}-1`, quantity: 1 },
				{ sourceItemId: `${order.sourceOrderId}-2`, quantity: 2 },
			],
			fulfillmentStatus: 'PARTIALLY_FULFILLED',
			sourceFulfillmentId: 'fulfillment-123',
			trackingCompany: 'FedEx',
			trackingNumber: ['AB0303456', 'CD0303457'],
			trackingUrl: [
				'https://example-follow-shipment.com/AB0303456',
				'https://example-follow-shipment.com/CD0303457',
			],
			createdAt: '2024-03-20T12:00:00Z',
			updatedAt: '2024-03-20T12:30:00Z',
		});
		expect(result.items[0].json.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
	});

	it.each([
		['Fulfilled', 'FULFILLED'],
		['fulfilled', 'FULFILLED'],
		['in transit', 'IN_TRANSIT'],
		['out-for-delivery', 'OUT_FOR_DELIVERY'],
		['labelPrinted', 'LABEL_PRINTED'],
	])('accepts the status "%s" and sends %s', async (given, sent) => {
		const order = seedOrder(env);
		await create(createParams({ fulfillmentStatus: given }), [
			{ sourceOrderId: order.sourceOrderId },
		]);
		expect(posts()[0].body).toMatchObject({ fulfillmentStatus: sent });
		expect(posts()[0].status).toBe(201);
	});

	it('sends tracking numbers without URLs as trackingNumber only', async () => {
		const order = seedOrder(env);
		await create(
			createParams({
				additionalFields: {
					tracking: {
						entry: [
							{ number: 'AB1', url: '' },
							{ number: 'AB2', url: '' },
						],
					},
				},
			}),
			[{ sourceOrderId: order.sourceOrderId }],
		);
		expect(posts()[0].body).toMatchObject({ trackingNumber: ['AB1', 'AB2'] });
		expect(posts()[0].body).not.toHaveProperty('trackingUrl');
	});

	describe('bad input fails clearly and sends nothing (not even a token request)', () => {
		it.each([
			[
				'quantity 0',
				{ items: { item: [{ sourceItemId: '1478', quantity: 0 }] } },
				'Item 1: Quantity must be a positive integer (got 0) [item 0]',
			],
			['no items', { items: {} }, 'Items are required: add at least one [item 0]'],
			[
				'an unknown status',
				{ fulfillmentStatus: 'Shipped' },
				'Fulfillment Status must be one of DELIVERED, FULFILLED',
			],
			[
				'an empty source order ID',
				{ sourceOrderId: '={{ $json.none }}' },
				'Source Order ID is required (got nothing) [item 0]',
			],
			[
				'a URL for only some tracking numbers',
				{
					additionalFields: {
						tracking: {
							entry: [
								{ number: 'A1', url: 'https://t.example/A1' },
								{ number: 'A2', url: '' },
							],
						},
					},
				},
				'Tracking URL must be given for every tracking number or for none',
			],
			[
				'a tracking URL that is not one',
				{ additionalFields: { tracking: { entry: [{ number: 'A1', url: 'track me' }] } } },
				'Tracking number 1: Tracking URL must start with http:// or https://',
			],
			[
				'a bad date',
				{ additionalFields: { createdAt: 'yesterday' } },
				'Created At must be a date and time',
			],
			[
				'a source fulfillment ID Update could never address',
				{ sourceFulfillmentId: '..' },
				'Source Fulfillment ID cannot be ".." [item 0]',
			],
		])('%s', async (_, overrides, message) => {
			const result = await create(createParams({ sourceOrderId: '5001', ...overrides }));
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(message);
			expect(requests(env)).toEqual([]);
		});

		it('checks all items first: the second item invalid → nothing sent for the first', async () => {
			const order = seedOrder(env);
			const result = await create(createParams({ fulfillmentStatus: '={{ $json.status }}' }), [
				{ sourceOrderId: order.sourceOrderId, status: 'FULFILLED' },
				{ sourceOrderId: order.sourceOrderId, status: 'lost in space' },
			]);
			expect(result.error?.message).toContain('(got "lost in space") [item 1]');
			expect(requests(env)).toEqual([]);
		});
	});

	it('under continueOnFail, the invalid item becomes an error item and the others are sent', async () => {
		const order = seedOrder(env);
		const result = await create(
			createParams({ sourceFulfillmentId: '={{ $json.id }}' }),
			[
				{ sourceOrderId: order.sourceOrderId, id: 'a' },
				{ sourceOrderId: order.sourceOrderId },
				{ sourceOrderId: order.sourceOrderId, id: 'c' },
			],
			true,
		);
		expect(result.status).toBe('success');
		expect(
			result.items.map((item) => [
				item.pairedItem,
				item.json.sourceFulfillmentId ?? item.json.error,
			]),
		).toEqual([
			[{ item: 0 }, 'a'],
			[{ item: 1 }, 'Source Fulfillment ID is required (got nothing) [item 1]'],
			[{ item: 2 }, 'c'],
		]);
		expect(posts()).toHaveLength(2);
	});

	it("shows OrderProtection's own errors: an item not on the order, an unknown order, a duplicate", async () => {
		const order = seedOrder(env);
		const notOnOrder = await create(
			createParams({ items: { item: [{ sourceItemId: '9999', quantity: 1 }] } }),
			[{ sourceOrderId: order.sourceOrderId }],
		);
		expect(notOnOrder.error?.message).toBe(
			`OrderProtection rejected the request as invalid (HTTP 400): sourceItemIds[0].sourceItemId '9999' is not an item of order ${order.sourceOrderId}`,
		);

		const unknownOrder = await create(createParams(), [{ sourceOrderId: '424242' }]);
		expect(unknownOrder.error?.message).toBe(
			'OrderProtection could not find the resource (HTTP 404): Order 424242 not found',
		);
		expect(unknownOrder.error?.description).toContain('Check the source order ID');

		await create(createParams(), [{ sourceOrderId: order.sourceOrderId }]);
		// The order's fulfillments are read first: the existing one is output, nothing is posted twice.
		const duplicate = await create(createParams(), [{ sourceOrderId: order.sourceOrderId }]);
		expect(duplicate.items[0].json).toMatchObject({
			sourceFulfillmentId: `ful-${order.sourceOrderId}`,
			alreadyExists: true,
		});
		const posts = () =>
			requests(env).filter(
				(request) => request.method === 'POST' && request.path.endsWith('/fulfillments'),
			);
		const before = posts().length;
		await create(createParams(), [{ sourceOrderId: order.sourceOrderId }]);
		expect(posts()).toHaveLength(before);
		expect(
			op(env)
				.orders.all()
				.find((entry) => entry.sourceOrderId === order.sourceOrderId)?.fulfillments,
		).toHaveLength(1);
	});

	it('does not retry a create after a 5xx (it may have been stored)', async () => {
		const order = seedOrder(env);
		env.sandbox.state.faults.add({
			vendor: 'orderprotection',
			method: 'POST',
			path: '/fulfillments',
			status: 502,
		});
		const result = await create(createParams(), [{ sourceOrderId: order.sourceOrderId }]);
		expect(result.error?.message).toContain('OrderProtection had a server error (HTTP 502)');
		expect(posts()).toHaveLength(1);
	});
});
