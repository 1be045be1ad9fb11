import { seedSellfern, useSandbox } from './helpers';

const ASSIGN = '/api/v2/fulfillment/assign';

describe('Sellfern sandbox: POST /api/v2/fulfillment/assign', () => {
	const env = useSandbox();
	const order = (id: number) => env.sandbox.state.vendors.sellfern.orders.get(id);

	it('assigns New orders and reports each order, errors included', async () => {
		const [a, b] = seedSellfern(env, 2);
		const [shipped] = seedSellfern(env, 1, { status: 'Shipped' });
		const res = await env.sellfern.post(ASSIGN, {
			order_ids: [a, 999999, shipped, b],
			supplier_id: 'sup_789',
		});
		expect(res.status).toBe(200);
		expect(res.data.data.results).toEqual([
			{ order_id: a, status: 'ok', supplier_id: 'sup_789' },
			{
				order_id: 999999,
				status: 'error',
				supplier_id: 'sup_789',
				error: { code: 'not_found', message: 'Order 999999 not found' },
			},
			{
				order_id: shipped,
				status: 'error',
				supplier_id: 'sup_789',
				error: { code: 'invalid_status', message: expect.stringContaining('Shipped') },
			},
			{ order_id: b, status: 'ok', supplier_id: 'sup_789' },
		]);
		expect(res.data.data.counts).toEqual({ ok: 2, error: 2 });
		expect(order(a)).toMatchObject({ status: 'In Production', supplier_id: 'sup_789' });
		expect(order(shipped)?.status).toBe('Shipped');
	});

	it('fails the repeat of an id within one request as invalid_status', async () => {
		const [a] = seedSellfern(env, 1);
		const res = await env.sellfern.post(ASSIGN, { order_ids: [a, a], supplier_id: 'sup_1' });
		expect(res.data.data.results.map((r: { status: string }) => r.status)).toEqual(['ok', 'error']);
		expect(res.data.data.results[1].error.code).toBe('invalid_status');
		expect(
			env.sandbox.state.ledger
				.changes({ vendor: 'sellfern' })
				.filter((c) => c.to === 'In Production'),
		).toHaveLength(1);
	});

	it('previews with dry_run without changing anything', async () => {
		const [a, b] = seedSellfern(env, 2);
		const seq = Math.max(...env.sandbox.state.ledger.list().map((entry) => entry.seq));
		const body = { order_ids: [a, b, a, 5], supplier_id: 'sup_789' };
		const dry = await env.sellfern.post(`${ASSIGN}?dry_run=true`, body);
		expect(dry.status).toBe(200);
		expect(dry.data.data.counts).toEqual({ ok: 2, error: 2 });
		expect(order(a)).toMatchObject({ status: 'New', supplier_id: null });
		expect(env.sandbox.state.ledger.changes({ since: seq })).toEqual([]);

		const real = await env.sellfern.post(`${ASSIGN}?dry_run=0`, body);
		expect(real.data.data).toEqual(dry.data.data);
		expect(order(a)?.status).toBe('In Production');
	});

	it.each([
		[{ supplier_id: 'sup_1' }, 'order_ids'],
		[{ order_ids: [], supplier_id: 'sup_1' }, 'order_ids'],
		[{ order_ids: [1001, '1002'], supplier_id: 'sup_1' }, 'order_ids'],
		[{ order_ids: [1.5], supplier_id: 'sup_1' }, 'order_ids'],
		[
			{ order_ids: Array.from({ length: 1001 }, (_, i) => i + 1), supplier_id: 'sup_1' },
			'order_ids',
		],
		[{ order_ids: [1001] }, 'supplier_id'],
		[{ order_ids: [1001], supplier_id: '  ' }, 'supplier_id'],
		[[1001], 'body'],
	])('rejects body %j with 400 naming %s', async (body, field) => {
		const res = await env.sellfern.post(ASSIGN, body);
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ code: 'validation_error', details: { field } });
	});

	it('rejects a dry_run that is not true/false/1/0', async () => {
		const res = await env.sellfern.post(`${ASSIGN}?dry_run=yes`, {
			order_ids: [1],
			supplier_id: 's',
		});
		expect(res.status).toBe(400);
		expect(res.data.error.details.field).toBe('dry_run');
	});
});

