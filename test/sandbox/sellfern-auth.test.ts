import { FULL_TOKEN, READONLY_TOKEN, useSandbox } from './helpers';

const QUEUE = '/api/v2/fulfillment/queue';

describe('Sellfern sandbox: authentication and envelopes', () => {
	const env = useSandbox();
	const get = (headers: Record<string, string>) => env.http.get(`/sellfern${QUEUE}`, { headers });

	it('answers 401 unauthorized without a token', async () => {
		const res = await get({});
		expect(res.status).toBe(401);
		expect(res.data).toMatchObject({ success: false, error: { code: 'unauthorized' } });
		expect(res.data.meta.request_id).toBe(res.headers['x-request-id']);
	});

	it('echoes an unknown token in full in the 401 message', async () => {
		const sent = 'sk_live_0123456789abcdefSECRET';
		const res = await get({ Authorization: `Bearer ${sent}` });
		expect(res.status).toBe(401);
		expect(res.data.error.code).toBe('unauthorized');
		expect(res.data.error.message).toBe(`Invalid API token "${sent}"`);
	});

	it.each(['Bearer constructor', 'Basic c2s6dGVzdA==', 'Bearer'])(
		'answers 401 for Authorization: %s',
		async (header) => {
			const res = await get({ Authorization: header });
			expect(res.status).toBe(401);
			expect(res.data.error.code).toBe('unauthorized');
		},
	);

	it('answers 403 missing_scope naming the scope for a read-only token', async () => {
		const res = await env.http.post(
			'/sellfern/api/v2/fulfillment/assign',
			{ order_ids: [1001], supplier_id: 'sup_1' },
			{ headers: { Authorization: `Bearer ${READONLY_TOKEN}` } },
		);
		expect(res.status).toBe(403);
		expect(res.data.error).toMatchObject({
			code: 'missing_scope',
			details: { required_scope: 'fulfillment:write' },
		});
		expect(res.data.error.message).toContain('fulfillment:write');
	});

	it('lets the read-only token read the queue', async () => {
		const res = await get({ Authorization: `Bearer ${READONLY_TOKEN}` });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			success: true,
			data: { items: [], total: 0, page: 1, page_size: 20 },
			meta: { request_id: res.headers['x-request-id'] },
		});
	});

	it('answers 404 not_found in the envelope for an unknown route, 405 with Allow for a wrong method', async () => {
		const headers = { Authorization: `Bearer ${FULL_TOKEN}` };
		const missing = await env.http.get('/sellfern/api/v2/nothing', { headers });
		expect(missing.status).toBe(404);
		expect(missing.data).toMatchObject({ success: false, error: { code: 'not_found' } });
		const wrongMethod = await env.http.delete(`/sellfern${QUEUE}`, { headers });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.allow).toBe('GET');
		expect(wrongMethod.data.error.code).toBe('method_not_allowed');
	});

	it('answers 400 validation_error for a malformed JSON body', async () => {
		const res = await env.sellfern.post('/api/v2/fulfillment/assign', '{"order_ids": [1001,', {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: (data: string) => data,
		});
		expect(res.status).toBe(400);
		expect(res.data.error.code).toBe('validation_error');
		expect(res.data.error.message).toMatch(/Malformed JSON/);
		expect(res.data.error.details).toEqual({ field: 'body' });
	});

	it('puts a distinct X-Request-Id on every response', async () => {
		const [a, b] = await Promise.all([get({}), env.http.get('/_control/faults')]);
		expect(a.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
		expect(b.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
		expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
	});
});
