import type { IDataObject } from 'n8n-workflow';
import { fulfillment } from '../support/params';
import { history, idsOf, jsonOf, requests, run, seed, store, useSkuIo } from './helpers';

describe('SKU.io › Fulfillment › Get and Get Line Items', () => {
	const env = useSkuIo();

	it("gets each input item's fulfillment, simplified to its own fields by default", async () => {
		const ids = seed(env, 2);
		const result = await run(env, fulfillment('get', { fulfillmentId: '={{ $json.id }}' }), [
			{ id: ids[1] },
			{ id: ids[0] },
		]);
		expect(result.status).toBe('success');
		expect(idsOf(result.items)).toEqual([ids[1], ids[0]]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json).toMatchObject({
			fulfillment_number: store(env).get(ids[1])?.fulfillment_number,
			voided_at: null,
		});
		const { fulfillment: summary, ...own } = result.items[0].json;
		expect(summary).toMatchObject({ vendor: 'skuIo', fulfillmentId: String(ids[1]) });
		expect(Object.values(own).every((value) => value === null || typeof value !== 'object')).toBe(
			true,
		);
		expect(requests(env).map((r) => r.path)).toEqual([
			`/skuio/api/v2/sales-order-fulfillments/${ids[1]}/detail`,
			`/skuio/api/v2/sales-order-fulfillments/${ids[0]}/detail`,
		]);
	});

	it('returns the full detail with lines, sales order, warehouse and provider orders when not simplified', async () => {
		const [id] = seed(env, 1, { lines: 3, fulfillmentType: 'shiphero' });
		const result = await run(
			env,
			fulfillment('get', { fulfillmentId: String(id), simplify: false }),
		);
		const detail = result.items[0].json;
		expect(detail.lines).toHaveLength(3);
		expect(detail).toMatchObject({
			id,
			sales_order: { sales_order_number: store(env).get(id)?.sales_order_number },
			warehouse: { id: store(env).get(id)?.warehouse_id },
			shipping_provider_orders: [{ provider: 'shiphero', status: 'open' }],
		});
	});

	it('names the item and the field for a bad ID, and sends nothing', async () => {
		const result = await run(env, fulfillment('get', { fulfillmentId: '../1001' }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Fulfillment ID must be a positive integer (got "../1001") [item 0]',
		);
		expect(requests(env)).toHaveLength(0);
	});

	it('explains a 404', async () => {
		const result = await run(env, fulfillment('get', { fulfillmentId: '4242' }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'SKU.io could not find the resource (HTTP 404): No query results for model [App\\Models\\SalesOrderFulfillment] 4242',
		);
		expect(result.error?.description).toContain('check the ID and the tenant');
	});

	it('outputs one item per line item', async () => {
		const [id] = seed(env, 1, { lines: 4 });
		const result = await run(env, fulfillment('getLineItems', { fulfillmentId: String(id) }));
		expect(jsonOf(result.items)).toEqual(
			store(env)
				.get(id)!
				.lines.map((line) => ({
					id: line.id,
					quantity: line.quantity,
					unit_cost: line.unit_cost,
					sku: line.sku,
					product_name: line.product_name,
					product_id: line.product_id,
				})),
		);
	});
});

describe('SKU.io › Fulfillment History', () => {
	const env = useSkuIo();
	/** All of a fulfillment's history of one kind, with `filters` when given. */
	const allHistory = (operation: string, id: number, filters?: IDataObject) =>
		run(
			env,
			history(operation, {
				fulfillmentId: String(id),
				returnAll: true,
				...(filters && { filters }),
			}),
		);

	it('gets the activity log of a fulfillment and its lines, newest first, across pages', async () => {
		const [id] = seed(env, 1, { lines: 2 });
		for (let i = 0; i < 120; i++) store(env).updateShippingDetails(id, { cost: i }, 'test');
		const all = await allHistory('getActivityLog', id);
		expect(all.items).toHaveLength(123);
		expect(all.items.map((item) => item.json.subject_type)).toContain('SalesOrderFulfillmentLine');
		expect(all.items[0].json).toMatchObject({
			event: 'shipping_details_updated',
			properties: { attributes: { cost: 119 } },
		});
		expect(requests(env).map((r) => r.query.page)).toEqual(['1', '2']);

		const limited = await run(
			env,
			history('getActivityLog', { fulfillmentId: String(id), limit: 3 }),
		);
		expect(limited.items).toHaveLength(3);
		expect(requests(env).at(-1)?.query).toEqual({ page: '1', per_page: '3' });
	});

	it('searches the activity log with filter[search]', async () => {
		const [id] = seed(env, 1);
		store(env).updateShippingDetails(id, { tracking_number: 'TRK-XYZ' }, 'test');
		const result = await allHistory('getActivityLog', id, { search: 'trk-xyz' });
		expect(jsonOf(result.items)).toEqual([
			expect.objectContaining({ event: 'shipping_details_updated' }),
		]);
		expect(requests(env)[0].query).toMatchObject({ 'filter[search]': 'trk-xyz' });
	});

	it('gets inventory movements filtered by type, inventory status, warehouse and search', async () => {
		const [id] = seed(env, 1, { lines: 3, warehouseId: 2 });
		const all = await allHistory('getInventoryMovements', id);
		expect(all.items).toHaveLength(6);

		const sales = await allHistory('getInventoryMovements', id, {
			type: 'sale',
			inventoryStatus: 'active',
			warehouseId: '2',
			search: 'gizmo',
		});
		expect(requests(env).at(-1)?.query).toEqual({
			'filter[type]': 'sale',
			'filter[inventory_status]': 'active',
			'filter[warehouse_id]': '2',
			'filter[search]': 'gizmo',
			page: '1',
			per_page: '100',
		});
		expect(
			store(env)
				.get(id)
				?.lines.map((line) => line.sku),
		).toContain('GIZMO-004');
		expect(jsonOf(sales.items)).toEqual([
			expect.objectContaining({
				sku: 'GIZMO-004',
				type: 'sale',
				inventory_status: 'active',
				warehouse_id: 2,
			}),
		]);
	});

	it('refuses a warehouse ID that is not a number before sending', async () => {
		const [id] = seed(env, 1);
		const result = await allHistory('getInventoryMovements', id, { warehouseId: 'main' });
		expect(result.error?.message).toBe(
			'Warehouse ID must be a positive integer (got "main") [item 0]',
		);
		expect(requests(env)).toHaveLength(0);
	});
});
