import type { INodeParameters } from 'n8n-workflow';
import { PRODUCTS } from '../../sandbox/vendors/s2/catalog';
import type { Order } from '../../sandbox/vendors/s2/store';
import { demoCredential, useTestEnv, type TestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

export const [PRODUCT_A, PRODUCT_B] = PRODUCTS.map((product) => product.id);

export function useS2(): TestEnv {
	return useTestEnv((sandbox) => ({ s2Api: demoCredential(sandbox, 's2') }));
}

export function s2(env: TestEnv) {
	return env.sandbox.state.vendors.s2;
}

export function seedOrder(env: TestEnv): Order {
	return s2(env).seed({ orders: 1 }).orders[0];
}

export const requests = (env: TestEnv, pathPart = '') => vendorRequests(env, 's2', pathPart);

export const logins = (env: TestEnv) =>
	requests(env).filter((r) => r.method === 'POST' && r.path.endsWith('/login'));
export const creates = (env: TestEnv) =>
	requests(env).filter((r) => r.method === 'POST' && r.path.endsWith('/fulfillment'));

/** Create with the fields the simplest case needs: order, address, items. */
export const createParams = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'fulfillment',
	operation: 'create',
	define: 'fields',
	orderId: '={{ $json.orderId }}',
	recipientName: 'Jane Doe',
	address1: '100 Main Street',
	city: 'Toronto',
	state: 'ON',
	postalCode: 'M5V 2T6',
	countryId: 'CA',
	items: { item: [{ productId: PRODUCT_A, quantity: 2 }] },
	...overrides,
});
