import { skuIoBaseUrl } from '../../nodes/SkuIo/transport';
import { fulfillment, requests, run, seed, TOKEN, useSkuIo } from './helpers';

describe('SKU.io › credential', () => {
	const env = useSkuIo();
	const listAll = fulfillment('getAll', { returnAll: true });

	it('sends the Personal Access Token as a Bearer header', async () => {
		seed(env, 1);
		const result = await run(env, listAll);
		expect(result.status).toBe('success');
		expect(requests(env)[0].headers.authorization).toBe(`${`Bearer ${TOKEN}`.slice(0, 8)}…`);
		expect(requests(env)[0].headers.accept).toBe('application/json');
	});

	it('passes the credential test with the sandbox token, also with the URL given as the tenant', async () => {
		const url = env.sandbox.vendorUrl('skuio');
		expect(
			await env.harness.testCredential('skuIoApi', { accessToken: TOKEN, baseUrl: url }),
		).toMatchObject({ status: 'OK' });
		expect(
			await env.harness.testCredential('skuIoApi', { accessToken: TOKEN, tenant: `${url}/` }),
		).toMatchObject({ status: 'OK' });
		expect(requests(env).map((r) => r.query)).toEqual([{ per_page: '1' }, { per_page: '1' }]);
		const wrong = await env.harness.testCredential('skuIoApi', {
			accessToken: '2|not-a-real-token',
			baseUrl: url,
		});
		expect(wrong).toEqual({
			status: 'Error',
			message:
				'SKU.io refused the personal access token: check that it is complete and not revoked',
		});
	});

	it('explains a 401 without showing the token, and does not retry it itself', async () => {
		const wrongToken = '9|wrong-personal-access-token';
		const result = await env.harness.runNode({
			nodeType: 'skuIo',
			parameters: listAll,
			credentials: {
				skuIoApi: { accessToken: wrongToken, baseUrl: env.sandbox.vendorUrl('skuio') },
			},
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'SKU.io did not accept the credentials (HTTP 401): Unauthenticated.',
		);
		expect(result.error?.description).toContain('Check the Personal Access Token and the tenant');
		expect(JSON.stringify(result.run)).not.toContain(wrongToken);
		// One request: a bearer token cannot be refreshed, so nothing (n8n or the pack) sends it again.
		expect(requests(env)).toHaveLength(1);
	});

	it('builds the base URL from the tenant, a host or a full URL', () => {
		expect(skuIoBaseUrl({})).toBe('https://app.sku.io');
		expect(skuIoBaseUrl({ tenant: ' acme ' })).toBe('https://acme.sku.io');
		expect(skuIoBaseUrl({ tenant: 'acme.sku.io' })).toBe('https://acme.sku.io');
		expect(skuIoBaseUrl({ tenant: 'https://erp.example.com/' })).toBe('https://erp.example.com');
		expect(skuIoBaseUrl({ tenant: 'acme', baseUrl: 'http://127.0.0.1:4010/skuio/' })).toBe(
			'http://127.0.0.1:4010/skuio',
		);
	});
});
