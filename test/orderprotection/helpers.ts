import type { INodeParameters } from 'n8n-workflow';
import type { RequestRecord } from '../../sandbox/core/ledger';
import type { Order } from '../../sandbox/vendors/orderprotection/orders';
import { demoCredential, useTestEnv, type TestEnv } from '../support/env';

export function useOrderProtection(): TestEnv {
	return useTestEnv((sandbox) => ({ orderProtectionOAuth2Api: demoCredential(sandbox, 'orderprotection') }));
}

export function op(env: TestEnv) {
	return env.sandbox.state.vendors.orderprotection;
}

export function seedOrder(env: TestEnv): Order {
	return op(env).seed({ orders: 1 }).orders[0];
}

/** Requests OrderProtection received, oldest first, optionally only those whose path contains `pathPart`. */
export function requests(env: TestEnv, pathPart = ''): RequestRecord[] {
	return env.sandbox.state.ledger.requests({ vendor: 'orderprotection' }).filter((r) => r.path.includes(pathPart));
}

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
