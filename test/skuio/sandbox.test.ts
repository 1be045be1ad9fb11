import axios, { type AxiosInstance } from 'axios';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { TOKEN } from './helpers';

/** The SKU.io sandbox on its own, over HTTP: what it accepts and refuses is what the tests rely on. */
describe('SKU.io sandbox', () => {
	let sandbox: Sandbox;
	let http: AxiosInstance;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		http = axios.create({
			baseURL: sandbox.vendorUrl('skuio'),
			headers: { Authorization: `Bearer ${TOKEN}` },
			validateStatus: () => true,
		});
	});
	beforeEach(() => sandbox.state.reset());
	afterAll(async () => await sandbox.close());
	const seed = (count: number, options: Record<string, unknown> = {}) =>
		sandbox.state.vendors.skuio.seed({ count, ...options }).fulfillments.map((f) => f.id);
	const list = '/api/v2/sales-order-fulfillments';

	it('answers 401 Unauthenticated without a valid token', async () => {
		const response = await axios.get(`${sandbox.vendorUrl('skuio')}${list}`, {
			validateStatus: () => true,
		});
		expect(response.status).toBe(401);
		expect(response.data).toEqual({ message: 'Unauthenticated.' });
	});

	it('paginates like Laravel, caps per_page at 100 and leaves voided and archived fulfillments out', async () => {
		const ids = seed(105);
		seed(1, { archived: true });
		sandbox.state.vendors.skuio.store.void(ids[0], null, 'test');
		const response = await http.get(list, { params: { per_page: 500, page: 2 } });
		expect(response.data).toMatchObject({
			current_page: 2,
			per_page: 100,
			total: 104,
			last_page: 2,
			from: 101,
			to: 104,
		});
		expect(response.data.data.map((f: { id: number }) => f.id)).toEqual([
			ids[4],
			ids[3],
			ids[2],
			ids[1],
		]);
	});

	it('accepts filter_groups only in the bracketed form', async () => {
		seed(2);
		const json = await http.get(
			`${list}?filter_groups=${encodeURIComponent('{"conjunction":"and"}')}`,
		);
		expect(json.status).toBe(422);
		expect(json.data.errors).toHaveProperty('filter_groups');
		const dotted = await http.get(`${list}?filter_groups.conjunction=and`);
		expect(dotted.status).toBe(422);
		const bracketed = await http.get(
			`${list}?filter_groups[conjunction]=and&filter_groups[children][0][type]=condition&filter_groups[children][0][condition][column]=id&filter_groups[children][0][condition][operator]=%3D&filter_groups[children][0][condition][value]=1001`,
		);
		expect(bracketed.status).toBe(200);
		expect(bracketed.data.data.map((f: { id: number }) => f.id)).toEqual([1001]);
	});

	it('refuses unknown filters and sorts the way spatie/laravel-query-builder does', async () => {
		expect((await http.get(`${list}?filter[search]=x`)).data).toEqual({
			message:
				'Requested filter(s) `search` are not allowed. Allowed filter(s) are `status, fulfillment_type, archived`.',
		});
		expect((await http.get(`${list}?sort=-colour`)).status).toBe(400);
	});

	it('exports XLSX by default, with a file name', async () => {
		seed(1);
		const response = await http.get(`${list}/export`, { responseType: 'arraybuffer' });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		);
		expect(response.headers['content-disposition']).toMatch(
			/^attachment; filename="sales-order-fulfillments-.*\.xlsx"$/,
		);
		expect(Buffer.from(response.data).subarray(0, 2).toString()).toBe('PK');
		expect((await http.get(`${list}/export?scope=selected`)).status).toBe(422);
	});

	it('validates the bulk void body', async () => {
		const [id] = seed(1);
		const both = await http.delete('/api/sales-order-fulfillments', {
			data: { ids: [id], apply_to_all: true },
		});
		expect(both.status).toBe(422);
		const badId = await http.delete('/api/sales-order-fulfillments', { data: { ids: [id, 'x'] } });
		expect(badId.data.errors).toEqual({ 'ids.1': ['The ids.1 field must be an integer.'] });
		const badFilter = await http.delete('/api/sales-order-fulfillments', {
			data: { apply_to_all: true, filters: { colour: 'red' } },
		});
		expect(badFilter.status).toBe(422);
		expect(sandbox.state.vendors.skuio.store.get(id)?.voided_at).toBeNull();
	});

	it('serves the void route under /api/ only, not /api/v2/', async () => {
		const [id] = seed(1);
		expect((await http.delete(`/api/v2/sales-order-fulfillments/${id}`)).status).toBe(404);
		expect(
			(await http.delete(`/api/sales-order-fulfillments/${id}?check-deletable=2`)).status,
		).toBe(422);
	});
});
