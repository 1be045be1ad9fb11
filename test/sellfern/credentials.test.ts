import { requests, seedOrders, TOKEN, useSellfern } from './helpers';
import { expectNotShown } from '../support/items';

describe('Sellfern › credential and auth errors', () => {
	const env = useSellfern();
	const credential = (apiToken: string) => ({
		apiToken,
		baseUrl: env.sandbox.vendorUrl('sellfern'),
	});

	it('sends the token as a Bearer header', async () => {
		seedOrders(env, 1);
		await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: { resource: 'fulfillmentQueue', operation: 'getAll', returnAll: true },
		});
		expect(requests(env)[0].headers.authorization).toBe(`Bearer ${TOKEN}`.slice(0, 8) + '…');
		expect(requests(env)[0].status).toBe(200);
	});

	it('passes the credential test with the sandbox token and fails with a wrong one', async () => {
		expect(await env.harness.testCredential('sellfernApi', credential(TOKEN))).toMatchObject({
			status: 'OK',
		});
		const wrong = await env.harness.testCredential(
			'sellfernApi',
			credential('sk_live_wrong_token_123'),
		);
		expect(wrong).toEqual({
			status: 'Error',
			message: 'Sellfern refused the API token: check that it is complete and not revoked',
		});
	});

	it('explains a 401 without ever showing the token', async () => {
		const wrongToken = ['sk', 'live', 'SUPERSECRET', '9f8e7d'].join('_');
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: { resource: 'fulfillmentQueue', operation: 'getAll', returnAll: true },
			credentials: { sellfernApi: credential(wrongToken) },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(
			'Sellfern did not accept the credentials (HTTP 401 unauthorized)',
		);
		expect(result.error?.description).toContain('Check the API token');
		expectNotShown(result, wrongToken);
		// One request: a bearer token cannot be refreshed, so nothing (n8n or the pack) sends it again.
		expect(requests(env)).toHaveLength(1);
	});

	it('names the missing scope on a 403', async () => {
		const [id] = seedOrders(env, 1);
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'fulfillment',
				operation: 'assignSupplier',
				orderIds: String(id),
				supplierId: 'sup_1',
			},
			credentials: { sellfernApi: credential('sk_test_readonly') },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/HTTP 403 missing_scope.*fulfillment:write/);
	});

	it('shows the words of an HTML error page from a proxy, not its markup', async () => {
		const page =
			'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';
		env.sandbox.state.faults.add({
			vendor: 'sellfern',
			path: '/fulfillment/queue',
			status: 502,
			body: page,
			headers: { 'Content-Type': 'text/html' },
		});
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'fulfillmentQueue',
				operation: 'getAll',
				returnAll: true,
				options: { maxRetries: 0 },
			},
		});
		expect(result.error?.message).toBe(
			'Sellfern Get Many: Sellfern had a server error (HTTP 502): 502 Bad Gateway 502 Bad Gateway nginx',
		);
	});

	it('retries a dropped connection on a read', async () => {
		seedOrders(env, 2);
		env.sandbox.state.faults.add({ vendor: 'sellfern', path: '/fulfillment/queue', drop: true });
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: { resource: 'fulfillmentQueue', operation: 'getAll', returnAll: true },
		});
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(2);
		expect(requests(env).map((r) => r.status)).toEqual([null, 200]);
	});
});
