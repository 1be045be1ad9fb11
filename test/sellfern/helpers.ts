import type { INodeParameters } from 'n8n-workflow';
import { demoCredential, useTestEnv, type TestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

export const TOKEN = 'sk_test_sandbox';

export function useSellfern(): TestEnv {
	return useTestEnv((sandbox) => ({ sellfernApi: demoCredential(sandbox, 'sellfern') }));
}

/** Seeds `count` orders (status New unless given) and returns their ids. */
export function seedOrders(
	env: TestEnv,
	count: number,
	options: Record<string, unknown> = {},
): number[] {
	const created = env.sandbox.state.seed('sellfern', { count, ...options }) as {
		orders: Array<{ order_id: number }>;
	};
	return created.orders.map((order) => order.order_id);
}

export const requests = (env: TestEnv, pathPart = '') => vendorRequests(env, 'sellfern', pathPart);

export function orderStatus(env: TestEnv, orderId: number) {
	const response = env.sandbox.state.vendors as unknown as Record<
		string,
		{ orders: { get(id: number): { status: string; supplier_id: string | null } | undefined } }
	>;
	return response.sellfern.orders.get(orderId);
}

export const assignParams = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'fulfillment',
	operation: 'assignSupplier',
	orderIds: '={{ $json.order_id }}',
	supplierId: 'sup_789',
	dryRun: false,
	options: {},
	...overrides,
});
