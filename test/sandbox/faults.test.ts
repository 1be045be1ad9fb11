import { seedSellfern, useSandbox } from './helpers';

const ASSIGN = '/api/v2/fulfillment/assign';
const QUEUE = '/api/v2/fulfillment/queue';

describe('sandbox faults', () => {
	const env = useSandbox();
	const addFault = async (fault: Record<string, unknown>) => {
		const res = await env.http.post('/_control/faults', fault);
		expect(res.status).toBe(201);
		return res.data.fault as { id: string };
	};

	it('answers with the status and headers, in the vendor envelope, without reaching the vendor', async () => {
		const [a] = seedSellfern(env, 1);
		const fault = await addFault({
			vendor: 'sellfern',
			path: '/fulfillment/assign',
			status: 429,
			headers: { 'Retry-After': '1' },
		});
		const faulted = await env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' });
		expect(faulted.status).toBe(429);
		expect(faulted.headers['retry-after']).toBe('1');
		expect(faulted.data).toMatchObject({ success: false, error: { code: 'rate_limited' } });
		expect(faulted.data.meta.request_id).toBe(faulted.headers['x-request-id']);
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('New');
		expect(
			env.sandbox.state.ledger
				.changes({ vendor: 'sellfern' })
				.filter((c) => c.to === 'In Production'),
		).toEqual([]);

		const [record] = env.sandbox.state.ledger.requests({ vendor: 'sellfern' }).slice(-1);
		expect(record).toMatchObject({
			method: 'POST',
			status: 429,
			fault: { id: fault.id, status: 429 },
		});
		expect(record.body).toEqual({ order_ids: [a], supplier_id: 'sup_1' });

		const next = await env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' });
		expect(next.status).toBe(200);
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('In Production');
	});

	it('fails `count` matching requests after letting `after` pass, and only those that match', async () => {
		await addFault({
			vendor: 'sellfern',
			method: 'GET',
			path: '/^\\/sellfern\\/api\\/v2\\/fulfillment\\/queue$/',
			status: 503,
			count: 2,
			after: 1,
		});
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await env.sellfern.get(QUEUE)).status);
		expect(statuses).toEqual([200, 503, 503, 200]);
		const other = await env.sellfern.post(ASSIGN, { order_ids: [1], supplier_id: 's' });
		expect(other.status).toBe(200);
		const [listed] = (await env.http.get('/_control/faults')).data.faults;
		expect(listed).toMatchObject({ passed: 1, hits: 2, count: 2 });
	});

	it('sends a given body as is, JSON or text', async () => {
		await addFault({ path: QUEUE, status: 502, body: '<html>Bad gateway</html>' });
		await addFault({ path: QUEUE, status: 400, body: { custom: true } });
		const html = await env.sellfern.get(QUEUE);
		expect(html.status).toBe(502);
		expect(html.headers['content-type']).toMatch(/^text\/plain/);
		expect(html.data).toBe('<html>Bad gateway</html>');
		const custom = await env.sellfern.get(QUEUE);
		expect(custom.data).toEqual({ custom: true });
	});

	it('delays by latencyMs, then lets the request through', async () => {
		const [a] = seedSellfern(env, 1);
		env.sandbox.state.faults.add({ vendor: 'sellfern', path: ASSIGN, latencyMs: 300 });
		const started = Date.now();
		const res = await env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		expect(res.status).toBe(200);
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('In Production');
		await env.sellfern.get(QUEUE);
		// The fault delayed one request only (a lower bound above; no upper bound on a loaded machine).
		expect(
			env.sandbox.state.ledger.requests({ vendor: 'sellfern' }).map((r) => r.fault?.latencyMs),
		).toEqual([300, undefined]);
	});

	it('drops the connection: the client sees a socket error, the ledger the request, the state no change', async () => {
		const [a] = seedSellfern(env, 1);
		env.sandbox.state.faults.add({ vendor: 'sellfern', path: ASSIGN, drop: true });
		await expect(
			env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' }),
		).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('New');
		const [record] = env.sandbox.state.ledger.requests({ vendor: 'sellfern' }).slice(-1);
		expect(record).toMatchObject({ status: null, fault: { drop: true } });
	});

	it('truncates: the vendor acts, the client gets its answer cut off half-way', async () => {
		const [a] = seedSellfern(env, 1);
		await addFault({ vendor: 'sellfern', path: '/fulfillment/assign', truncate: true });
		const res = await env.sellfern.post(
			ASSIGN,
			{ order_ids: [a], supplier_id: 'sup_1' },
			{ responseType: 'text' },
		);
		expect(res.status).toBe(200);
		expect(() => JSON.parse(res.data as string)).toThrow();
		expect(res.data as string).toMatch(/^\{"success":true/);
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('In Production');
		const [record] = env.sandbox.state.ledger.requests({ vendor: 'sellfern' }).slice(-1);
		expect(record).toMatchObject({ status: 200, fault: { truncate: true } });
	});

	it("answers with a proxy's HTML page: 502 unless told, after the vendor acted when told", async () => {
		const [a] = seedSellfern(env, 1);
		await addFault({ vendor: 'sellfern', path: '/fulfillment/queue', html: true });
		const page = await env.sellfern.get(QUEUE);
		expect(page.status).toBe(502);
		expect(page.headers['content-type']).toBe('text/html');
		expect(page.data).toContain('<title>502 Bad Gateway</title>');

		await addFault({
			vendor: 'sellfern',
			path: '/fulfillment/assign',
			html: true,
			status: 200,
			afterHandling: true,
		});
		const acted = await env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' });
		expect(acted.status).toBe(200);
		expect(acted.data).toContain('<h1>200 OK</h1>');
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('In Production');
	});

	it('hangs: no answer until the client gives up; with afterHandling the vendor acted first', async () => {
		const [a, b] = seedSellfern(env, 2);
		await addFault({ vendor: 'sellfern', path: '/fulfillment/assign', hang: true });
		await expect(
			env.sellfern.post(ASSIGN, { order_ids: [a], supplier_id: 'sup_1' }, { timeout: 200 }),
		).rejects.toMatchObject({
			code: 'ECONNABORTED',
		});
		expect(env.sandbox.state.vendors.sellfern.orders.get(a)?.status).toBe('New');

		await addFault({
			vendor: 'sellfern',
			path: '/fulfillment/assign',
			hang: true,
			afterHandling: true,
		});
		await expect(
			env.sellfern.post(ASSIGN, { order_ids: [b], supplier_id: 'sup_1' }, { timeout: 200 }),
		).rejects.toMatchObject({
			code: 'ECONNABORTED',
		});
		expect(env.sandbox.state.vendors.sellfern.orders.get(b)?.status).toBe('In Production');
		expect(env.sandbox.state.ledger.requests({ vendor: 'sellfern' }).map((r) => r.status)).toEqual([
			null,
			null,
		]);
	});

	it('refuses fault fields of the wrong type', async () => {
		for (const field of ['truncate', 'html', 'hang']) {
			const res = await env.http.post('/_control/faults', { [field]: 'yes' });
			expect(res.status).toBe(400);
			expect(res.data.error.message).toBe(`Invalid fault: ${field} must be a boolean`);
		}
	});

	it('never stores an idempotent result for a faulted request', async () => {
		const [a] = seedSellfern(env, 1);
		env.sandbox.state.faults.add({ vendor: 'sellfern', path: ASSIGN, status: 500 });
		const headers = { 'Idempotency-Key': 'retry-me' };
		const body = { order_ids: [a], supplier_id: 'sup_1' };
		expect((await env.sellfern.post(ASSIGN, body, { headers })).status).toBe(500);
		const retry = await env.sellfern.post(ASSIGN, body, { headers });
		expect(retry.status).toBe(200);
		expect(retry.headers['idempotent-replayed']).toBeUndefined();
		expect(retry.data.data.counts.ok).toBe(1);
	});

	it('applies only to the named vendor, and is cleared by DELETE /_control/faults', async () => {
		await addFault({ vendor: 'shipperone', status: 500 });
		expect((await env.sellfern.get(QUEUE)).status).toBe(200);
		await addFault({ status: 500, count: 5 });
		expect((await env.sellfern.get(QUEUE)).status).toBe(500);
		expect((await env.http.delete('/_control/faults')).status).toBe(200);
		expect((await env.sellfern.get(QUEUE)).status).toBe(200);
		expect(env.sandbox.state.faults.list()).toEqual([]);
	});

	it('rejects an invalid fault with 400', async () => {
		const res = await env.http.post('/_control/faults', { status: 'soon', sometimes: true });
		expect(res.status).toBe(400);
		expect(res.data.error.message).toMatch(/sometimes/);
		expect(() => env.sandbox.state.faults.add({ path: '/(unclosed/' })).toThrow(/regex/);
	});
});
