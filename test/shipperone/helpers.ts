import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { ShipperOneVendor } from '../../sandbox/vendors/shipperone';
import type { SeedOptions } from '../../sandbox/vendors/shipperone/seed';
import type { CredentialsMap } from '../harness';
import { demoCredential, useTestEnv, type TestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { pairedIndex } from '../support/items';

export const TOKEN = 'so_sandbox_full';
export const READONLY_TOKEN = 'so_sandbox_readonly';

export function useShipperOne(): TestEnv {
	return useTestEnv((sandbox) => ({ shipperOneApi: demoCredential(sandbox, 'shipperone') }));
}

export function vendor(env: TestEnv): ShipperOneVendor {
	return (env.sandbox.state.vendors as unknown as { shipperone: ShipperOneVendor }).shipperone;
}

export interface SeededOrder extends IDataObject {
	order_id: string;
	updated_at: string;
	items: Array<IDataObject & { item_id: number; qty_ordered: number }>;
}

/** Seeds `count` orders (pending accept unless told) and returns them as the API shows them. */
export function seed(
	env: TestEnv,
	count: number,
	options: Partial<SeedOptions> = {},
): SeededOrder[] {
	return vendor(env).seed({ count, ...options }).orders as SeededOrder[];
}

export function order(env: TestEnv, orderId: string): SeededOrder {
	return vendor(env).orders.get(orderId) as SeededOrder;
}

export const requests = (env: TestEnv, pathPart = '') =>
	vendorRequests(env, 'shipperone', pathPart);

export const orderIds = (items: INodeExecutionData[]) => items.map((item) => item.json.order_id);
export const paired = (items: INodeExecutionData[]) => items.map(pairedIndex);

/** The demo credential with some fields replaced, as `credentials` for a run. */
export const credential = (env: TestEnv, values: Record<string, string> = {}): CredentialsMap => ({
	shipperOneApi: { ...demoCredential(env.sandbox, 'shipperone'), ...values },
});
