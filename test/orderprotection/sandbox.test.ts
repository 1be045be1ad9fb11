import axios, { type AxiosInstance } from 'axios';
import { startSandbox, type Sandbox } from '../../sandbox/server';

/** The OrderProtection sandbox itself, over HTTP, against orderprotection-create-fulfillment.txt. */
describe('sandbox › OrderProtection', () => {
	let sandbox: Sandbox;
	let http: AxiosInstance;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		http = axios.create({
			baseURL: sandbox.vendorUrl('orderprotection'),
			validateStatus: () => true,
		});
	});
	beforeEach(() => sandbox.state.reset());
	afterAll(async () => await sandbox.close());

	const client = {
		grant_type: 'client_credentials',
		client_id: 'op_app_sandbox',
		client_secret: 'op_secret_sandbox',
		store_id: 'store_sandbox',
	};
	const token = async () =>
		(await http.post('/v1/oauth/token', client)).data.access_token as string;
	const auth = (value: string) => ({ headers: { Authorization: `Bearer ${value}` } });
	const seed = () =>
		sandbox.state.vendors.orderprotection.seed({ orders: 1 }).orders[0].sourceOrderId;
	const body = (orderId: string, overrides: Record<string, unknown> = {}) => ({
		sourceItemIds: [{ sourceItemId: `${orderId}-1`, quantity: 1 }],
		fulfillmentStatus: 'FULFILLED',
		sourceFulfillmentId: 'fulfillment-123',
		...overrides,
	});

	it('hands out tokens for the client-credentials grant, as JSON or form, with Basic or body client auth', async () => {
		const json = await http.post('/v1/oauth/token', client);
		expect(json.status).toBe(200);
		expect(json.data).toEqual({
			access_token: expect.stringMatching(/^op_at_/),
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'read_orders write_orders',
		});
		const form = await http.post(
			'/v1/oauth/token',
			new URLSearchParams({
				grant_type: 'client_credentials',
				store_id: 'store_sandbox',
			}).toString(),
			{
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Authorization: `Basic ${Buffer.from('op_app_sandbox:op_secret_sandbox').toString('base64')}`,
				},
			},
		);
		expect(form.status).toBe(200);
	});

	it.each([
		[{ ...client, client_secret: 'x' }, 401, 'invalid_client'],
		[{ ...client, store_id: undefined }, 400, 'invalid_request'],
		[{ ...client, store_id: 'store_other' }, 400, 'unauthorized_client'],
		[{ ...client, grant_type: 'password' }, 400, 'unsupported_grant_type'],
	])('refuses a bad token request the OAuth way (%#)', async (request, status, error) => {
		const response = await http.post('/v1/oauth/token', request);
		expect(response.status).toBe(status);
		expect(response.data).toEqual({ error, error_description: expect.any(String) });
	});

	it('expires tokens after 3600 s of sandbox time', async () => {
		const orderId = seed();
		const value = await token();
		expect((await http.get(`/v1/orders/${orderId}/fulfillments`, auth(value))).status).toBe(200);
		sandbox.state.clock.advance(3600 * 1000);
		const expired = await http.get(`/v1/orders/${orderId}/fulfillments`, auth(value));
		expect(expired.status).toBe(401);
		expect(expired.data).toEqual({
			statusCode: 401,
			error: 'Unauthorized',
			message: 'Access token expired',
		});
	});

	it('creates (201 {status: ok}), updates and lists fulfillments', async () => {
		const orderId = seed();
		const value = await token();
		const created = await http.post(
			`/v1/orders/${orderId}/fulfillments`,
			body(orderId, { trackingNumber: ['A'], trackingUrl: ['https://t/A'] }),
			auth(value),
		);
		expect([created.status, created.data]).toEqual([201, { status: 'ok' }]);
		const updated = await http.put(
			`/v1/orders/${orderId}/fulfillments/fulfillment-123`,
			{ status: 'DELIVERED' },
			auth(value),
		);
		expect([updated.status, updated.data]).toEqual([200, { status: 'ok' }]);
		const list = await http.get(`/v1/orders/${orderId}/fulfillments`, auth(value));
		expect(list.data).toEqual([
			expect.objectContaining({
				sourceFulfillmentId: 'fulfillment-123',
				fulfillmentStatus: 'DELIVERED',
				trackingNumber: ['A'],
				trackingUrl: ['https://t/A'],
			}),
		]);
	});

	it.each([
		[
			'the example casing "Fulfilled"',
			{ fulfillmentStatus: 'Fulfilled' },
			'fulfillmentStatus must be one of the following values',
		],
		['no items', { sourceItemIds: [] }, 'sourceItemIds must be a non-empty array'],
		[
			'quantity 0',
			{ sourceItemIds: [{ sourceItemId: '5001-1', quantity: 0 }] },
			'quantity must be a positive integer',
		],
		[
			'an item of another order',
			{ sourceItemIds: [{ sourceItemId: '1478', quantity: 1 }] },
			"'1478' is not an item of order 5001",
		],
		[
			'tracking arrays of different length',
			{ trackingNumber: ['A', 'B'], trackingUrl: ['https://t/A'] },
			'one URL per tracking number',
		],
		[
			'a date that is not ISO 8601',
			{ createdAt: '20/03/2024' },
			'createdAt must be an ISO 8601 date-time',
		],
	])('rejects %s with a 400', async (_, overrides, message) => {
		const orderId = seed();
		const response = await http.post(
			`/v1/orders/${orderId}/fulfillments`,
			body(orderId, overrides),
			auth(await token()),
		);
		expect(response.status).toBe(400);
		expect(response.data.message).toContain(message);
	});

	it('keeps stores apart', async () => {
		const orderId = seed();
		const other = (await http.post('/v1/oauth/token', { ...client, store_id: 'store_second' })).data
			.access_token;
		expect((await http.get(`/v1/orders/${orderId}/fulfillments`, auth(other))).status).toBe(404);
	});
});
