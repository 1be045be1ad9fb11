import type { IDataObject } from 'n8n-workflow';
import { fulfillment, requests, run, seed, store, useSkuIo } from './helpers';
import { outcomes, pairedRows } from '../support/items';

describe('SKU.io › Fulfillment › Bulk Void', () => {
	const env = useSkuIo();
	const bulkVoid = (input: IDataObject[], extra: IDataObject = {}, continueOnFail = false) =>
		run(
			env,
			fulfillment('bulkVoid', { fulfillmentIds: '={{ $json.id }}', ...extra }),
			input,
			continueOnFail,
		);
	const voidedIds = () =>
		env.sandbox.state.ledger
			.changes({ vendor: 'skuio' })
			.filter((change) => change.to === 'canceled')
			.map((change) => Number(change.id));

	it('voids 10 shipments from 10 items in one request, one result per shipment paired to its item', async () => {
		const ids = seed(env, 10);
		const result = await bulkVoid(
			ids.map((id) => ({ id })),
			{ voidReason: 'Duplicate' },
		);
		expect(result.status).toBe('success');
		const sent = requests(env);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			method: 'DELETE',
			path: '/skuio/api/sales-order-fulfillments',
			body: { ids, force: false, void_reason: 'Duplicate' },
			status: 200,
		});
		expect(result.items).toHaveLength(10);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({
				id: ids[index],
				fulfillment_number: store(env).get(ids[index])?.fulfillment_number,
				result: 'voided',
				needs_confirmation: false,
				voided: true,
			});
		});
		expect(voidedIds()).toEqual(ids);
		expect(store(env).get(ids[9])).toMatchObject({ status: 'canceled', void_reason: 'Duplicate' });
	});

	it('marks shipped shipments as needing confirmation, and voids them with Force', async () => {
		const [open] = seed(env, 1);
		const [shipped] = seed(env, 1, { status: 'fulfilled' });
		const first = await bulkVoid([{ id: [open, shipped, 999_999] }]);
		expect(
			first.items.map((item) => [item.json.id, item.json.result, item.json.needs_confirmation]),
		).toEqual([
			[open, 'voided', false],
			[shipped, 'needs_confirmation', true],
			[999_999, 'failed', false],
		]);
		expect(first.items[1].json.reason).toMatch(/has shipped/);
		// Not voided is said plainly, with SKU.io's reason: never an item that passes for a void.
		expect(first.items.map((item) => item.json.voided)).toEqual([true, false, false]);
		expect(first.items[1].json.message).toMatch(
			/^Not voided: SKU\.io asks for confirmation .*Force.* SKU\.io: .*has shipped/,
		);
		expect(first.items[2].json.message).toMatch(/^Not voided: .*SKU\.io: Not found/);
		expect(store(env).get(shipped)?.voided_at).toBeNull();

		const forced = await bulkVoid([{ id: shipped }], { force: true });
		expect(forced.items[0].json).toMatchObject({ id: shipped, result: 'voided' });
		expect(requests(env).at(-1)?.body).toEqual({ ids: [shipped], force: true });
	});

	it('splits 40 shipments into requests of at most 30, so every shipment gets its own result', async () => {
		const ids = seed(env, 40);
		const result = await bulkVoid(ids.map((id) => ({ id })));
		expect(requests(env).map((r) => (r.body as { ids: number[] }).ids.length)).toEqual([30, 10]);
		expect(result.items).toHaveLength(40);
		expect(result.items.every((item) => item.json.result === 'voided')).toBe(true);
		expect(voidedIds()).toHaveLength(40);
	});

	it('outputs the background job of a batch above 30, paired to every item of that batch', async () => {
		const ids = seed(env, 40);
		const result = await bulkVoid(
			ids.map((id) => ({ id })),
			{ options: { batchSize: 40 } },
		);
		expect(result.status).toBe('success');
		expect(requests(env)).toHaveLength(1);
		expect(requests(env)[0].status).toBe(202);
		expect(result.items).toHaveLength(1);
		const [job] = result.items;
		expect(job.json).toEqual({
			message: 'Voiding 40 shipments in the background.',
			tracked_job_log_id: 1,
			result: 'queued',
			ids,
		});
		expect(job.pairedItem).toEqual(ids.map((_, item) => ({ item })));
		expect(store(env).job(1)?.results.voided).toHaveLength(40);
	});

	it('keeps items with a different reason or force in separate requests, and sends each ID once', async () => {
		const ids = seed(env, 3);
		const result = await bulkVoid(
			[
				{ id: ids[0], reason: 'a' },
				{ id: ids[1], reason: 'b' },
				{ id: ids[0], reason: 'a' },
				{ id: ids[2], reason: 'a' },
			],
			{ voidReason: '={{ $json.reason }}' },
		);
		expect(requests(env).map((r) => r.body)).toEqual([
			{ ids: [ids[0], ids[2]], force: false, void_reason: 'a' },
			{ ids: [ids[1]], force: false, void_reason: 'b' },
		]);
		expect(pairedRows(result.items, 'id')).toEqual([
			[0, ids[0]],
			[1, ids[1]],
			[2, ids[0]],
			[3, ids[2]],
		]);
	});

	it('voids an ID that several items bring in one request only, even when the items fall into different batches', async () => {
		const [a, b, c] = seed(env, 3);
		const result = await bulkVoid([{ id: [a, b] }, { id: [a, c, c] }], {
			options: { batchSize: 2 },
		});
		expect(result.status).toBe('success');
		expect(requests(env).map((r) => (r.body as { ids: number[] }).ids)).toEqual([[a, b], [c]]);
		expect(pairedRows(result.items, 'id', 'result')).toEqual([
			[0, a, 'voided'],
			[0, b, 'voided'],
			[1, a, 'voided'],
			[1, c, 'voided'],
		]);
		expect(voidedIds()).toEqual([a, b, c]);
	});

	it('voids everything matching the filters, in one request with apply_to_all', async () => {
		const fba = seed(env, 3, { fulfillmentType: 'fba' });
		const [other] = seed(env, 1, { fulfillmentType: 'shiphero' });
		const result = await run(
			env,
			fulfillment('bulkVoid', {
				target: 'filters',
				filters: { fulfillmentType: 'fba' },
				filterGroups: {
					group: {
						conjunction: 'and',
						conditions: {
							condition: [{ column: 'status', operator: 'equals', value: 'submitted' }],
						},
					},
				},
			}),
		);
		expect(requests(env)[0].body).toEqual({
			apply_to_all: true,
			filters: {
				fulfillment_type: 'fba',
				filter_groups: {
					conjunction: 'and',
					children: [
						{
							type: 'condition',
							condition: { column: 'status', operator: 'equals', value: 'submitted' },
						},
					],
				},
			},
			force: false,
		});
		expect(result.items.map((item) => item.json.id).sort()).toEqual(fba);
		expect(store(env).get(other)?.voided_at).toBeNull();
	});

	it('refuses to void everything when no filter is set, sending nothing', async () => {
		seed(env, 2);
		const result = await run(env, fulfillment('bulkVoid', { target: 'filters' }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Add a filter (Status, Fulfillment Type or a Filter Groups condition) to void all matching fulfillments [item 0]',
		);
		expect(requests(env)).toHaveLength(0);
	});

	it('checks every item before voiding anything', async () => {
		const ids = seed(env, 3);
		const result = await bulkVoid([{ id: ids[0] }, { id: ids[1] }, { id: 'abc' }]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Fulfillment IDs must be positive integers; "abc" is not [item 2]',
		);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(requests(env)).toHaveLength(0);
		const badBatch = await bulkVoid([{ id: ids[0] }], { options: { batchSize: 5000 } });
		expect(badBatch.error?.message).toBe('Batch Size must be at most 1000 [item 0]');
	});

	it('under continueOnFail: bad items become error items and the rest is voided', async () => {
		const ids = seed(env, 2);
		const result = await bulkVoid([{ id: ids[0] }, { id: 'abc' }, { id: ids[1] }], {}, true);
		expect(result.status).toBe('success');
		expect(outcomes(result.items, 'result')).toEqual([
			[0, 'voided'],
			[1, 'Fulfillment IDs must be positive integers; "abc" is not [item 1]'],
			[2, 'voided'],
		]);
		expect(requests(env)).toHaveLength(1);
	});

	it('does not resend a bulk void after a server error, and reports it for every item of the batch', async () => {
		const ids = seed(env, 2);
		env.sandbox.state.faults.add({ vendor: 'skuio', method: 'DELETE', status: 500 });
		const result = await bulkVoid(
			ids.map((id) => ({ id })),
			{},
			true,
		);
		const deletes = requests(env).filter((request) => request.method === 'DELETE');
		expect(deletes).toHaveLength(1);
		// Each shipment is read back: none was voided, so the error says so.
		expect(requests(env).filter((request) => request.method === 'GET')).toHaveLength(2);
		const description = [
			`Outcome: not applied. Reading fulfillments ${ids.join(', ')} in SKU.io back showed the change was not made; running again is safe.`,
			`Request ID: ${deletes[0].requestId}`,
		].join('\n');
		expect(result.items).toEqual(
			[0, 1].map((item) => ({
				json: {
					error:
						'SKU.io Bulk Void: SKU.io had a server error (HTTP 500): Server Error - the request may have been applied',
					description,
					httpCode: '500',
				},
				pairedItem: { item },
			})),
		);
	});
});
