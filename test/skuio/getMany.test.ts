import type { IDataObject } from 'n8n-workflow';
import { fulfillment, idsOf, requests, run, seed, store, useSkuIo } from './helpers';

describe('SKU.io › Fulfillment › Get Many', () => {
	const env = useSkuIo();
	const getMany = (parameters: Record<string, unknown>, continueOnFail = false) =>
		run(env, fulfillment('getAll', { ...parameters }), undefined, continueOnFail);
	/** Get Many of all fulfillments matching one Filter Groups group of `condition`s. */
	const getAllWhere = (condition: IDataObject[], group: IDataObject = {}) =>
		getMany({ returnAll: true, filterGroups: { group: { ...group, conditions: { condition } } } });

	it('returns one item per fulfillment, newest first, limited', async () => {
		const ids = seed(env, 12);
		const result = await getMany({ returnAll: false, limit: 5 });
		expect(result.status).toBe('success');
		expect(idsOf(result.items)).toEqual(ids.slice(-5).reverse());
		expect(result.items[0].json).toMatchObject({
			status: 'submitted',
			fulfillment_type: 'shipstation',
			items_count: 2,
		});
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expect(requests(env)).toHaveLength(1);
		expect(requests(env)[0].query).toEqual({ page: '1', per_page: '5' });
	});

	it('returns all fulfillments across pages of 100', async () => {
		seed(env, 230);
		const result = await getMany({ returnAll: true });
		expect(result.items).toHaveLength(230);
		expect(new Set(idsOf(result.items)).size).toBe(230);
		expect(requests(env).map((r) => [r.query.page, r.query.per_page])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	it('sends status, fulfillment type, archived and sort as the documented query keys', async () => {
		const [wanted] = seed(env, 1, { fulfillmentType: 'shipfusion', archived: true });
		seed(env, 1, { fulfillmentType: 'shipfusion' });
		seed(env, 2, { fulfillmentType: 'fba' });
		seed(env, 1, { status: 'unsubmitted', fulfillmentType: 'shipfusion' });
		const result = await getMany({
			returnAll: true,
			filters: { status: 'submitted', fulfillmentType: 'shipfusion', includeArchived: true },
			options: { sortBy: 'created_at', sortDirection: 'asc' },
		});
		expect(requests(env)[0].query).toEqual({
			'filter[status]': 'submitted',
			'filter[fulfillment_type]': 'shipfusion',
			'filter[archived]': '1',
			sort: 'created_at',
			page: '1',
			per_page: '100',
		});
		expect(idsOf(result.items)).toEqual([wanted, wanted + 1]);

		const withoutArchived = await getMany({
			returnAll: true,
			filters: { fulfillmentType: 'shipfusion', status: 'submitted' },
		});
		expect(idsOf(withoutArchived.items)).toEqual([wanted + 1]);
		expect(requests(env)[1].query).not.toHaveProperty('filter[archived]');
	});

	it('sends a sort only when Sort By or Sort Direction is added, their defaults included', async () => {
		seed(env, 3);
		await getMany({ returnAll: true, options: { sortBy: 'id' } });
		await getMany({ returnAll: true, options: { sortDirection: 'desc' } });
		await getMany({ returnAll: true, options: { addSummary: false } });
		await getMany({ returnAll: true, filters: { includeArchived: false } });
		expect(requests(env).map((r) => r.query)).toEqual([
			{ sort: '-id', page: '1', per_page: '100' },
			{ sort: '-id', page: '1', per_page: '100' },
			{ page: '1', per_page: '100' },
			{ page: '1', per_page: '100' },
		]);
	});

	it('sends Filter Groups exactly in the documented filter_groups[...] bracket form', async () => {
		const ids = seed(env, 8);
		store(env).updateShippingDetails(ids[2], { tracking_number: 'ZX-REDO-1' }, 'test');
		store(env).updateShippingDetails(ids[5], { tracking_number: 'ZX-REDO-2' }, 'test');
		const result = await getMany({
			returnAll: true,
			filterGroups: {
				group: {
					conjunction: 'or',
					conditions: {
						condition: [
							{ column: 'tracking_number', operator: 'contains', value: 'redo' },
							{ column: 'id', operator: 'equals', value: ids[7] },
						],
					},
				},
			},
		});
		expect(result.status).toBe('success');
		expect(requests(env)[0].query).toEqual({
			'filter_groups[conjunction]': 'or',
			'filter_groups[children][0][type]': 'condition',
			'filter_groups[children][0][condition][column]': 'tracking_number',
			'filter_groups[children][0][condition][operator]': 'contains',
			'filter_groups[children][0][condition][value]': 'redo',
			'filter_groups[children][1][type]': 'condition',
			'filter_groups[children][1][condition][column]': 'id',
			'filter_groups[children][1][condition][operator]': 'equals',
			'filter_groups[children][1][condition][value]': String(ids[7]),
			page: '1',
			per_page: '100',
		});
		expect(idsOf(result.items)).toEqual([ids[7], ids[5], ids[2]]);
	});

	it('combines conditions with "and" by default', async () => {
		const ids = seed(env, 4, { fulfillmentType: 'shiphero' });
		const result = await getAllWhere([
			{ column: 'fulfillment_type', operator: 'contains', value: 'hero' },
			{ column: 'sku', operator: 'contains', value: 'gizmo' },
		]);
		const withGizmo = ids.filter((id) =>
			store(env)
				.get(id)
				?.lines.some((line) => line.sku === 'GIZMO-004'),
		);
		expect(withGizmo.length).toBeGreaterThan(0);
		expect(withGizmo.length).toBeLessThan(ids.length);
		expect(idsOf(result.items).sort()).toEqual(withGizmo.sort());
		expect(requests(env)[0].query['filter_groups[conjunction]']).toBe('and');
	});

	it('refuses a condition without a column before sending anything', async () => {
		seed(env, 1);
		const result = await getAllWhere([{ column: ' ', operator: 'contains', value: 'x' }], {
			conjunction: 'and',
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Filter Groups › Column is required (got " ") [item 0]');
		expect(requests(env)).toHaveLength(0);
	});

	it("shows SKU.io's 422 for an operator it does not know, with the field in the details", async () => {
		seed(env, 1);
		const result = await getAllWhere([{ column: 'status', operator: 'sounds_like', value: 'x' }]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/^SKU\.io could not process the request \(HTTP 422\): The operator "sounds_like" is not supported/,
		);
		expect(result.error?.description).toContain('filter_groups.children.0.condition.operator');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('outputs an error item under continueOnFail', async () => {
		const result = await getMany({ returnAll: false, limit: 0 }, true);
		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{
				json: { error: 'Limit must be a whole number of at least 1 (got 0) [item 0]' },
				pairedItem: { item: 0 },
			},
		]);
		expect(requests(env)).toHaveLength(0);
	});
});

describe('SKU.io › answers that are not a list', () => {
	const env = useSkuIo();

	it('fails clearly instead of returning nothing when a list answer has no data list', async () => {
		seed(env, 2);
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			path: '/sales-order-fulfillments',
			status: 200,
			body: { fulfillments: [{ id: 1 }] },
		});
		const list = await run(env, fulfillment('getAll', { returnAll: true }), undefined, true);
		expect(list.items).toEqual([
			{
				json: {
					error: 'SKU.io answered with something other than a list',
					description: 'Received: {"fulfillments":[{"id":1}]}',
				},
				pairedItem: { item: 0 },
			},
		]);

		const [id] = seed(env, 1);
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			path: '/line-items',
			status: 200,
			body: '<html>Maintenance</html>',
		});
		const lines = await run(
			env,
			fulfillment('getLineItems', { fulfillmentId: String(id), options: { maxRetries: 0 } }),
		);
		expect(lines.status).toBe('error');
		expect(lines.error?.message).toBe(
			'SKU.io Get Line Items: SKU.io answered HTTP 200 with a body that is not the JSON it documents',
		);
		expect(lines.error?.description).toBe(
			'Received: Maintenance\nNothing was output. Running again is safe.',
		);

		// A read whose answer could not be read is sent again (with retries on).
		env.sandbox.state.faults.add({
			vendor: 'skuio',
			path: '/line-items',
			status: 200,
			body: '{"data": [{"id": 1',
		});
		const retried = await run(env, fulfillment('getLineItems', { fulfillmentId: String(id) }));
		expect(retried.status).toBe('success');
		expect(
			requests(env, '/line-items').map((request) => request.fault?.status ?? request.status),
		).toEqual([200, 200, 200]);
	});
});
