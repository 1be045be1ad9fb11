import type { INodeParameters } from 'n8n-workflow';
import type { Order } from '../../sandbox/vendors/orderprotection/orders';
import { demoCredential, useTestEnv, type TestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

export function useOrderProtection(): TestEnv {
	return useTestEnv((sandbox) => ({
		orderProtectionOAuth2Api: demoCredential(sandbox, 'orderprotection'),
	}));
}

export function op(env: TestEnv) {
	return env.sandbox.state.vendors.orderprotection;
}

export function seedOrder(env: TestEnv): Order {
	return op(env).seed({ orders: 1 }).orders[0];
}

export const requests = (env: TestEnv, pathPart = '') =>
	vendorRequests(env, 'orderprotection', pathPart);

export const tokenRequests = (env: TestEnv) => requests(env, '/v1/oauth/token');
export const apiRequests = (env: TestEnv) => requests(env, '/v1/orders/');

export const createParams = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'fulfillment',
	operation: 'create',
	sourceOrderId: '={{ $json.sourceOrderId }}',
	sourceFulfillmentId: '={{ "ful-" + $json.sourceOrderId }}',
	fulfillmentStatus: 'FULFILLED',
	items: { item: [{ sourceItemId: '={{ $json.sourceOrderId + "-1" }}', quantity: 1 }] },
	...overrides,
});
