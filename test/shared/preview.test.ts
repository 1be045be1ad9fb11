import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { VendorName } from '../../sandbox/server';
import { demoCredential, demoCredentials, useTestEnv, type TestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { packOperations } from '../support/pack';
import { createParams } from '../s2/helpers';
import { fulfillment } from '../support/params';

// Every write operation of the pack, run with Options › Preview Only: it outputs the request it would
// send (method, URL, query, body, idempotency key) and the sandbox records no state change.

const PREVIEW = { previewOnly: true };

interface PreviewCase {
	vendor: VendorName;
	nodeType: string;
	resource: string;
	operation: string;
	parameters: (env: TestEnv) => INodeParameters;
	input?: (env: TestEnv) => IDataObject[];
	method: string;
	path: (env: TestEnv) => string;
	body?: (env: TestEnv) => unknown;
	query?: IDataObject;
	/** The request has no body. */
	noBody?: boolean;
	/** Whether the request carries an Idempotency-Key. */
	keyed?: boolean;
}

const seedSellfern = (env: TestEnv) =>
	(env.sandbox.state.seed('sellfern', { count: 1 }) as { orders: Array<{ order_id: number }> })
		.orders[0].order_id;
const seedShipperOne = (env: TestEnv, queue: string) =>
	env.sandbox.state.vendors.shipperone.seed({
		count: 1,
		items: 2,
		queue: queue as 'pending_accept',
	}).orders[0] as {
		order_id: string;
		items: Array<{ item_id: number; qty_ordered: number }>;
	};
const seedSkuIo = (env: TestEnv) =>
	env.sandbox.state.vendors.skuio.seed({ count: 1 }).fulfillments[0].id;

let sellfernOrder = 0;
let shipperOneOrder: ReturnType<typeof seedShipperOne>;
/** The seeded ShipperOne order's items at their ordered quantities, as accept and ship send them. */
const orderedQuantities = () =>
	shipperOneOrder.items.map((item) => ({ item_id: item.item_id, qty: item.qty_ordered }));
let skuIoId = 0;

const skuIoAction = (resource: string, operation: string, route: string): PreviewCase => ({
	vendor: 'skuio',
	nodeType: 'skuIo',
	resource,
	operation,
	parameters: () => ({ fulfillmentId: skuIoId, options: PREVIEW }),
	method: 'POST',
	path: () => `/api/v2/sales-order-fulfillments/${skuIoId}/${route}`,
	noBody: true,
});

/** The order the OrderProtection create case seeds. */
let previewOrderId = '';

const CASES: PreviewCase[] = [
	{
		vendor: 'sellfern',
		nodeType: 'sellfern',
		resource: 'fulfillment',
		operation: 'assignSupplier',
		parameters: () => ({
			orderIds: String(sellfernOrder),
			supplierId: 'sup_789',
			dryRun: false,
			options: PREVIEW,
		}),
		method: 'POST',
		path: () => '/api/v2/fulfillment/assign',
		body: () => ({ order_ids: [sellfernOrder], supplier_id: 'sup_789' }),
		keyed: true,
	},
	{
		vendor: 'sellfern',
		nodeType: 'sellfern',
		resource: 'order',
		operation: 'updateStatus',
		parameters: () => ({ orderId: String(sellfernOrder), status: 'Shipped', options: PREVIEW }),
		method: 'PATCH',
		path: () => `/api/v2/orders/${sellfernOrder}/status`,
		body: () => ({ status: 'Shipped' }),
	},
	{
		vendor: 'shipperone',
		nodeType: 'shipperOne',
		resource: 'fulfillmentOrder',
		operation: 'accept',
		parameters: () => ({ orderId: shipperOneOrder.order_id, options: PREVIEW }),
		input: () => [shipperOneOrder],
		method: 'POST',
		path: () => '/V1/fulfillmentOrder/accept',
		body: () => ({
			order: {
				order_id: shipperOneOrder.order_id,
				items: orderedQuantities(),
			},
		}),
	},
	{
		vendor: 'shipperone',
		nodeType: 'shipperOne',
		resource: 'fulfillmentOrder',
		operation: 'ship',
		parameters: () => ({
			orderId: shipperOneOrder.order_id,
			tracks: {
				track: [{ carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' }],
			},
			options: PREVIEW,
		}),
		input: () => [shipperOneOrder],
		method: 'POST',
		path: () => '/V1/fulfillmentOrder/ship',
		body: () => ({
			shipment: {
				order_id: shipperOneOrder.order_id,
				items: orderedQuantities(),
				tracks: [{ carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' }],
			},
		}),
	},
	{
		vendor: 'skuio',
		nodeType: 'skuIo',
		resource: 'fulfillment',
		operation: 'void',
		parameters: () => ({ fulfillmentId: skuIoId, voidReason: 'Duplicate', options: PREVIEW }),
		method: 'DELETE',
		path: () => `/api/sales-order-fulfillments/${skuIoId}`,
		body: () => ({ void_reason: 'Duplicate' }),
		query: { 'check-deletable': 1 },
	},
	{
		vendor: 'skuio',
		nodeType: 'skuIo',
		resource: 'fulfillment',
		operation: 'bulkVoid',
		parameters: () => ({
			target: 'ids',
			fulfillmentIds: String(skuIoId),
			force: false,
			options: PREVIEW,
		}),
		method: 'DELETE',
		path: () => '/api/sales-order-fulfillments',
		body: () => ({ ids: [skuIoId], force: false }),
	},
	{
		vendor: 'skuio',
		nodeType: 'skuIo',
		resource: 'fulfillment',
		operation: 'updateShippingDetails',
		parameters: () => ({
			fulfillmentId: skuIoId,
			updateFields: { trackingNumber: '1Z999' },
			options: PREVIEW,
		}),
		method: 'PATCH',
		path: () => `/api/v2/sales-order-fulfillments/${skuIoId}/shipping-details`,
		body: () => ({ tracking_number: '1Z999' }),
	},
	skuIoAction('salesChannel', 'submit', 'submit-to-channel'),
	skuIoAction('salesChannel', 'clearSubmission', 'clear-channel-submission'),
	skuIoAction('shipmentProvider', 'cancelOrder', 'cancel-provider-order'),
	skuIoAction('shipmentProvider', 'resyncFrom', 'resync-from-provider'),
	skuIoAction('shipmentProvider', 'resyncTo', 'resync-to-provider'),
	{
		vendor: 's2',
		nodeType: 's2',
		resource: 'fulfillment',
		operation: 'create',
		parameters: () => createParams({ orderId: '', options: PREVIEW }),
		method: 'POST',
		path: () => '/fulfillment',
	},
	{
		vendor: 'orderprotection',
		nodeType: 'orderProtection',
		resource: 'fulfillment',
		operation: 'create',
		// Create reads the order's fulfillments first (to never post one twice): the order must exist.
		parameters: (env) => {
			previewOrderId = env.sandbox.state.vendors.orderprotection.seed({ orders: 1 }).orders[0]
				.sourceOrderId;
			return {
				sourceOrderId: previewOrderId,
				sourceFulfillmentId: 'ful-1',
				fulfillmentStatus: 'FULFILLED',
				items: { item: [{ sourceItemId: `${previewOrderId}-1`, quantity: 1 }] },
				options: PREVIEW,
			};
		},
		method: 'POST',
		path: () => `/v1/orders/${previewOrderId}/fulfillments`,
	},
	{
		vendor: 'orderprotection',
		nodeType: 'orderProtection',
		resource: 'fulfillment',
		operation: 'update',
		parameters: () => ({
			sourceOrderId: '5123456789',
			sourceFulfillmentId: 'ful-1',
			status: 'DELIVERED',
			options: PREVIEW,
		}),
		method: 'PUT',
		path: () => '/v1/orders/5123456789/fulfillments/ful-1',
	},
];

const SECRETS: Record<string, string[]> = {
	sellfern: ['apiToken'],
	shipperone: ['accessToken'],
	skuio: ['accessToken'],
	s2: ['password'],
	orderprotection: ['clientSecret'],
};

describe('Preview Only on every write', () => {
	const env = useTestEnv(demoCredentials);

	beforeEach(() => {
		sellfernOrder = seedSellfern(env);
		shipperOneOrder = seedShipperOne(env, 'pending_accept');
		skuIoId = seedSkuIo(env);
	});

	it('covers every write operation of the pack, each with the option under the same name', () => {
		const all = packOperations();
		const writes = all.flatMap(([node, ops]) =>
			ops.filter((op) => op.write).map((op) => `${node}/${op.resource}/${op.value}`),
		);
		expect(writes.sort()).toEqual(
			CASES.map((c) => `${c.nodeType}/${c.resource}/${c.operation}`).sort(),
		);
	});

	it.each(CASES.map((c) => [`${c.nodeType} ${c.resource} ${c.operation}`, c] as const))(
		'%s: outputs the request and changes nothing',
		async (_name, c) => {
			if (c.operation === 'ship') shipperOneOrder = seedShipperOne(env, 'pending_shipment');
			const parameters = c.parameters(env);
			const changesBefore = env.sandbox.state.ledger.changes().length;
			const result = await env.harness.runNode({
				nodeType: c.nodeType,
				parameters: { resource: c.resource, operation: c.operation, ...parameters },
				input: c.input?.(env) ?? [{}],
			});
			expect(result.error?.message).toBeUndefined();
			expect(result.status).toBe('success');
			expect(result.items).toHaveLength(1);
			const [item] = result.items;
			expect(item.pairedItem).toEqual({ item: 0 });
			const json = item.json as IDataObject & { request: IDataObject };
			expect(json).toMatchObject({ preview: true, sent: false });
			expect(json.request.method).toBe(c.method);
			expect(json.request.path).toBe(c.path(env));
			const url = new URL(String(json.request.url));
			expect(url.href.startsWith(env.sandbox.vendorUrl(c.vendor))).toBe(true);
			expect(url.pathname.endsWith(c.path(env))).toBe(true);
			if (c.body) expect(json.request.body).toEqual(c.body(env));
			else if (c.noBody) expect(json.request).not.toHaveProperty('body');
			else expect(json.request.body).toBeDefined();
			if (c.query) expect(json.request.query).toEqual(c.query);
			if (c.keyed) expect(json.request.idempotencyKey).toMatch(/^n8n-assign-[0-9a-f]{40}$/);
			else expect(json.request.idempotencyKey).toBeNull();

			// Nothing that changes state reached the vendor, and its state is as it was.
			const writes = vendorRequests(env, c.vendor).filter(
				(r) => r.method !== 'GET' && r.path.includes(c.path(env)),
			);
			const dryRuns = writes.filter((r) => r.query.dry_run === 'true');
			expect(writes).toEqual(dryRuns);
			expect(env.sandbox.state.ledger.changes().length).toBe(changesBefore);

			const credential = demoCredential(env.sandbox, c.vendor);
			for (const field of SECRETS[c.vendor]) {
				const secret = credential[field];
				if (typeof secret === 'string' && secret.length >= 4)
					expect(JSON.stringify(json)).not.toContain(secret);
			}
		},
	);

	it("Sellfern Assign: shows Sellfern's own dry-run answer per order, sent without the real key", async () => {
		const notNew = (
			env.sandbox.state.seed('sellfern', { count: 1, status: 'Shipped' }) as {
				orders: Array<{ order_id: number }>;
			}
		).orders[0].order_id;
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: fulfillment('assignSupplier', {
				orderIds: `${sellfernOrder}, ${notNew}`,
				supplierId: 'sup_789',
				options: PREVIEW,
			}),
			input: [{}],
		});
		expect(result.status).toBe('success');
		const json = result.items[0].json as IDataObject & {
			vendorPreview: { results: IDataObject[] };
		};
		const byOrder = new Map(json.vendorPreview.results.map((r) => [r.order_id, r.status]));
		expect(byOrder.get(sellfernOrder)).toBe('ok');
		expect(byOrder.get(notNew)).toBe('error');
		const [dryRun] = vendorRequests(env, 'sellfern', '/assign');
		expect(dryRun.query.dry_run).toBe('true');
		expect(dryRun.headers['idempotency-key']).toBeUndefined();

		// The real assign afterwards is not answered from the dry run.
		const real = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: fulfillment('assignSupplier', {
				orderIds: String(sellfernOrder),
				supplierId: 'sup_789',
			}),
			input: [{}],
		});
		expect(real.items[0].json).toMatchObject({ order_id: sellfernOrder, status: 'ok' });
		const states = env.sandbox.state.vendors as unknown as {
			sellfern: { orders: { get(id: number): { status: string } | undefined } };
		};
		expect(states.sellfern.orders.get(sellfernOrder)?.status).toBe('In Production');
	});

	it('refuses invalid input in Preview exactly as without it, sending nothing', async () => {
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'order',
				operation: 'updateStatus',
				orderId: 'abc',
				status: 'Shipped',
				options: PREVIEW,
			},
			input: [{}],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Order ID must be a positive integer/);
		expect(vendorRequests(env, 'sellfern')).toHaveLength(0);
	});

	it('previews each item of a multi-item run, paired to its item', async () => {
		const second = seedSellfern(env);
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'order',
				operation: 'updateStatus',
				orderId: '={{ $json.id }}',
				status: 'Shipped',
				options: PREVIEW,
			},
			input: [{ id: sellfernOrder }, { id: second }],
		});
		expect(result.items.map((item) => (item.json.request as IDataObject).path)).toEqual([
			`/api/v2/orders/${sellfernOrder}/status`,
			`/api/v2/orders/${second}/status`,
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(vendorRequests(env, 'sellfern')).toHaveLength(0);
	});

	it('a bulk request previews once and gives its preview to every item it serves', async () => {
		const second = seedSellfern(env);
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: fulfillment('assignSupplier', {
				orderIds: '={{ $json.id }}',
				supplierId: 'sup_789',
				options: PREVIEW,
			}),
			input: [{ id: sellfernOrder }, { id: second }],
		});
		expect(result.items).toHaveLength(2);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of result.items) {
			expect(item.json).toMatchObject({
				preview: true,
				request: { body: { order_ids: [sellfernOrder, second] } },
			});
		}
		// One dry run for the one batch, no assign.
		expect(vendorRequests(env, 'sellfern', '/assign').map((r) => r.query.dry_run)).toEqual([
			'true',
		]);
		expect(
			env.sandbox.state.ledger.changes({ vendor: 'sellfern' }).filter((c) => c.from !== null),
		).toEqual([]);
	});

	it('names the option when its value is not a boolean', async () => {
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: {
				resource: 'order',
				operation: 'updateStatus',
				orderId: String(sellfernOrder),
				status: 'Shipped',
				options: { previewOnly: '={{ "maybe" }}' },
			},
			input: [{}],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Preview Only (Send Nothing) must be true or false (got "maybe") [item 0]',
		);
		expect(vendorRequests(env, 'sellfern')).toHaveLength(0);
	});
});
