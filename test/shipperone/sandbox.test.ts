import axios, { type AxiosInstance } from 'axios';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { ShipperOneVendor } from '../../sandbox/vendors/shipperone';
import { READONLY_TOKEN, TOKEN } from './helpers';

/** The sandbox's ShipperOne over plain HTTP: the rules of the vendor document, without our nodes. */
describe('ShipperOne sandbox', () => {
	let sandbox: Sandbox;
	let api: AxiosInstance;
	let control: AxiosInstance;
	const vendor = () =>
		(sandbox.state.vendors as unknown as { shipperone: ShipperOneVendor }).shipperone;
	const seed = (count: number, options: Record<string, unknown> = {}) =>
		vendor().seed({ count, ...options }).orders as Array<{
			order_id: string;
			items: Array<{ item_id: number; qty_ordered: number }>;
		}>;
	const all = (o: { items: Array<{ item_id: number; qty_ordered: number }> }) =>
		o.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered }));

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		api = axios.create({
			baseURL: `${sandbox.vendorUrl('shipperone')}/rest/default/V1`,
			headers: { Authorization: `Bearer ${TOKEN}` },
			validateStatus: () => true,
		});
		control = axios.create({
			baseURL: `${sandbox.url}/_control/shipperone`,
			validateStatus: () => true,
		});
	});
	beforeEach(() => sandbox.state.reset());
	afterAll(async () => await sandbox.close());

	it('pages queues by a fixed 100 and ends with an empty array', async () => {
		seed(230);
		const sizes = [];
		for (let page = 1; page <= 4; page++)
			sizes.push(
				(await api.get('/fulfillmentOrders/pending_accept', { params: { page } })).data.length,
			);
		expect(sizes).toEqual([100, 100, 30, 0]);
		expect((await api.get('/fulfillmentOrders/pending_accept')).data).toHaveLength(100);
	});

	it('rejects a bad page number or a malformed date with 400', async () => {
		for (const params of [
			{ page: 0 },
			{ page: 'x' },
			{ date: '2026-05-20T09:00:00' },
			{ date: '2026-02-30 10:00:00' },
		]) {
			const res = await api.get('/fulfillmentOrders/pending_accept', { params });
			expect(res.status).toBe(400);
			expect(res.data.message).toMatch(/%1/);
			expect(res.data.parameters).toHaveLength(1);
		}
	});

	it('filters by update time inclusively and leaves prices out of pending_accept and failed', async () => {
		seed(1, { updatedAt: '2026-05-20 08:59:59' });
		const [at] = seed(1, { updatedAt: '2026-05-20 09:00:00' });
		const res = await api.get('/fulfillmentOrders/pending_accept', {
			params: { date: '2026-05-20 09:00:00' },
		});
		expect(res.data.map((o: { order_id: string }) => o.order_id)).toEqual([at.order_id]);
		expect(res.data[0]).not.toHaveProperty('grand_total');
		expect(res.data[0].items[0]).not.toHaveProperty('price');
		seed(1, { queue: 'pending_shipment' });
		const priced = await api.get('/fulfillmentOrders/pending_shipment');
		expect(priced.data[0]).toHaveProperty('grand_total');
		expect(priced.data[0].items[0]).toHaveProperty('price');
	});

	it('checks the store code, the Bearer token and the ACL resource', async () => {
		const url = (store: string) =>
			`${sandbox.vendorUrl('shipperone')}/rest/${store}/V1/fulfillmentOrders/pending_accept`;
		expect((await axios.get(url('default'), { validateStatus: () => true })).status).toBe(401);
		expect(
			(
				await axios.get(url('nope'), {
					headers: { Authorization: `Bearer ${TOKEN}` },
					validateStatus: () => true,
				})
			).status,
		).toBe(404);
		const [fo] = seed(1);
		const res = await axios.post(
			`${sandbox.vendorUrl('shipperone')}/rest/default/V1/fulfillmentOrder/accept`,
			{ order: { order_id: fo.order_id, items: all(fo) } },
			{ headers: { Authorization: `Bearer ${READONLY_TOKEN}` }, validateStatus: () => true },
		);
		expect(res.status).toBe(403);
		expect(res.data).toEqual({
			message: "The consumer isn't authorized to access %resources.",
			parameters: { resources: 'Shipper_FulfillmentOrder::api_accept' },
		});
	});

	it('requires qty on every accept entry and refuses unknown or repeated items', async () => {
		const [fo, other] = seed(2, { items: 2 });
		const post = (items: unknown) =>
			api.post('/fulfillmentOrder/accept', { order: { order_id: fo.order_id, items } });
		expect((await post([{ item_id: fo.items[0].item_id }])).data.message).toBe(
			'"%1.items[%2].qty" is required.',
		);
		expect((await post([...all(fo), { item_id: other.items[0].item_id, qty: 1 }])).status).toBe(
			400,
		);
		expect((await post([all(fo)[0], all(fo)[0]])).data.message).toBe(
			'Item %1 is listed more than once.',
		);
		expect(
			(await api.post('/fulfillmentOrder/accept', { order: { order_id: 'FO-9', items: all(fo) } }))
				.status,
		).toBe(404);
		expect(vendor().orders.get(fo.order_id)?.status).toBe('pending_accept');
	});

	it('plays the lifecycle: accept → allocation (control) → ship → pending_invoice, all in the ledger', async () => {
		const [fo] = seed(1);
		expect(
			(
				await api.post('/fulfillmentOrder/accept', {
					order: { order_id: fo.order_id, items: all(fo) },
				})
			).data.status,
		).toBe('pending_allocation');
		expect((await api.get('/fulfillmentOrders/pending_shipment')).data).toEqual([]);
		expect((await control.post(`/orders/${fo.order_id}/allocate`)).data).toEqual({
			allocated: [fo.order_id],
		});
		expect((await control.post(`/orders/${fo.order_id}/allocate`)).status).toBe(409);
		expect((await api.get('/fulfillmentOrders/pending_shipment')).data).toHaveLength(1);
		const tracks = [{ carrier_code: 'dhl', title: 'DHL', track_number: '1' }];
		const shipped = await api.post('/fulfillmentOrder/ship', {
			shipment: { order_id: fo.order_id, items: all(fo), tracks },
		});
		expect(shipped.data).toMatchObject({ status: 'pending_invoice', tracks });
		const moves = sandbox.state.ledger.changes({ vendor: 'shipperone' }).map((c) => [c.from, c.to]);
		expect(moves).toEqual([
			[null, 'pending_accept'],
			['pending_accept', 'pending_allocation'],
			['pending_allocation', 'pending_shipment'],
			['pending_shipment', 'pending_invoice'],
		]);
	});

	it('changes partial settings per order and tenant-wide through the control routes', async () => {
		const [fo] = seed(1, { items: 2 });
		const subset = () =>
			api.post('/fulfillmentOrder/accept', {
				order: { order_id: fo.order_id, items: [all(fo)[0]] },
			});
		expect((await subset()).status).toBe(400);
		expect((await control.post('/settings', { partials: true })).data).toEqual({
			settings: { partials: true, allocateAfterSeconds: null },
		});
		expect((await subset()).data.status).toBe('partially_accepted');
		await control.post('/settings', { partials: false });
		const [other] = seed(1, { items: 2 });
		await control.post(`/orders/${other.order_id}/partials`, { enabled: true });
		const res = await api.post('/fulfillmentOrder/accept', {
			order: { order_id: other.order_id, items: [{ item_id: other.items[1].item_id, qty: 0 }] },
		});
		expect(res.data).toMatchObject({ status: 'partially_accepted', partials_enabled: true });
		expect((await control.post('/settings', { partial: true })).status).toBe(400);
	});

	it('plays the allocation by a timer when asked to', async () => {
		expect((await control.post('/settings', { allocateAfterSeconds: 30 })).status).toBe(200);
		const [fo] = seed(1);
		await api.post('/fulfillmentOrder/accept', {
			order: { order_id: fo.order_id, items: all(fo) },
		});
		expect((await api.get('/fulfillmentOrders/pending_shipment')).data).toEqual([]);
		sandbox.state.clock.advance(30_000);
		const [ready] = (await api.get('/fulfillmentOrders/pending_shipment')).data;
		expect(ready).toMatchObject({ order_id: fo.order_id, status: 'pending_shipment' });
		expect(sandbox.state.ledger.changes({ vendor: 'shipperone' }).at(-1)).toMatchObject({
			from: 'pending_allocation',
			to: 'pending_shipment',
			cause: 'ERP allocation (sandbox timer)',
		});
		expect((await control.post('/settings', { allocateAfterSeconds: -1 })).status).toBe(400);
	});

	it('moves orders to the read-only failed queue and back', async () => {
		const [fo] = seed(1);
		await control.post(`/orders/${fo.order_id}/fail`, { reason: 'Allocation failed' });
		expect((await api.get('/fulfillmentOrders/pending_accept')).data).toEqual([]);
		expect((await api.get('/fulfillmentOrders/failed')).data[0]).toMatchObject({
			status: 'failed',
			failure_reason: 'Allocation failed',
		});
		expect(
			(
				await api.post('/fulfillmentOrder/accept', {
					order: { order_id: fo.order_id, items: all(fo) },
				})
			).status,
		).toBe(400);
		await control.post(`/orders/${fo.order_id}/restore`);
		expect((await api.get('/fulfillmentOrders/pending_accept')).data).toHaveLength(1);
	});

	it('renders injected faults in its own error shape', async () => {
		sandbox.state.faults.add({ vendor: 'shipperone', status: 500 });
		const res = await api.get('/fulfillmentOrders/failed');
		expect(res.status).toBe(500);
		expect(res.data.message).toMatch(/^Internal Error\. .* Report ID: webapi-req_/);
	});

	it('seeds demo data across the queues', () => {
		expect(vendor().seedDemo()).toEqual({ pending_accept: 120, pending_shipment: 40, failed: 6 });
		expect(vendor().orders.queue('pending_accept')).toHaveLength(120);
	});
});
