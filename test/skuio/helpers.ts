import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { SeedOptions } from '../../sandbox/vendors/skuio/seed';
import { demoCredential, useTestEnv, type TestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';

export const TOKEN = '1|skuio-sandbox-demo-token';

export function useSkuIo(): TestEnv {
	return useTestEnv((sandbox) => ({ skuIoApi: demoCredential(sandbox, 'skuio') }));
}

export function store(env: TestEnv) {
	return env.sandbox.state.vendors.skuio.store;
}

/** Seeds `count` fulfillments (submitted shipstation ones unless told otherwise) and returns their ids. */
export function seed(env: TestEnv, count: number, options: Partial<SeedOptions> = {}): number[] {
	return env.sandbox.state.vendors.skuio.seed({ count, ...options }).fulfillments.map((f) => f.id);
}

export const requests = (env: TestEnv, pathPart = '') => vendorRequests(env, 'skuio', pathPart);

export function run(
	env: TestEnv,
	parameters: INodeParameters,
	input?: IDataObject[],
	continueOnFail = false,
) {
	return env.harness.runNode({ nodeType: 'skuIo', parameters, input, continueOnFail });
}

import { operationOf } from '../support/params';

export { fulfillment } from '../support/params';
/** The parameters of a History operation. */
export const history = operationOf('history');

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const idsOf = (items: INodeExecutionData[]) => items.map((item) => item.json.id);
