import { seedSellfern, useSandbox } from './helpers';

const QUEUE = '/api/v2/fulfillment/queue';

describe('Sellfern sandbox: GET /api/v2/fulfillment/queue', () => {
	const env = useSandbox();
	const queue = (params: Record<string, string | number> = {}) =>
		env.sellfern.get(QUEUE, { params });
	const ids = (items: Array<{ order_id: number }>) => items.map((item) => item.order_id);

	it('lists New and In Production orders only, oldest first, with filters on status and supplier', async () => {
		const pending = seedSellfern(env, 2, { status: 'Pending Cost' });
		const fresh = seedSellfern(env, 3);
		const producing = seedSellfern(env, 2, { status: 'In Production', supplierId: 'sup_789' });
		const other = seedSellfern(env, 1, { status: 'In Production', supplierId: 'sup_100' });
		seedSellfern(env, 2, { status: 'Shipped' });

		const all = await queue();
		expect(all.status).toBe(200);
		expect(ids(all.data.data.items)).toEqual([...fresh, ...producing, ...other]);
		expect(all.data.data.total).toBe(6);
		expect(all.data.data.items[0]).toMatchObject({ status: 'New', supplier_id: null });
		expect(ids(all.data.data.items)).not.toContain(pending[0]);

		const inProduction = await env.sellfern.get(`${QUEUE}?status=In%20Production`);
		expect(ids(inProduction.data.data.items)).toEqual([...producing, ...other]);
		const bySupplier = await queue({ status: 'In Production', supplier_id: 'sup_789' });
		expect(ids(bySupplier.data.data.items)).toEqual(producing);
		expect(bySupplier.data.data.total).toBe(2);
	});

	it('orders by created_at, then order_id: a later-ready order enters among the older ones', async () => {
		const [early] = seedSellfern(env, 1, { status: 'Pending Cost' });
		const later = seedSellfern(env, 2);
		env.sandbox.state.vendors.sellfern.ready(early);
		const res = await queue();
		expect(ids(res.data.data.items)).toEqual([early, ...later]);
		const createdAt = res.data.data.items.map((item: { created_at: string }) => item.created_at);
		expect([...createdAt].sort()).toEqual(createdAt);
	});

	it('pages with page and page_size, and gives an empty page with the true total past the end', async () => {
		const seeded = seedSellfern(env, 45);
		const first = await queue();
		expect(first.data.data).toMatchObject({ total: 45, page: 1, page_size: 20 });
		expect(ids(first.data.data.items)).toEqual(seeded.slice(0, 20));
		const third = await queue({ page: 3, page_size: 20 });
		expect(ids(third.data.data.items)).toEqual(seeded.slice(40));
		const past = await queue({ page: 4 });
		expect(past.status).toBe(200);
		expect(past.data.data).toEqual({ items: [], total: 45, page: 4, page_size: 20 });
	});

	it('caps page_size at 100 and says so in the response', async () => {
		seedSellfern(env, 130);
		const res = await queue({ page_size: 500 });
		expect(res.status).toBe(200);
		expect(res.data.data.page_size).toBe(100);
		expect(res.data.data.items).toHaveLength(100);
		expect(res.data.data.total).toBe(130);
	});

	it.each([
		['status=Shipped', 'status'],
		['status=new', 'status'],
		['status=New&status=In%20Production', 'status'],
		['page=0', 'page'],
		['page=1.5', 'page'],
		['page_size=abc', 'page_size'],
		['supplier_id=', 'supplier_id'],
	])('rejects %s with 400 validation_error naming %s', async (query, field) => {
		const res = await env.sellfern.get(`${QUEUE}?${query}`);
		expect(res.status).toBe(400);
		expect(res.data.success).toBe(false);
		expect(res.data.error.code).toBe('validation_error');
		expect(res.data.error.details.field).toBe(field);
	});
});
