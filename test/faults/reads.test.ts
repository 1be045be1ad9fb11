import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { VendorName } from '../../sandbox/core/vendor';
import { demoCredentials, useTestEnv, type TestEnv } from '../support/env';

/**
 * Every read operation, given a 2xx answer it cannot read (JSON cut off half-way, a proxy's HTML
 * page): a clear error naming vendor and operation, never items.
 */
const env = useTestEnv(demoCredentials);

interface ReadOperation {
	name: string;
	vendor: VendorName;
	vendorLabel: string;
	operationLabel: string;
	nodeType: string;
	path: string;
	prepare(env: TestEnv): INodeParameters;
}

const skuIoFulfillment = (env: TestEnv) =>
	env.sandbox.state.vendors.skuio.seed({ count: 1 }).fulfillments[0].id;

const READS: ReadOperation[] = [
	{
		name: 'Sellfern Fulfillment Queue Get Many',
		vendor: 'sellfern',
		vendorLabel: 'Sellfern',
		operationLabel: 'Get Many',
		nodeType: 'sellfern',
		path: '/fulfillment/queue',
		prepare: (env) => {
			env.sandbox.state.vendors.sellfern.seed({ count: 3 });
			return { resource: 'fulfillmentQueue', operation: 'getAll', returnAll: true };
		},
	},
	{
		name: 'ShipperOne Get Many',
		vendor: 'shipperone',
		vendorLabel: 'ShipperOne',
		operationLabel: 'Get Many',
		nodeType: 'shipperOne',
		path: '/fulfillmentOrder',
		prepare: (env) => {
			env.sandbox.state.vendors.shipperone.seed({ count: 2 });
			return {
				resource: 'fulfillmentOrder',
				operation: 'getAll',
				queue: 'pending_accept',
				returnAll: true,
			};
		},
	},
	...(
		[
			['Get', 'get', '/detail'],
			['Get Line Items', 'getLineItems', '/line-items'],
		] as const
	).map(
		([label, operation, path]): ReadOperation => ({
			name: `SKU.io ${label}`,
			vendor: 'skuio',
			vendorLabel: 'SKU.io',
			operationLabel: label,
			nodeType: 'skuIo',
			path,
			prepare: (env) => ({
				resource: 'fulfillment',
				operation,
				fulfillmentId: String(skuIoFulfillment(env)),
			}),
		}),
	),
	{
		name: 'SKU.io Get Many',
		vendor: 'skuio',
		vendorLabel: 'SKU.io',
		operationLabel: 'Get Many',
		nodeType: 'skuIo',
		path: '/api/v2/sales-order-fulfillments',
		prepare: (env) => {
			skuIoFulfillment(env);
			return { resource: 'fulfillment', operation: 'getAll', returnAll: true };
		},
	},
	...(
		[
			['Get Activity Log', 'getActivityLog'],
			['Get Inventory Movements', 'getInventoryMovements'],
		] as const
	).map(
		([label, operation]): ReadOperation => ({
			name: `SKU.io ${label}`,
			vendor: 'skuio',
			vendorLabel: 'SKU.io',
			operationLabel: label,
			nodeType: 'skuIo',
			path: '/api/',
			prepare: (env) => ({
				resource: 'history',
				operation,
				fulfillmentId: String(skuIoFulfillment(env)),
				returnAll: true,
			}),
		}),
	),
	{
		name: 'S2 Order Get',
		vendor: 's2',
		vendorLabel: 'S2',
		operationLabel: 'Get',
		nodeType: 's2',
		path: '/order/',
		prepare: (env) => ({
			resource: 'order',
			operation: 'get',
			orderId: env.sandbox.state.vendors.s2.seed({ orders: 1 }).orders[0].id,
		}),
	},
	{
		name: 'OrderProtection Get Many',
		vendor: 'orderprotection',
		vendorLabel: 'OrderProtection',
		operationLabel: 'Get Many',
		nodeType: 'orderProtection',
		path: '/fulfillments',
		prepare: (env) => ({
			resource: 'fulfillment',
			operation: 'getAll',
			sourceOrderId: env.sandbox.state.vendors.orderprotection.seed({ orders: 1 }).orders[0]
				.sourceOrderId,
			returnAll: true,
		}),
	},
];

const GARBLED: Array<[string, IDataObject]> = [
	['JSON cut off half-way', { truncate: true }],
	['an HTML page with HTTP 200', { html: true, status: 200 }],
];

describe.each(READS.map((read) => [read.name, read] as const))(
	'%s, answer unreadable',
	(_name, read) => {
		it.each(GARBLED)(
			'%s: a clear error and no items; with retries on, read again',
			async (_fault, spec) => {
				const parameters = read.prepare(env);
				const baseline = await env.harness.runNode({ nodeType: read.nodeType, parameters });
				expect(baseline.status).toBe('success');
				env.sandbox.state.faults.add({
					vendor: read.vendor,
					method: 'GET',
					path: read.path,
					count: 1,
					...spec,
				});
				const failed = await env.harness.runNode({
					nodeType: read.nodeType,
					parameters: { ...parameters, options: { maxRetries: 0 } },
				});
				expect(failed.status).toBe('error');
				expect(failed.items).toEqual([]);
				expect(failed.error?.name).toBe('NodeApiError');
				expect(failed.error?.message).toBe(
					`${read.vendorLabel} ${read.operationLabel}: ${read.vendorLabel} answered HTTP 200 with a body that is not the JSON it documents`,
				);
				expect(failed.error?.description).toMatch(
					/\nNothing was output\. Running again is safe\.$/,
				);

				env.sandbox.state.faults.add({
					vendor: read.vendor,
					method: 'GET',
					path: read.path,
					count: 1,
					...spec,
				});
				const retried = await env.harness.runNode({ nodeType: read.nodeType, parameters });
				expect(retried.status).toBe('success');
				expect(retried.items.map((item) => item.json)).toEqual(
					baseline.items.map((item) => item.json),
				);
			},
		);
	},
);
