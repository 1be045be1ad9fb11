// examples/orderprotection-fulfill-and-update.json:
// Shipment (Set) → Create Fulfillment → Mark In Transit (Update) → Get Order Fulfillments (Get Many).
const VENDOR = 'orderprotection';
const ORDER_ID = '5001';
const FULFILLMENT_ID = 'shipment-5001-1';

export default {
	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		const { orders } = await sandbox.seed(VENDOR, { orders: 1 });
		if (orders[0].sourceOrderId !== ORDER_ID)
			throw new Error(`expected the sandbox to seed order ${ORDER_ID}`);
	},

	/** The run may write only the fulfillment it reported for the given order. */
	touches: () => [`${VENDOR}:fulfillment:${FULFILLMENT_ID}`],

	async verify({ execution, sandbox, ledgerSince, expect }) {
		expect(execution.output('Create Fulfillment')).toEqual([
			{
				status: 'ok',
				sourceOrderId: ORDER_ID,
				sourceFulfillmentId: FULFILLMENT_ID,
				fulfillmentStatus: 'FULFILLED',
				// Node version 1.1: the normalized summary beside OrderProtection's answer.
				fulfillment: expect.objectContaining({
					vendor: 'orderProtection',
					orderId: ORDER_ID,
					fulfillmentId: FULFILLMENT_ID,
				}),
			},
		]);
		expect(execution.output('Mark In Transit')).toEqual([
			{
				status: 'ok',
				sourceOrderId: ORDER_ID,
				sourceFulfillmentId: FULFILLMENT_ID,
				fulfillmentStatus: 'IN_TRANSIT',
				// Node version 1.1: the normalized summary beside OrderProtection's answer.
				fulfillment: expect.objectContaining({
					vendor: 'orderProtection',
					orderId: ORDER_ID,
					fulfillmentId: FULFILLMENT_ID,
				}),
			},
		]);
		const listed = execution.output('Get Order Fulfillments');
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({
			sourceOrderId: ORDER_ID,
			sourceFulfillmentId: FULFILLMENT_ID,
			fulfillmentStatus: 'IN_TRANSIT',
			sourceItemIds: [{ sourceItemId: '5001-1', quantity: 1 }],
			trackingCompany: 'FedEx',
			trackingNumber: ['AB0303456'],
			trackingUrl: ['https://www.fedex.com/fedextrack/?trknbr=AB0303456'],
		});

		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		// n8n's OAuth2 client fetched the token itself (at most once), form-encoded, with the store ID.
		const tokens = requests.filter((request) => request.path.endsWith('/v1/oauth/token'));
		expect(tokens.length).toBeLessThanOrEqual(1);
		for (const token of tokens) {
			expect(token.status).toBe(200);
			expect(Object.fromEntries(new URLSearchParams(token.body))).toMatchObject({
				grant_type: 'client_credentials',
				store_id: 'store_sandbox',
			});
		}
		const api = requests.filter(
			(request) => request.path.includes('/v1/orders/') && request.status !== 401,
		);
		// Create lists the order's fulfillments first, so a retried or re-run flow never posts twice.
		expect(api.map((request) => `${request.method} ${request.status}`)).toEqual([
			'GET 200',
			'POST 201',
			'PUT 200',
			'GET 200',
		]);
		// The status the example gives as "Fulfilled" is sent in the documented form.
		expect(api[1].body).toMatchObject({
			fulfillmentStatus: 'FULFILLED',
			trackingNumber: ['AB0303456'],
		});
		expect(api[2].body).toEqual({ status: 'IN_TRANSIT' });

		const changes = await sandbox.ledger({ vendor: VENDOR, type: 'change', since: ledgerSince });
		expect(changes.map((change) => [change.entity, change.from, change.to])).toEqual([
			['fulfillment', null, 'FULFILLED'],
			['fulfillment', 'FULFILLED', 'IN_TRANSIT'],
		]);
	},
};
