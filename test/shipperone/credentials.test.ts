import { credential, requests, seed, TOKEN, useShipperOne } from './helpers';
import { listParams } from '../support/params';
import { expectNotShown } from '../support/items';

describe('ShipperOne › credential and auth errors', () => {
	const env = useShipperOne();
	const getMany = (values: Record<string, string> = {}) =>
		env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: listParams.shipperOne({ returnAll: true }),
			credentials: credential(env, values),
		});
	const test = (values: Record<string, string>) =>
		env.harness.testCredential('shipperOneApi', credential(env, values).shipperOneApi);

	it('sends the token as a Bearer header to {base}/rest/{store}/V1', async () => {
		seed(env, 1);
		const result = await getMany();
		expect(result.status).toBe('success');
		const [request] = requests(env);
		expect(request.path).toBe('/shipperone/rest/default/V1/fulfillmentOrders/pending_accept');
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`.slice(0, 8) + '…');
		expect(request.headers.accept).toBe('application/json');
	});

	it('accepts a base URL pasted with its /rest/<store>/V1 tail', async () => {
		const result = await getMany({
			baseUrl: `${env.sandbox.vendorUrl('shipperone')}/rest/default/V1/`,
		});
		expect(result.status).toBe('success');
		expect(requests(env)[0].path).toBe(
			'/shipperone/rest/default/V1/fulfillmentOrders/pending_accept',
		);
	});

	it('passes the credential test with the sandbox token and fails with a wrong token or store code', async () => {
		expect(await test({})).toMatchObject({ status: 'OK' });
		expect(requests(env).pop()?.path).toBe(
			'/shipperone/rest/default/V1/fulfillmentOrders/pending_accept',
		);
		expect(await test({ accessToken: 'so_wrong' })).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^ShipperOne refused the access token/),
		});
		expect(await test({ storeCode: 'eu_west' })).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/^ShipperOne refused the access token for this store code: .*Store Code issued with it$/,
			),
		});
		expect(
			await test({ baseUrl: `${env.sandbox.vendorUrl('shipperone')}/rest/default/V1` }),
		).toMatchObject({ status: 'OK' });
		expect(await test({ storeCode: ' default ' })).toMatchObject({ status: 'OK' });
	});

	it('explains a 401 without ever showing the token, even when ShipperOne echoes it', async () => {
		const wrongToken = ['so', 'live', 'SUPERSECRET', '9f8e7d'].join('_');
		const result = await getMany({ accessToken: wrongToken });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'ShipperOne did not accept the credentials (HTTP 401): The token "***" is not valid.',
		);
		expect(result.error?.description).toContain('Check the Access Token');
		expectNotShown(result, wrongToken);
	});

	it('shows the words of an HTML error page from a proxy, not its markup', async () => {
		const page =
			'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
		env.sandbox.state.faults.add({
			vendor: 'shipperone',
			path: '/pending_accept',
			status: 502,
			body: page,
		});
		const result = await env.harness.runNode({
			nodeType: 'shipperOne',
			parameters: listParams.shipperOne({ returnAll: true, options: { maxRetries: 0 } }),
		});
		expect(result.error?.message).toContain('(HTTP 502): 502 Bad Gateway 502 Bad Gateway nginx');
		expect(result.error?.message).not.toContain('<');
	});

	it('explains a token used with another store code', async () => {
		const result = await getMany({ storeCode: 'eu_west' });
		expect(result.error?.message).toBe(
			'ShipperOne did not accept the credentials (HTTP 401): The token is not valid for store "eu_west".',
		);
	});

	it('explains a credential without a base URL before sending anything', async () => {
		const result = await getMany({ baseUrl: '' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(
			'The ShipperOne credential needs the Base URL of your ShipperOne instance',
		);
		expect(requests(env)).toHaveLength(0);
	});
});
