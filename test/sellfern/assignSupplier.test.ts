import { assignParams, orderStatus, requests, seedOrders, useSellfern } from './helpers';
import { faultOn } from '../support/faults';
import { pairedRows } from '../support/items';

describe('Sellfern › Fulfillment › Assign Supplier', () => {
	const env = useSellfern();
	const assign = (
		ids: Array<number | string>,
		overrides: Record<string, unknown> = {},
		continueOnFail = false,
	) =>
		env.harness.runNode({
			nodeType: 'sellfern',
			parameters: assignParams(overrides as never),
			input: ids.map((order_id) => ({ order_id })),
			continueOnFail,
		});
	const failAssign = faultOn(env, 'sellfern', '/fulfillment/assign');
	const assignChanges = () =>
		env.sandbox.state.ledger
			.changes({ vendor: 'sellfern' })
			.filter((c) => c.to === 'In Production');

	it('assigns 2,000 queued orders in 20 requests, one output per order paired to its item', async () => {
		const ids = seedOrders(env, 2000);
		const result = await assign(ids);
		expect(result.status).toBe('success');
		expect(requests(env, '/fulfillment/assign')).toHaveLength(20);
		expect(result.items).toHaveLength(2000);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({ order_id: ids[index], status: 'ok', supplier_id: 'sup_789' });
		});
		expect(assignChanges()).toHaveLength(2000);
		expect(orderStatus(env, ids[1999])).toMatchObject({
			status: 'In Production',
			supplier_id: 'sup_789',
		});
	});

	it('combines the ids of many items, splits at Batch Size, and keeps suppliers apart', async () => {
		const ids = seedOrders(env, 5);
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: assignParams({
				orderIds: '={{ $json.ids }}',
				supplierId: '={{ $json.supplier }}',
				options: { batchSize: 2 },
			}),
			input: [
				{ ids: `${ids[0]}, ${ids[1]}`, supplier: 'sup_a' },
				{ ids: [ids[2], ids[3]], supplier: 'sup_a' },
				{ ids: ids[4], supplier: 'sup_b' },
			],
		});
		expect(result.status).toBe('success');
		const bodies = requests(env, '/fulfillment/assign').map((r) => r.body);
		expect(bodies).toEqual([
			{ order_ids: [ids[0], ids[1]], supplier_id: 'sup_a' },
			{ order_ids: [ids[2], ids[3]], supplier_id: 'sup_a' },
			{ order_ids: [ids[4]], supplier_id: 'sup_b' },
		]);
		expect(pairedRows(result.items, 'order_id', 'supplier_id')).toEqual([
			[0, ids[0], 'sup_a'],
			[0, ids[1], 'sup_a'],
			[1, ids[2], 'sup_a'],
			[1, ids[3], 'sup_a'],
			[2, ids[4], 'sup_b'],
		]);
	});

	it('sends an order brought by several items once, even across batches, and gives each item its result', async () => {
		const ids = seedOrders(env, 3);
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: assignParams({ orderIds: '={{ $json.ids }}', options: { batchSize: 2 } }),
			input: [{ ids: [ids[0], ids[1], ids[1]] }, { ids: [ids[1], ids[2]] }],
		});
		expect(
			requests(env, '/fulfillment/assign').map(
				(r) => (r.body as { order_ids: number[] }).order_ids,
			),
		).toEqual([[ids[0], ids[1]], [ids[2]]]);
		expect(pairedRows(result.items, 'order_id', 'status')).toEqual([
			[0, ids[0], 'ok'],
			[0, ids[1], 'ok'],
			[1, ids[1], 'ok'],
			[1, ids[2], 'ok'],
		]);
	});

	it('reports per-order errors as items without failing the others', async () => {
		const [fresh] = seedOrders(env, 1);
		const [busy] = seedOrders(env, 1, { status: 'In Production', supplierId: 'sup_1' });
		const result = await assign([fresh, busy, 424242]);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.status)).toEqual(['ok', 'error', 'error']);
		expect((result.items[1].json.error as { code: string }).code).toBe('invalid_status');
		expect((result.items[2].json.error as { code: string }).code).toBe('not_found');
	});

	it('changes nothing in a dry run', async () => {
		const ids = seedOrders(env, 3);
		const result = await assign(ids, { dryRun: true });
		expect(result.items.map((item) => item.json.status)).toEqual(['ok', 'ok', 'ok']);
		// "ok" from a dry run means "would be assigned": each item says it was not.
		for (const item of result.items)
			expect(item.json).toMatchObject({ dryRun: true, assigned: false });
		expect(requests(env, '/fulfillment/assign')[0].query).toMatchObject({ dry_run: 'true' });
		expect(assignChanges()).toHaveLength(0);
		expect(orderStatus(env, ids[0])?.status).toBe('New');
	});

	it('sends an Idempotency-Key derived from the request and the execution: a re-run is a new assignment, refused once assigned', async () => {
		const ids = seedOrders(env, 3);
		await assign(ids);
		const again = await assign(ids);
		const [first, second] = requests(env, '/fulfillment/assign');
		expect(first.headers['idempotency-key']).toMatch(/^n8n-assign-[0-9a-f]{40}$/);
		expect(second.headers['idempotency-key']).toMatch(/^n8n-assign-[0-9a-f]{40}$/);
		expect(second.headers['idempotency-key']).not.toBe(first.headers['idempotency-key']);
		// Sellfern refuses orders that are no longer New: nothing happened a second time.
		expect(again.items.map((item) => item.json.status)).toEqual(['error', 'error', 'error']);
		expect(assignChanges()).toHaveLength(3);
	});

	it('a later execution assigns again after the order was set back to New (no stale replay)', async () => {
		const [id] = seedOrders(env, 1);
		expect((await assign([id])).items[0].json.status).toBe('ok');
		env.sandbox.state.vendors.sellfern.orders.setStatus(id, 'New', 'test');
		const again = await assign([id]);
		expect(again.items[0].json.status).toBe('ok');
		expect(orderStatus(env, id)?.status).toBe('In Production');
		expect(assignChanges()).toHaveLength(2);
	});

	it("replays within one execution: n8n's Retry On Fail after a lost answer assigns once", async () => {
		const [id] = seedOrders(env, 1);
		failAssign({
			afterHandling: true,
			drop: true,
		});
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: assignParams({ options: { maxRetries: 0 } }),
			input: [{ order_id: id }],
			retryOnFail: { maxTries: 3, waitBetweenTries: 1 },
		});
		expect(result.items.map((item) => item.json.status)).toEqual(['ok']);
		const [first, second] = requests(env, '/fulfillment/assign');
		expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
		expect(assignChanges()).toHaveLength(1);
	});

	it('uses the key the user sets, numbering later requests', async () => {
		const ids = seedOrders(env, 3);
		await assign(ids, { options: { idempotencyKey: 'run-42', batchSize: 2 } });
		expect(requests(env, '/fulfillment/assign').map((r) => r.headers['idempotency-key'])).toEqual([
			'run-42',
			'run-42:2',
		]);
	});

	it('retries an injected 500 mid-assign, and each order is assigned exactly once', async () => {
		const ids = seedOrders(env, 300);
		failAssign({
			status: 500,
			after: 1,
			count: 1,
		});
		const result = await assign(ids);
		expect(result.status).toBe('success');
		const sent = requests(env, '/fulfillment/assign');
		expect(sent.map((r) => r.status)).toEqual([200, 500, 200, 200]);
		expect(sent[2].headers['idempotency-key']).toBe(sent[1].headers['idempotency-key']);
		const changed = assignChanges().map((change) => Number(change.id));
		expect(changed).toHaveLength(300);
		expect(new Set(changed).size).toBe(300);
		expect(result.items.every((item) => item.json.status === 'ok')).toBe(true);
	});

	it('waits for Retry-After on a 429 before trying again', async () => {
		const ids = seedOrders(env, 2);
		failAssign({
			status: 429,
			headers: { 'Retry-After': '1' },
		});
		const result = await assign(ids);
		expect(result.status).toBe('success');
		const [limited, retried] = requests(env, '/fulfillment/assign');
		expect(limited.status).toBe(429);
		expect(retried.status).toBe(200);
		expect(Date.parse(retried.time) - Date.parse(limited.time)).toBeGreaterThanOrEqual(990);
	});

	it('gives up after Max Retries with the vendor error and its request id', async () => {
		const ids = seedOrders(env, 1);
		failAssign({
			status: 503,
			count: 5,
		});
		const result = await assign(ids, { options: { maxRetries: 1 } });
		expect(result.status).toBe('error');
		expect(requests(env, '/fulfillment/assign')).toHaveLength(2);
		expect(result.error?.message).toContain('Sellfern had a server error (HTTP 503');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('fails bad input clearly, naming field and item, and sends nothing', async () => {
		seedOrders(env, 2);
		const badId = await assign([1001, 'abc']);
		expect(badId.status).toBe('error');
		expect(badId.error?.message).toBe('Order IDs must be positive integers; "abc" is not [item 1]');
		const noSupplier = await assign([1001], { supplierId: '  ' });
		expect(noSupplier.error?.message).toBe('Supplier ID is required (got "  ") [item 0]');
		const badBatch = await assign([1001], { options: { batchSize: 0 } });
		expect(badBatch.error?.message).toMatch(/^Batch Size must be a whole number of at least 1/);
		expect(requests(env)).toHaveLength(0);
	});

	it('outputs bad items as errors under continueOnFail and assigns the rest', async () => {
		const ids = seedOrders(env, 2);
		const result = await assign([ids[0], 'abc', ids[1]], {}, true);
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({ order_id: ids[0], status: 'ok' });
		expect(result.items[1]).toEqual({
			json: { error: expect.stringContaining('[item 1]') },
			pairedItem: { item: 1 },
		});
		expect(result.items[2].json).toMatchObject({ order_id: ids[1], status: 'ok' });
		expect(requests(env, '/fulfillment/assign')).toHaveLength(1);
	});

	it('turns a failed request into error items for every item of that batch under continueOnFail', async () => {
		const ids = seedOrders(env, 2);
		failAssign({
			status: 400,
			body: {
				success: false,
				error: { code: 'validation_error', message: 'supplier_id is unknown' },
			},
		});
		const result = await assign(ids, {}, true);
		expect(result.items).toHaveLength(2);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toBe(
			'Sellfern rejected the request as invalid (HTTP 400 validation_error): supplier_id is unknown',
		);
	});
});

describe('Sellfern › Assign Supplier when a response is lost', () => {
	const env = useSellfern();
	const failAssign = faultOn(env, 'sellfern', '/fulfillment/assign');

	it('retries a request whose answer was lost after Sellfern acted, and the key stops a second assignment', async () => {
		const ids = seedOrders(env, 150);
		failAssign({
			afterHandling: true,
			drop: true,
			after: 1,
		});
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: assignParams(),
			input: ids.map((order_id) => ({ order_id })),
		});
		expect(result.status).toBe('success');
		const sent = requests(env, '/fulfillment/assign');
		expect(sent.map((r) => r.status)).toEqual([200, null, 200]);
		expect(sent[2].headers['idempotency-key']).toBe(sent[1].headers['idempotency-key']);
		const changed = env.sandbox.state.ledger
			.changes({ vendor: 'sellfern' })
			.filter((change) => change.to === 'In Production')
			.map((change) => Number(change.id));
		expect(changed).toHaveLength(150);
		expect(new Set(changed).size).toBe(150);
		expect(result.items.map((item) => item.json.status)).toEqual(ids.map(() => 'ok'));
	});
});
