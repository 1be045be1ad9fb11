import { requests, seed, useShipperOne, vendor } from './helpers';

const DHL = { carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' };

// As an AI tool: the agent knows an order ID and nothing else; `{{ $json.items }}` is empty.
describe('ShipperOne › Accept and Ship with only an order ID', () => {
	const env = useShipperOne();
	const run = (operation: string, parameters: Record<string, unknown>) =>
		env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: { resource: 'fulfillmentOrder', operation, ...parameters },
			input: [{}],
		});
	const writes = () => requests(env).filter((r) => r.method !== 'GET');

	it('accepts every item, read from the Pending Accept queue, and says so', async () => {
		seed(env, 120, { items: 1 });
		const [fo] = seed(env, 1, { items: 3 });
		const result = await run('accept', { orderId: fo.order_id });
		expect(result.error?.message).toBeUndefined();
		expect(writes().map((r) => r.body)).toEqual([
			{
				order: {
					order_id: fo.order_id,
					items: fo.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
				},
			},
		]);
		// The order was on the queue's second page: both pages were read, nothing more.
		expect(requests(env, '/fulfillmentOrders/pending_accept').map((r) => r.query.page)).toEqual([
			'1',
			'2',
		]);
		expect(result.items[0].json).toMatchObject({
			order_id: fo.order_id,
			status: 'pending_allocation',
		});
		expect(result.items[0].json.itemsReadFrom).toContain('Pending Accept queue');
	});

	it('rejects every item read from the queue', async () => {
		const [fo] = seed(env, 1, { items: 2 });
		const result = await run('accept', { orderId: fo.order_id, decision: 'rejectAll' });
		expect(writes()[0].body).toEqual({
			order: {
				order_id: fo.order_id,
				items: fo.items.map((item) => ({ item_id: item.item_id, qty: 0 })),
			},
		});
		expect(result.items[0].json).toMatchObject({ status: 'rejected' });
	});

	it('ships every item, read from the Pending Shipment queue, and says so', async () => {
		const [fo] = seed(env, 1, { queue: 'pending_shipment', items: 2 });
		const result = await run('ship', { orderId: fo.order_id, tracks: { track: [DHL] } });
		expect(writes().map((r) => r.body)).toEqual([
			{
				shipment: {
					order_id: fo.order_id,
					items: fo.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
					tracks: [DHL],
				},
			},
		]);
		expect(result.items[0].json.itemsReadFrom).toContain('Pending Shipment queue');
		expect(vendor(env).orders.queue('pending_shipment')).toHaveLength(0);
	});

	it('a repeated accept with only an order ID re-sends the decision and outputs the current state', async () => {
		const [fo] = seed(env, 1, { items: 2 });
		await run('accept', { orderId: fo.order_id });
		// The ERP allocates: the order moves from Pending Accept to Pending Shipment.
		vendor(env).orders.allocate(fo.order_id, 'test');
		const changes = env.sandbox.state.ledger.changes().length;
		const again = await run('accept', { orderId: fo.order_id });
		expect(again.status).toBe('success');
		expect(again.items[0].json).toMatchObject({
			order_id: fo.order_id,
			status: 'pending_shipment',
		});
		expect(again.items[0].json.itemsReadFrom).toContain('already accepted');
		// The same decision, sent again: ShipperOne changed nothing.
		expect(writes().map((r) => r.body)).toEqual([writes()[0].body, writes()[0].body]);
		expect(env.sandbox.state.ledger.changes().length).toBe(changes);
	});

	it('fails readably, sending no write, when the order is in no queue it can be read from', async () => {
		const [fo] = seed(env, 1, { items: 1 });
		await run('accept', { orderId: fo.order_id });
		// Accepted, awaiting allocation: in no queue.
		const again = await run('accept', { orderId: fo.order_id });
		expect(again.status).toBe('error');
		expect(again.error?.message).toBe(
			`Order ${fo.order_id} is not in ShipperOne's Pending Accept queue, so its items could not be read [item 0]`,
		);
		expect(again.error?.description).toContain('Pending Accept, Pending Shipment, Failed');
		expect(again.error?.description).toContain("answers with the order's current state");

		const [failed] = seed(env, 1, { queue: 'failed' });
		const inFailed = await run('accept', { orderId: failed.order_id });
		expect(inFailed.error?.message).toBe(
			`Order ${failed.order_id} is in ShipperOne's Failed queue, not in its Pending Accept queue [item 0]`,
		);

		const [shipping] = seed(env, 1, { queue: 'pending_shipment' });
		const rejectAgain = await run('ship', { orderId: 'FO-999999999', tracks: { track: [DHL] } });
		expect(rejectAgain.error?.message).toBe(
			"Order FO-999999999 is not in ShipperOne's Pending Shipment queue, so its items could not be read [item 0]",
		);
		expect(writes()).toHaveLength(1);
		expect(shipping.order_id).toBeDefined();
	});

	it('previews with the items read from the queue, sending no write', async () => {
		const [fo] = seed(env, 1, { items: 2 });
		const changes = env.sandbox.state.ledger.changes().length;
		const result = await run('accept', { orderId: fo.order_id, options: { previewOnly: true } });
		expect(result.items[0].json).toMatchObject({
			preview: true,
			request: {
				method: 'POST',
				body: {
					order: {
						order_id: fo.order_id,
						items: fo.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered })),
					},
				},
			},
		});
		expect(writes()).toHaveLength(0);
		expect(env.sandbox.state.ledger.changes().length).toBe(changes);
	});
});