describe('Sellfern sandbox: Idempotency-Key', () => {
	const env = useSandbox();

	it('replays the original response for the same key and request, doing nothing again', async () => {
		const [a] = seedSellfern(env, 1);
		const headers = { 'Idempotency-Key': 'key-1' };
		const first = await env.sellfern.post(
			ASSIGN,
			{ order_ids: [a], supplier_id: 'sup_1' },
			{ headers },
		);
		expect(first.data.data.counts).toEqual({ ok: 1, error: 0 });
		expect(first.headers['idempotent-replayed']).toBeUndefined();

		const again = await env.sellfern.post(
			ASSIGN,
			{ supplier_id: 'sup_1', order_ids: [a] },
			{ headers },
		);
		expect(again.status).toBe(200);
		expect(again.headers['idempotent-replayed']).toBe('true');
		expect(again.data).toEqual(first.data);
		expect(
			env.sandbox.state.ledger
				.changes({ vendor: 'sellfern' })
				.filter((c) => c.to === 'In Production'),
		).toHaveLength(1);

		const fresh = await env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' });
		expect(fresh.data.data.counts).toEqual({ ok: 0, error: 1 });
	});

	it('answers 422 idempotency_conflict for the same key with a different request', async () => {
		const [a, b] = seedSellfern(env, 2);
		const headers = { 'Idempotency-Key': 'key-2' };
		await env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' }, { headers });
		const otherBody = await env.sellfern.post(
			ASSIGN,
			{ order_ids: [b], supplier_id: 'sup_1' },
			{ headers },
		);
		expect(otherBody.status).toBe(422);
		expect(otherBody.data.error.code).toBe('idempotency_conflict');
		const otherQuery = await env.sellfern.post(
			`${ASSIGN}?dry_run=true`,
			{ order_ids: [a], supplier_id: 'sup_1' },
			{ headers },
		);
		expect(otherQuery.status).toBe(422);
		expect(env.sandbox.state.vendors.sellfern.orders.get(b)?.status).toBe('New');
	});

	it('stores nothing for a failed request, and forgets keys after 24 hours', async () => {
		const [a] = seedSellfern(env, 1);
		const headers = { 'Idempotency-Key': 'key-3' };
		const invalid = await env.sellfern.post(ASSIGN, { order_ids: [a] }, { headers });
		expect(invalid.status).toBe(400);
		const corrected = await env.sellfern.post(
			ASSIGN,
			{ order_ids: [a], supplier_id: 'sup_1' },
			{ headers },
		);
		expect(corrected.data.data.counts.ok).toBe(1);

		env.sandbox.state.clock.advance(24 * 60 * 60 * 1000 + 1000);
		const afterExpiry = await env.sellfern.post(
			ASSIGN,
			{ order_ids: [a], supplier_id: 'sup_1' },
			{ headers },
		);
		expect(afterExpiry.headers['idempotent-replayed']).toBeUndefined();
		expect(afterExpiry.data.data.counts).toEqual({ ok: 0, error: 1 });
	});

	it('replays a status PATCH too', async () => {
		const [a] = seedSellfern(env, 1, { status: 'In Production' });
		const headers = { 'Idempotency-Key': 'patch-1' };
		await env.sellfern.patch(`/api/v2/orders/${a}/status`, { status: 'Shipped' }, { headers });
		env.sandbox.state.vendors.sellfern.orders.setStatus(a, 'Complete', 'test');
		const again = await env.sellfern.patch(
			`/api/v2/orders/${a}/status`,
			{ status: 'Shipped' },
			{ headers },
		);
		expect(again.headers['idempotent-replayed']).toBe('true');
		expect(again.data.data.status).toBe('Shipped');
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('Complete');
	});
});

describe('Sellfern sandbox: PATCH /api/v2/orders/:id/status', () => {
	const env = useSandbox();

	it('sets any documented status, returns the order and records the change', async () => {
		const [a] = seedSellfern(env, 1, { status: 'In Production', supplierId: 'sup_9' });
		const res = await env.sellfern.patch(`/api/v2/orders/${a}/status`, { status: 'Shipped' });
		expect(res.status).toBe(200);
		expect(res.data.data).toMatchObject({ order_id: a, status: 'Shipped', supplier_id: 'sup_9' });
		const [change] = env.sandbox.state.ledger.changes({ vendor: 'sellfern' }).slice(-1);
		expect(change).toMatchObject({
			entity: 'order',
			id: String(a),
			from: 'In Production',
			to: 'Shipped',
		});
		expect(change.cause).toContain(`PATCH /sellfern/api/v2/orders/${a}/status`);
	});

	it('answers 404 not_found for an unknown order and 400 for a status outside the six', async () => {
		const [a] = seedSellfern(env, 1);
		const missing = await env.sellfern.patch('/api/v2/orders/424242/status', { status: 'Shipped' });
		expect(missing.status).toBe(404);
		expect(missing.data.error.code).toBe('not_found');
		const wrong = await env.sellfern.patch(`/api/v2/orders/${a}/status`, { status: 'shipped' });
		expect(wrong.status).toBe(400);
		expect(wrong.data.error).toMatchObject({
			code: 'validation_error',
			details: { field: 'status' },
		});
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('New');
	});

	it('needs the orders:status:write scope', async () => {
		const [a] = seedSellfern(env, 1);
		const res = await env.http.patch(
			`/sellfern/api/v2/orders/${a}/status`,
			{ status: 'Shipped' },
			{ headers: { Authorization: 'Bearer sk_test_readonly' } },
		);
		expect(res.status).toBe(403);
		expect(res.data.error.details.required_scope).toBe('orders:status:write');
	});
});
