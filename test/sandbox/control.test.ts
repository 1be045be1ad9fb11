import type { ChangeRecord, RequestRecord } from '../../sandbox/core/ledger';
import { seedSellfern, useSandbox } from './helpers';

const QUEUE = '/api/v2/fulfillment/queue';

describe('sandbox control: ledger', () => {
	const env = useSandbox();

	it('records each request with redacted authorization, and each state change', async () => {
		const [a] = seedSellfern(env, 1);
		await env.sellfern.get(`${QUEUE}?status=New&filter[x][0]=y`);
		await env.sellfern.post('/api/v2/fulfillment/assign', { order_ids: [a], supplier_id: 'sup_1' });

		const res = await env.http.get('/_control/ledger', {
			params: { vendor: 'sellfern', type: 'request' },
		});
		const requests = res.data.entries as RequestRecord[];
		expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', `/sellfern${QUEUE}`, 200],
			['POST', '/sellfern/api/v2/fulfillment/assign', 200],
		]);
		expect(requests[0].query).toEqual({ status: 'New', 'filter[x][0]': 'y' });
		expect(requests[0].headers.authorization).toBe('Bearer s…');
		expect(JSON.stringify(requests)).not.toContain('sk_test_sandbox');
		expect(requests[1].body).toEqual({ order_ids: [a], supplier_id: 'sup_1' });
		expect(requests[1].requestId).toMatch(/^req_/);

		const changes = (await env.http.get('/_control/ledger?type=change')).data
			.entries as ChangeRecord[];
		expect(changes.map((c) => [c.vendor, c.entity, c.id, c.from, c.to])).toEqual([
			['sellfern', 'order', String(a), null, 'New'],
			['sellfern', 'order', String(a), 'New', 'In Production'],
		]);
		expect(changes[1].cause).toBe(
			`request #${requests[1].seq} POST /sellfern/api/v2/fulfillment/assign`,
		);
		expect(changes[1].seq).toBeGreaterThan(requests[1].seq);

		const since = (await env.http.get(`/_control/ledger?since=${requests[1].seq}`)).data.entries;
		expect(since).toEqual([changes[1]]);
		expect((await env.http.get('/_control/ledger?type=other')).status).toBe(400);
	});

	it('records requests to unknown paths with no vendor, and does not record control requests', async () => {
		const res = await env.http.get('/nowhere/at/all');
		expect(res.status).toBe(404);
		expect(res.data.error.message).toContain('/sellfern');
		expect(env.sandbox.state.ledger.requests()).toMatchObject([
			{ vendor: null, path: '/nowhere/at/all', status: 404 },
		]);
	});
});

describe('sandbox control: reset, seed, ready', () => {
	const env = useSandbox();

	it('seeds Sellfern orders with increasing created_at and returns them', async () => {
		const res = await env.http.post('/_control/seed', {
			vendor: 'sellfern',
			count: 3,
			status: 'Pending Cost',
			startId: 5000,
			storeId: 'store_x',
		});
		expect(res.status).toBe(201);
		const orders = res.data.created.orders as Array<{
			order_id: number;
			created_at: string;
			store_id: string;
			status: string;
		}>;
		expect(orders.map((o) => o.order_id)).toEqual([5000, 5001, 5002]);
		expect(orders.every((o) => o.status === 'Pending Cost' && o.store_id === 'store_x')).toBe(true);
		expect(
			orders[0].created_at < orders[1].created_at && orders[1].created_at < orders[2].created_at,
		).toBe(true);
		expect(orders[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

		const taken = await env.http.post('/_control/seed', {
			vendor: 'sellfern',
			count: 2,
			startId: 5002,
		});
		expect(taken.status).toBe(409);
		expect(env.sandbox.state.vendors.sellfern.orders.all()).toHaveLength(3);
		expect((await env.http.post('/_control/seed', { vendor: 'sellfern', count: 0 })).status).toBe(
			400,
		);
		expect((await env.http.post('/_control/seed', { vendor: 'nobody', count: 1 })).status).toBe(
			400,
		);
	});

	it('marks a Pending Cost order ready, moving it into the queue', async () => {
		const [a] = seedSellfern(env, 1, { status: 'Pending Cost' });
		expect((await env.sellfern.get(QUEUE)).data.data.total).toBe(0);
		const res = await env.http.post(`/_control/sellfern/orders/${a}/ready`);
		expect(res.status).toBe(200);
		expect(res.data.order).toMatchObject({ order_id: a, status: 'New' });
		expect((await env.sellfern.get(QUEUE)).data.data.items).toMatchObject([
			{ order_id: a, status: 'New' },
		]);
		expect((await env.http.get(`/_control/sellfern/orders/${a}`)).data.order.status).toBe('New');
		expect((await env.http.get('/_control/sellfern/orders')).data.orders).toHaveLength(1);
		expect((await env.http.post(`/_control/sellfern/orders/${a}/ready`)).status).toBe(409);
		expect((await env.http.post('/_control/sellfern/orders/777/ready')).status).toBe(404);
		expect(env.sandbox.state.ledger.changes().slice(-1)[0]).toMatchObject({
			from: 'Pending Cost',
			to: 'New',
		});
	});

	it('resets one vendor (data and its faults) or everything (also ledger)', async () => {
		seedSellfern(env, 2);
		env.sandbox.state.faults.add({ vendor: 'sellfern', status: 500, count: 10 });
		env.sandbox.state.faults.add({ path: '/never', status: 500 });
		const one = await env.http.post('/_control/reset', { vendor: 'sellfern' });
		expect(one.data).toEqual({ reset: 'sellfern' });
		expect(env.sandbox.state.vendors.sellfern.orders.all()).toEqual([]);
		expect(env.sandbox.state.faults.list().map((f) => f.path)).toEqual(['/never']);
		expect(env.sandbox.state.ledger.changes()).toHaveLength(2);

		await env.http.post('/_control/reset');
		expect(env.sandbox.state.faults.list()).toEqual([]);
		expect(env.sandbox.state.ledger.list()).toEqual([]);
		expect(seedSellfern(env, 1)).toEqual([1001]);
	});

	it('describes the vendors and their demo credentials at /_control', async () => {
		const res = await env.http.get('/_control');
		const vendors = res.data.vendors as Array<{ name: string; baseUrl: string }>;
		expect(vendors.map((vendor) => vendor.name)).toEqual([
			'sellfern',
			'shipperone',
			'skuio',
			's2',
			'orderprotection',
		]);
		expect(vendors[0]).toEqual(
			expect.objectContaining({
				baseUrl: env.sandbox.vendorUrl('sellfern'),
				credentials: expect.arrayContaining([
					expect.objectContaining({ values: { apiToken: 'sk_test_sandbox' } }),
				]),
			}),
		);
		expect(() => env.sandbox.vendorUrl('nope' as never)).toThrow(/nope/);
	});
});

describe('sandbox demo seed', () => {
	it('starts with a few hundred Sellfern orders in mixed statuses', async () => {
		const { startSandbox } = await import('../../sandbox/server');
		const sandbox = await startSandbox({ port: 0, seed: true });
		try {
			const orders = sandbox.state.vendors.sellfern.orders.all();
			expect(orders.length).toBeGreaterThanOrEqual(200);
			expect(new Set(orders.map((o) => o.status)).size).toBe(6);
			expect(
				orders.filter((o) => o.status === 'In Production').every((o) => o.supplier_id !== null),
			).toBe(true);
		} finally {
			await sandbox.close();
		}
	});
});
