import axios, { type AxiosInstance } from 'axios';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
	DEMO_EMAIL,
	DEMO_SIGN_IN,
	MAIN_ORGANIZATION_ID,
	MULTI_ORG_EMAIL,
	SECOND_ORGANIZATION_ID,
} from '../../sandbox/vendors/s2/catalog';
import { EXAMPLE_ORDER_ID } from '../../sandbox/vendors/s2/seed';
import { PRODUCT_A } from './helpers';

/** The S2 sandbox itself, over HTTP, against s2-fulfillment-order-api.txt. */
describe('sandbox › S2', () => {
	let sandbox: Sandbox;
	let http: AxiosInstance;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		http = axios.create({ baseURL: sandbox.vendorUrl('s2'), validateStatus: () => true });
	});
	beforeEach(() => sandbox.state.reset());
	afterAll(async () => await sandbox.close());

	const login = async (email = DEMO_EMAIL) =>
		(await http.post('/login', { email, password: DEMO_SIGN_IN })).data.accessToken as string;
	const auth = (token: string, organization?: string) => ({
		headers: {
			Authorization: `Bearer ${token}`,
			...(organization ? { 'X-S2-Organization': organization } : {}),
		},
	});
	const address = {
		name: 'A',
		company: '',
		address1: 'B',
		address2: '',
		city: 'C',
		state: '',
		postalCode: '',
		countryId: 'US',
		phone: '',
		email: '',
	};
	const body = (overrides: Record<string, unknown> = {}) => ({
		address,
		shippingMethod: 'standard',
		items: [{ productId: PRODUCT_A, quantity: 1 }],
		shipments: [{ items: [{ productId: PRODUCT_A, quantity: 1 }], prepaidLabels: [] }],
		attachments: [],
		...overrides,
	});

	it('logs in: {type: SUCCESS, accessToken, user.organizations}; refuses a wrong password', async () => {
		const ok = await http.post('/login', { email: MULTI_ORG_EMAIL, password: DEMO_SIGN_IN });
		expect(ok.status).toBe(200);
		expect(ok.data).toMatchObject({
			type: 'SUCCESS',
			accessToken: expect.any(String),
			user: { email: MULTI_ORG_EMAIL },
		});
		expect(ok.data.user.organizations.map((org: { id: string }) => org.id)).toEqual([
			MAIN_ORGANIZATION_ID,
			SECOND_ORGANIZATION_ID,
		]);
		const wrong = await http.post('/login', { email: DEMO_EMAIL, password: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.data.message).toMatch(/^Invalid email or password \(reference ID: req_/);
	});

	it('expires tokens after 7 days of sandbox time, or the configured lifetime', async () => {
		const token = await login();
		const order = sandbox.state.vendors.s2.seed({ orders: 1 }).orders[0];
		expect((await http.get(`/order/${order.id}`, auth(token))).status).toBe(200);
		sandbox.state.clock.advance(7 * 24 * 3600 * 1000);
		expect((await http.get(`/order/${order.id}`, auth(token))).data.message).toMatch(
			/^Access token expired/,
		);

		const control = await axios.put(`${sandbox.url}/_control/s2/settings`, {
			tokenLifetimeSeconds: 5,
		});
		expect(control.data).toEqual({ tokenLifetimeSeconds: 5, autoShip: false });
		const short = await login();
		sandbox.state.clock.advance(5000);
		expect((await http.get(`/order/${order.id}`, auth(short))).status).toBe(401);
	});

	it('applies the organization header rules', async () => {
		const single = await login();
		const multi = await login(MULTI_ORG_EMAIL);
		expect((await http.post('/fulfillment', body(), auth(single))).status).toBe(200);
		expect(
			(await http.post('/fulfillment', body(), auth(single, SECOND_ORGANIZATION_ID))).status,
		).toBe(403);
		const missing = await http.post('/fulfillment', body(), auth(multi));
		expect(missing.status).toBe(400);
		expect(missing.data.message).toContain('X-S2-Organization header is required');
		expect(
			(await http.post('/fulfillment', body(), auth(multi, MAIN_ORGANIZATION_ID))).status,
		).toBe(200);
		// Products belong to an organization.
		expect(
			(await http.post('/fulfillment', body(), auth(multi, SECOND_ORGANIZATION_ID))).data.message,
		).toContain(`Product '${PRODUCT_A}' not found`);
	});

	it.each([
		[
			'a missing address key',
			{ address: { ...address, phone: undefined } },
			'address.phone is required (pass an empty string if there is no value)',
		],
		[
			'a bad country code',
			{ address: { ...address, countryId: 'usa' } },
			'address.countryId must be an ISO 3166-1 alpha-2',
		],
		['no shippingMethod', { shippingMethod: undefined }, 'shippingMethod is required'],
		[
			'no attachments array',
			{ attachments: undefined },
			'attachments is required and must be an array (pass [] if there is no value)',
		],
		[
			'quantity 0',
			{ items: [{ productId: PRODUCT_A, quantity: 0 }] },
			'items[0].quantity must be a positive integer',
		],
		[
			'an unknown product',
			{ items: [{ productId: 'nope', quantity: 1 }] },
			"Product 'nope' not found",
		],
		[
			'prepaidLabels as a string',
			{ shipments: [{ items: [{ productId: PRODUCT_A, quantity: 1 }], prepaidLabels: '' }] },
			'prepaidLabels is required and must be an array',
		],
		['orderType 3', { orderType: 3 }, 'orderType must be an integer from 0 to 2'],
	])('rejects %s with a 400', async (_, overrides, message) => {
		const response = await http.post('/fulfillment', body(overrides), auth(await login()));
		expect(response.status).toBe(400);
		expect(response.data.message).toContain(message);
	});

	it('answers a duplicate channelFulfillmentId with the documented 409 payload', async () => {
		const token = await login();
		expect(
			(await http.post('/fulfillment', body({ channelFulfillmentId: 'ch-1' }), auth(token))).status,
		).toBe(200);
		const again = await http.post(
			'/fulfillment',
			body({ channelFulfillmentId: 'ch-1' }),
			auth(token),
		);
		expect(again.status).toBe(409);
		expect(again.data).toEqual({
			code: 'ALREADY_EXISTS',
			message: "Fulfillment with channelFulfillmentId 'ch-1' already exists for this organization",
		});
	});

	it('lists fulfillments in the order detail and ships them on request (or at once with autoShip)', async () => {
		const token = await login();
		sandbox.state.vendors.s2.seed({ orders: 1, orderId: EXAMPLE_ORDER_ID });
		const created = (
			await http.post('/fulfillment', body({ orderId: EXAMPLE_ORDER_ID }), auth(token))
		).data;
		expect(created).toMatchObject({
			status: 'CREATED',
			orderId: EXAMPLE_ORDER_ID,
			shipments: [{ trackingNumber: '' }],
		});
		await axios.post(`${sandbox.url}/_control/s2/fulfillments/${created.id}/ship`, {
			trackingNumber: 'TRACK-1',
		});
		const detail = (await http.get(`/order/${EXAMPLE_ORDER_ID}`, auth(token))).data;
		expect(detail.fulfillments).toMatchObject([
			{ id: created.id, status: 'SHIPPED', shipments: [{ trackingNumber: 'TRACK-1' }] },
		]);
		expect((await http.get(`/fulfillment/${created.id}`, auth(token))).data.status).toBe('SHIPPED');

		await axios.put(`${sandbox.url}/_control/s2/settings`, { autoShip: true });
		const auto = (await http.post('/fulfillment', body({ orderId: EXAMPLE_ORDER_ID }), auth(token)))
			.data;
		expect(auto.status).toBe('CREATED');
		expect(
			(await http.get(`/fulfillment/${auto.id}`, auth(token))).data.shipments[0].trackingNumber,
		).toMatch(/^1Z/);
	});
});
