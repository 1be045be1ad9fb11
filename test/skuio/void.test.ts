import { fulfillment, requests, run, seed, store, useSkuIo } from './helpers';
import { outcomes } from '../support/items';

describe('SKU.io › Fulfillment › Void', () => {
	const env = useSkuIo();
	const deletes = () => requests(env).filter((request) => request.method === 'DELETE');
	const voidOne = (
		id: number | string,
		extra: Record<string, unknown> = {},
		continueOnFail = false,
	) =>
		run(
			env,
			fulfillment('void', { fulfillmentId: String(id), ...extra }),
			undefined,
			continueOnFail,
		);

	it('voids softly: Get then shows it voided, its inventory movements reversed and its order reopened', async () => {
		const [id] = seed(env, 1, { lines: 2 });
		const before = store(env).get(id)!;
		const movementsBefore = store(env).movementsOf(id);

		const result = await voidOne(id, { voidReason: 'Customer cancelled' });
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({
			id,
			status: 'canceled',
			void_reason: 'Customer cancelled',
		});

		const [request] = requests(env);
		expect(request).toMatchObject({
			method: 'DELETE',
			path: `/skuio/api/sales-order-fulfillments/${id}`,
			query: { 'check-deletable': '1' },
			body: { void_reason: 'Customer cancelled' },
			status: 200,
		});
		expect(request.headers['content-type']).toMatch(/^application\/json/);

		const got = await run(env, fulfillment('get', { fulfillmentId: String(id) }));
		expect(got.items[0].json).toMatchObject({
			id,
			status: 'canceled',
			voided_at: expect.stringMatching(/^\d{4}-/),
			voided_by_user_id: 1,
			void_reason: 'Customer cancelled',
		});

		const movements = await run(env, {
			resource: 'history',
			operation: 'getInventoryMovements',
			fulfillmentId: String(id),
			returnAll: true,
		});
		const all = movements.items.map(
			(item) =>
				item.json as {
					id: number;
					quantity: number;
					reverses_movement_id: number | null;
					sku: string;
				},
		);
		expect(all).toHaveLength(movementsBefore.length * 2);
		for (const original of movementsBefore) {
			expect(all).toContainEqual(
				expect.objectContaining({
					reverses_movement_id: original.id,
					quantity: -original.quantity,
					sku: original.sku,
				}),
			);
		}
		expect(all.reduce((sum, movement) => sum + movement.quantity, 0)).toBe(0);

		expect(store(env).fulfillmentOrder(before.fulfillment_order_id)).toMatchObject({
			status: 'Open',
			submission_status: 'Unsubmitted',
		});
		// Voided shipments leave the active list.
		const list = await run(env, fulfillment('getAll', { returnAll: true }));
		expect(list.items).toHaveLength(0);
	});

	it('checks every item before voiding anything, or skips only the bad ones under continueOnFail', async () => {
		const [a, b] = seed(env, 2);
		const input = [{ id: a }, { id: 'abc' }, { id: b }];
		const parameters = fulfillment('void', { fulfillmentId: '={{ $json.id }}' });
		const stopped = await run(env, parameters, input);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toBe(
			'Fulfillment ID must be a positive integer (got "abc") [item 1]',
		);
		expect(requests(env)).toHaveLength(0);

		const continued = await run(env, parameters, input, true);
		expect(outcomes(continued.items, 'status')).toEqual([
			[0, 'canceled'],
			[1, 'Fulfillment ID must be a positive integer (got "abc") [item 1]'],
			[2, 'canceled'],
		]);
		expect(requests(env)).toHaveLength(2);
	});

	it('sends no body when there is no reason', async () => {
		const [id] = seed(env, 1);
		await voidOne(id);
		expect(requests(env)[0].body).toBeUndefined();
	});

	it('explains the 400 "not voidable" for a shipped shipment', async () => {
		const [id] = seed(env, 1, { status: 'fulfilled' });
		const result = await voidOne(id);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'SKU.io rejected the request as invalid (HTTP 400): This shipment cannot be voided.',
		);
		expect(result.error?.description).toMatch(
			/^SKU\.io refused to void this shipment: it is not voidable/,
		);
		expect(result.error?.description).toContain('Bulk Void and Force');
		expect(result.error?.description).toContain('"shipped":"The shipment has shipped');
		// The explanation comes first; SKU.io's reasons follow it.
		expect(result.error?.description).toMatch(
			/The reasons SKU\.io gave are listed below\.\nDetails: .*"shipped":/,
		);
		expect(store(env).get(id)?.voided_at).toBeNull();
	});

	it('never shows a 2xx that did not void as a void: needs_confirmation becomes an item error', async () => {
		const [id] = seed(env, 1, { status: 'fulfilled' });
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			method: 'DELETE',
			status: 200,
			body: { needs_confirmation: [{ id, reason: 'The shipment has shipped; confirm to void.' }] },
		});
		const refused = await voidOne(id, {}, true);
		expect(refused.items).toHaveLength(1);
		expect(refused.items[0].json.error).toBe(
			`SKU.io did not void fulfillment ${id}: SKU.io asks for confirmation: The shipment has shipped; confirm to void.`,
		);
		expect(refused.items[0].pairedItem).toEqual({ item: 0 });

		// A record answered back still without voided_at is not a void either.
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			method: 'DELETE',
			status: 200,
			body: { data: { id, status: 'fulfilled', voided_at: null } },
		});
		const unchanged = await voidOne(id);
		expect(unchanged.status).toBe('error');
		expect(unchanged.error?.message).toBe(
			`SKU.io did not void fulfillment ${id}: SKU.io returned the fulfillment still with status fulfilled, not voided`,
		);
		expect(deletes()).toHaveLength(2);
		expect(store(env).get(id)?.voided_at).toBeNull();
	});

	it('checks deletability by default, and skips that check when told to', async () => {
		const [id] = seed(env, 1, { submittedToChannel: true });
		const checked = await voidOne(id, {}, true);
		expect(checked.items[0].json.error).toBe(
			'SKU.io rejected the request as invalid (HTTP 400): This shipment cannot be voided.',
		);
		expect(checked.items[0].json.description).toContain('already submitted to the sales channel');

		const unchecked = await voidOne(id, { options: { checkDeletable: false } });
		expect(unchecked.status).toBe('success');
		expect(deletes().map((r) => r.query['check-deletable'])).toEqual(['1', '0']);
		expect(store(env).get(id)?.status).toBe('canceled');
	});

	it('never voids twice: a second void of a voided shipment outputs it as already voided', async () => {
		const [id] = seed(env, 1);
		await voidOne(id);
		const again = await voidOne(id);
		expect(again.status).toBe('success');
		expect(again.items[0].json).toMatchObject({
			id,
			status: 'canceled',
			alreadyVoided: true,
			voided_at: expect.any(String),
		});
		expect(
			env.sandbox.state.ledger.changes({ vendor: 'skuio' }).filter((c) => c.to === 'canceled'),
		).toHaveLength(1);
	});

	it('reads back after a lost answer: Retry On Fail outputs the shipment this execution voided', async () => {
		const [id] = seed(env, 1);
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			method: 'DELETE',
			afterHandling: true,
			drop: true,
		});
		const result = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: fulfillment('void', { fulfillmentId: String(id), options: { maxRetries: 0 } }),
			retryOnFail: { maxTries: 3, waitBetweenTries: 1 },
		});
		expect(result.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ id, status: 'canceled', outcome: 'applied' });
		expect(deletes()).toHaveLength(1);
	});

	it('says when a lost void was not applied', async () => {
		const [id] = seed(env, 1);
		env.sandbox.state.faults.add({ vendor: 'skuio', method: 'DELETE', drop: true });
		const result = await voidOne(id);
		expect(result.error?.message).toBe(
			'SKU.io Void: Could not reach SKU.io: socket hang up - the request may have been applied',
		);
		expect(result.error?.description).toMatch(
			/^Outcome: not applied\. Reading fulfillment \d+ in SKU\.io back/,
		);
	});

	it('never resends a void after a server error or a dropped connection, but does after a 429', async () => {
		const [id] = seed(env, 1);
		env.sandbox.state.faults.add({ vendor: 'skuio', method: 'DELETE', status: 500 });
		expect((await voidOne(id)).status).toBe('error');
		env.sandbox.state.faults.add({ vendor: 'skuio', method: 'DELETE', drop: true });
		expect((await voidOne(id)).error?.message).toContain('Could not reach SKU.io');
		expect(deletes()).toHaveLength(2);

		env.sandbox.state.faults.add({
			vendor: 'skuio',
			method: 'DELETE',
			status: 429,
			headers: { 'Retry-After': '0' },
		});
		const limited = await voidOne(id);
		expect(limited.status).toBe('success');
		expect(deletes().map((r) => r.status)).toEqual([500, null, 429, 200]);
	});
});
