import type { IDataObject } from 'n8n-workflow';
import { normalizeStatus } from '../../nodes/OrderProtection/status';
import {
	apiRequests,
	createParams,
	op,
	seedOrder,
	tokenRequests,
	useOrderProtection,
} from './helpers';
import { fulfillment } from '../support/params';

describe('OrderProtection › OAuth2 client credentials with store_id', () => {
	const env = useOrderProtection();
	/** Get Many of one order; with `credential`, the demo app's credential changed as it says. */
	const getMany = (sourceOrderId: string, input: IDataObject[] = [{}], credential?: IDataObject) =>
		env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: fulfillment('getAll', { sourceOrderId, returnAll: true }),
			input,
			credentials: credential && {
				orderProtectionOAuth2Api: {
					baseUrl: env.sandbox.vendorUrl('orderprotection'),
					clientId: 'op_app_sandbox',
					clientSecret: 'op_secret_sandbox',
					storeId: 'store_sandbox',
					...credential,
				},
			},
		});
	const storedToken = () =>
		(
			env.harness.credentialStore().orderProtectionOAuth2Api.oauthTokenData as
				| { access_token?: string }
				| undefined
		)?.access_token;

	it('fetches one token for many items, sending store_id, and stores it in the credential', async () => {
		const order = seedOrder(env);
		const result = await env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: createParams({ sourceFulfillmentId: '={{ "ful-" + $itemIndex }}' }),
			input: Array.from({ length: 10 }, () => ({ sourceOrderId: order.sourceOrderId })),
		});

		expect(result.status).toBe('success');
		expect(tokenRequests(env)).toHaveLength(1);
		const [token] = tokenRequests(env);
		// n8n's OAuth2 client sends the token request form-encoded, as RFC 6749 says.
		expect(token.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(token.body as string))).toEqual({
			grant_type: 'client_credentials',
			client_id: 'op_app_sandbox',
			client_secret: 'op_secret_sandbox',
			store_id: 'store_sandbox',
		});
		expect(storedToken()).toMatch(/^op_at_/);
		// Create lists the order's fulfillments before posting each one.
		expect(apiRequests(env)).toHaveLength(20);
		expect(apiRequests(env).every((request) => request.headers.authorization === 'Bearer o…')).toBe(
			true,
		);
	});

	it('reuses the stored token in later executions', async () => {
		const order = seedOrder(env);
		await getMany(order.sourceOrderId);
		await getMany(order.sourceOrderId);
		expect(tokenRequests(env)).toHaveLength(1);
	});

	it('after the 3600 s of a token, n8n fetches exactly one new token and repeats the request', async () => {
		const order = seedOrder(env);
		await getMany(order.sourceOrderId);
		const first = storedToken();
		env.sandbox.state.clock.advance(3601 * 1000);

		const result = await getMany(order.sourceOrderId, [{}, {}, {}]);
		expect(result.status).toBe('success');
		expect(tokenRequests(env)).toHaveLength(2);
		// The new token is asked for with the store ID too.
		expect(new URLSearchParams(tokenRequests(env)[1].body as string).get('store_id')).toBe(
			'store_sandbox',
		);
		expect(apiRequests(env).map((request) => request.status)).toEqual([200, 401, 200, 200, 200]);
		expect(storedToken()).not.toBe(first);
		expect(storedToken()).toMatch(/^op_at_/);
	});

	it('fetches a new token when OrderProtection revokes the current one', async () => {
		const order = seedOrder(env);
		await getMany(order.sourceOrderId);
		op(env).oauth.revokeAll();
		expect((await getMany(order.sourceOrderId)).status).toBe('success');
		expect(tokenRequests(env)).toHaveLength(2);
	});

	it('a wrong client secret: a readable error that never shows the secret', async () => {
		const wrongValue = 'op_secret_WRONG_123456';
		const result = await getMany('5001', [{}], { clientSecret: wrongValue });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Failed to acquire OAuth2 access token');
		expect(result.error?.message).toContain('Client authentication failed');
		expect(result.error?.message).toMatch(/^The request to OrderProtection failed: /);
		expect(apiRequests(env)).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(wrongValue);
	});

	it('never shows the access token, even when OrderProtection echoes it in an error', async () => {
		const order = seedOrder(env);
		await getMany(order.sourceOrderId);
		const token = storedToken() as string;
		env.sandbox.state.faults.add({
			vendor: 'orderprotection',
			path: '/v1/orders/',
			status: 400,
			body: { message: `Malformed request for token ${token}` },
		});

		const result = await getMany(order.sourceOrderId);
		expect(result.error?.message).toBe(
			'OrderProtection rejected the request as invalid (HTTP 400): Malformed request for token ***',
		);
		expect(JSON.stringify(result.run)).not.toContain(token);
	});

	it('a store the app is not installed on: the token endpoint says so', async () => {
		const result = await getMany('5001', [{}], { storeId: 'store_elsewhere' });
		expect(result.error?.message).toContain('Failed to acquire OAuth2 access token');
		expect(tokenRequests(env)[0].status).toBe(400);
	});

	it('passes the credential test (a client-credentials token request as documented, JSON)', async () => {
		const stored = env.harness.credentialStore().orderProtectionOAuth2Api;
		expect(await env.harness.testCredential('orderProtectionOAuth2Api', stored)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const jsonRequest = tokenRequests(env).find((request) =>
			(request.headers['content-type'] ?? '').includes('json'),
		);
		expect(jsonRequest?.body).toEqual({
			grant_type: 'client_credentials',
			client_id: 'op_app_sandbox',
			client_secret: 'op_secret_sandbox',
			store_id: 'store_sandbox',
		});
		expect(jsonRequest?.status).toBe(200);
	});
});

describe('OrderProtection › credential test with wrong data', () => {
	const env = useOrderProtection();
	const test = (data: Record<string, string>) =>
		env.harness.testCredential('orderProtectionOAuth2Api', {
			...env.harness.credentialStore().orderProtectionOAuth2Api,
			...data,
		});

	// A saved credential whose store is edited keeps its token: the test's own token request is then
	// what OrderProtection refuses, and the test says why. (A wrong secret is refused earlier, by the
	// token n8n fetches before any request; n8n words that error itself: see docs/orderprotection.md.)
	it('says what is wrong with the store, as the other four vendors do', async () => {
		await env.harness.runNode({
			nodeType: 'orderProtection',
			parameters: fulfillment('getAll', { sourceOrderId: '5001' }),
		});
		expect(await test({ storeId: 'store_elsewhere' })).toEqual({
			status: 'Error',
			message:
				'OrderProtection refused the token request: check the Store ID (your app must be installed on that store)',
		});
	});
});

describe('OrderProtection status casing', () => {
	it.each([
		['Fulfilled', 'FULFILLED'],
		['partially fulfilled', 'PARTIALLY_FULFILLED'],
		['Ready-For-Pickup', 'READY_FOR_PICKUP'],
		['onHold', 'ON_HOLD'],
		[' IN_TRANSIT ', 'IN_TRANSIT'],
	])('%s → %s', (given, expected) => {
		expect(normalizeStatus(given)).toBe(expected);
	});
});
