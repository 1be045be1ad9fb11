import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { requests, seedOrders, useSellfern } from './helpers';
import { operations } from '../../nodes/Sellfern/actions';

describe('Sellfern › Fulfillment Queue › Get Many', () => {
	const env = useSellfern();
	const getMany = (parameters: INodeParameters, input?: IDataObject[]) =>
		env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'fulfillmentQueue',
				operation: 'getAll',
				status: 'any',
				...parameters,
			},
			input,
		});

	it('returns one item per order, limited', async () => {
		const ids = seedOrders(env, 30);
		const result = await getMany({ returnAll: false, limit: 7 });
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.json.order_id)).toEqual(ids.slice(0, 7));
		expect(result.items[0].json).toMatchObject({ status: 'New', supplier_id: null });
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expect(requests(env, '/fulfillment/queue')).toHaveLength(1);
		expect(requests(env, '/fulfillment/queue')[0].query).toMatchObject({
			page: '1',
			page_size: '7',
		});
	});

	it('outputs exactly the fields its tool description names (no line items)', async () => {
		seedOrders(env, 2);
		const result = await getMany({ returnAll: true, options: { addSummary: false } });
		const told = operations.find((op) => op.value === 'getAll')?.toolDescription ?? '';
		const named = ['order_id', 'status', 'supplier_id', 'created_at'];
		for (const field of named) expect(told).toContain(field);
		for (const item of result.items) {
			expect(Object.keys(item.json)).toEqual(expect.arrayContaining(named));
			expect(item.json.items).toBeUndefined();
		}
		expect(told).not.toMatch(/supplier_id and items/);
	});

	it('returns all orders across pages of the largest size', async () => {
		seedOrders(env, 250);
		const result = await getMany({ returnAll: true });
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((item) => item.json.order_id)).size).toBe(250);
		const pages = requests(env, '/fulfillment/queue').map((r) => [r.query.page, r.query.page_size]);
		expect(pages).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	it('filters by status and supplier, encoding "In Production"', async () => {
		seedOrders(env, 5);
		seedOrders(env, 3, { status: 'In Production', supplierId: 'sup_1' });
		seedOrders(env, 2, { status: 'In Production', supplierId: 'sup_2' });
		const inProduction = await getMany({
			status: 'In Production',
			returnAll: true,
			filters: { supplierId: 'sup_2' },
		});
		expect(inProduction.items).toHaveLength(2);
		expect(inProduction.items.every((item) => item.json.supplier_id === 'sup_2')).toBe(true);
		const last = requests(env, '/fulfillment/queue').pop()!;
		expect(last.query).toMatchObject({ status: 'In Production', supplier_id: 'sup_2' });
		const fresh = await getMany({ status: 'New', returnAll: true });
		expect(fresh.items).toHaveLength(5);
	});

	it('names Return All when an expression gives it something other than true or false, and sends nothing', async () => {
		const result = await getMany({ returnAll: '={{ "yes" }}' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Return All must be true or false (got "yes") [item 0]');
		expect(requests(env, '/fulfillment/queue')).toEqual([]);
	});

	it('runs once per input item, pairing each result to its item', async () => {
		seedOrders(env, 3);
		const result = await getMany({ returnAll: true }, [{}, {}]);
		expect(result.items).toHaveLength(6);
		expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			0, 0, 0, 1, 1, 1,
		]);
	});
});
