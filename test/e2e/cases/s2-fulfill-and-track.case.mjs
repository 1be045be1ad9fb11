// examples/s2-fulfill-and-track.json:
// Order to Fulfill (Set) → Create Fulfillment (S2) → Get Order Tracking (S2 Order › Get, simplified).
const VENDOR = 's2';
const ORDER_ID = 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd';
const PRODUCT_ID = '3775cc37-30e7-4579-a58e-c9adda6fa888';

export default {
	async prepare({ sandbox }) {
		await sandbox.reset(VENDOR);
		await sandbox.seed(VENDOR, { orders: 1, orderId: ORDER_ID });
		// The sandbox warehouse ships each new fulfillment at once, so the order shows tracking right away.
		await sandbox.vendorControl(VENDOR, 'PUT', '/settings', { autoShip: true });
	},

	/** The run may write only the fulfillment it created. */
	touches: ({ execution }) =>
		execution
			.output('Create Fulfillment')
			.map((fulfillment) => `${VENDOR}:fulfillment:${fulfillment.id}`),

	async verify({ execution, sandbox, ledgerSince, expect }) {
		const [created] = execution.output('Create Fulfillment');
		expect(execution.output('Create Fulfillment')).toHaveLength(1);
		expect(created).toMatchObject({
			status: 'CREATED',
			orderId: ORDER_ID,
			channelFulfillmentId: 'shop-order-1001-f1',
			address: { name: 'Jane Doe', countryId: 'CA', company: '', phone: '' },
			items: [{ product: { id: PRODUCT_ID }, quantity: 2 }],
		});

		// The sandbox's own record of what shipped: the tracking the flow must have learnt.
		const { fulfillments } = await sandbox.vendorControl(VENDOR, 'GET', '/fulfillments');
		expect(fulfillments).toHaveLength(1);
		const tracking = fulfillments[0].shipments.map((shipment) => shipment.trackingNumber);
		expect(tracking[0]).toMatch(/\S/);

		const [order] = execution.output('Get Order Tracking');
		expect(execution.output('Get Order Tracking')).toHaveLength(1);
		expect(order).toMatchObject({ id: ORDER_ID, trackingNumbers: tracking });
		expect(order.fulfillments).toEqual([
			expect.objectContaining({
				id: created.id,
				status: 'SHIPPED',
				shipments: [expect.objectContaining({ trackingNumber: tracking[0] })],
			}),
		]);

		// What reached S2: at most one login (n8n may hold a token already), one create with the
		// documented body, one order read.
		const requests = await sandbox.ledger({ vendor: VENDOR, type: 'request', since: ledgerSince });
		const calls = requests.filter((request) => !request.path.endsWith('/login'));
		expect(
			requests.filter((request) => request.path.endsWith('/login')).length,
		).toBeLessThanOrEqual(1);
		const creates = calls.filter((request) => request.method === 'POST' && request.status === 200);
		expect(creates).toHaveLength(1);
		expect(creates[0].body).toEqual({
			orderId: ORDER_ID,
			address: {
				name: 'Jane Doe',
				company: '',
				address1: '100 Main Street',
				address2: '',
				city: 'Toronto',
				state: 'ON',
				postalCode: 'M5V 2T6',
				countryId: 'CA',
				phone: '',
				email: '',
			},
			channelFulfillmentId: 'shop-order-1001-f1',
			shippingMethod: 'standard',
			items: [{ productId: PRODUCT_ID, quantity: 2 }],
			shipments: [
				{
					items: [{ productId: PRODUCT_ID, quantity: 2 }],
					prepaidLabels: [],
					shippingCarrierId: 'OTHER',
				},
			],
			attachments: [],
		});
		expect(
			calls
				.filter((request) => request.method === 'GET' && request.status === 200)
				.map((request) => request.path),
		).toEqual([`/s2/order/${ORDER_ID}`]);
	},
};
