import type { INodeParameters } from 'n8n-workflow';
import {
	DEMO_EMAIL,
	DEMO_SIGN_IN,
	MAIN_ORGANIZATION_ID,
	MULTI_ORG_EMAIL,
	SECOND_ORGANIZATION_ID,
} from '../../sandbox/vendors/s2/catalog';
import { createParams, creates, logins, requests, useS2 } from '../s2/helpers';
import { fulfillment } from '../support/params';

const SECOND_PRODUCT = 'f00dcafe-2222-4333-8444-555566667777';

describe('S2 › Organization (from the login answer)', () => {
	const env = useS2();
	const credentials = (values: Record<string, string>) => ({
		s2Api: { baseUrl: env.sandbox.vendorUrl('s2'), ...values },
	});
	const search = (email: string, filter?: string) =>
		env.harness.listSearch({
			nodeType: 's2',
			method: 'searchOrganizations',
			parameters: fulfillment('create') as INodeParameters,
			credentials: credentials({ email, password: DEMO_SIGN_IN }),
			filter,
		});

	it("lists the organizations of the credential's user, searchable by name", async () => {
		expect((await search(MULTI_ORG_EMAIL)).results).toEqual([
			{ name: 'Sandbox Organization', value: MAIN_ORGANIZATION_ID },
			{ name: 'Second Organization', value: SECOND_ORGANIZATION_ID },
		]);
		expect((await search(MULTI_ORG_EMAIL, 'second')).results.map((result) => result.value)).toEqual(
			[SECOND_ORGANIZATION_ID],
		);
		expect((await search(DEMO_EMAIL)).results.map((result) => result.value)).toEqual([
			MAIN_ORGANIZATION_ID,
		]);
		expect(logins(env).every((login) => (login.body as { email: string }).email !== '')).toBe(true);
	});

	it('reports a refused login', async () => {
		await expect(
			env.harness.listSearch({
				nodeType: 's2',
				method: 'searchOrganizations',
				parameters: {} as INodeParameters,
				credentials: credentials({ email: MULTI_ORG_EMAIL, password: 'wrong' }),
			}),
		).rejects.toMatchObject({ httpCode: '401' });
	});

	it("the picked organization is sent as X-S2-Organization, over the credential's; empty keeps the credential's", async () => {
		const multi = credentials({
			email: MULTI_ORG_EMAIL,
			password: DEMO_SIGN_IN,
			organizationId: MAIN_ORGANIZATION_ID,
		});
		const picked = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams({
				orderId: '',
				// A product of the second organization: S2 finds it only there.
				items: { item: [{ productId: SECOND_PRODUCT, quantity: 1 }] },
				organization: { __rl: true, mode: 'list', value: SECOND_ORGANIZATION_ID },
			}),
			credentials: multi,
		});
		expect(picked.error?.message).toBeUndefined();
		expect(picked.status).toBe('success');
		const kept = await env.harness.runNode({
			nodeType: 's2',
			parameters: createParams({ orderId: '' }),
			credentials: multi,
		});
		expect(kept.status).toBe('success');
		expect(creates(env).map((request) => request.headers['x-s2-organization'])).toEqual([
			SECOND_ORGANIZATION_ID,
			MAIN_ORGANIZATION_ID,
		]);
		// Get reads in the picked organization too: the fulfillment made there is found there only.
		const get = (organization: string) =>
			env.harness.runNode({
				nodeType: 's2',
				parameters: fulfillment('get', {
					fulfillmentId: picked.items[0].json.id as string,
					organization: { __rl: true, mode: 'id', value: organization },
				}) as INodeParameters,
				credentials: multi,
			});
		expect((await get(SECOND_ORGANIZATION_ID)).status).toBe('success');
		expect((await get(MAIN_ORGANIZATION_ID)).error?.httpCode).toBe('404');
		expect(
			requests(env, '/fulfillment/').map((request) => request.headers['x-s2-organization']),
		).toEqual([SECOND_ORGANIZATION_ID, MAIN_ORGANIZATION_ID]);
	});
});
