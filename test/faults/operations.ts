import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { ChangeRecord } from '../../sandbox/core/ledger';
import type { VendorName } from '../../sandbox/core/vendor';
import type { TestEnv } from '../support/env';
import { createParams as orderProtectionCreateParams } from '../orderprotection/helpers';
import { createParams } from '../s2/helpers';

/** What one case needs: the node's parameters and input, and the record the write is about. */
export interface Prepared {
	parameters: INodeParameters;
	input: IDataObject[];
	/** The ledger `id` of the entity the write changes (one per record for bulk writes). */
	targets: string[];
}

/**
 * One write operation of the pack, as the fault matrix drives it.
 * - `once`: the vendor must have applied it exactly once (no key, key, or read-before-write).
 * - `repeatable`: naturally idempotent (a repeat sends the provider the same data again): at least
 *   once, and the end state right.
 */
export interface WriteOperation {
	name: string;
	vendor: VendorName;
	/** As n8n shows it in errors: "SKU.io", "S2". */
	vendorLabel: string;
	/** The words every clear error names, e.g. "Bulk Void". */
	operationLabel: string;
	nodeType: string;
	/** The request the faults hit: method and a path substring. */
	write: { method: string; path: string };
	guarantee: 'once' | 'repeatable';
	prepare(env: TestEnv): Promise<Prepared> | Prepared;
	/** Whether a ledger change is this write taking effect on a target. */
	isApplication(change: ChangeRecord, targets: string[]): boolean;
	/** Whether an output item is true of the vendor's state now. */
	truthful(env: TestEnv, json: IDataObject, targets: string[]): boolean;
}

const vendors = (env: TestEnv) => env.sandbox.state.vendors;
const changed = (change: ChangeRecord) => JSON.stringify(change.from) !== JSON.stringify(change.to);

function sellfernOrder(env: TestEnv, id: string) {
	return vendors(env).sellfern.orders.get(Number(id));
}

function skuIoFulfillment(env: TestEnv, id: string | number) {
	return vendors(env).skuio.store.get(Number(id));
}

function seedSkuIo(env: TestEnv, count: number, options: IDataObject = {}): string[] {
	return vendors(env)
		.skuio.seed({ count, ...options })
		.fulfillments.map((fulfillment) => String(fulfillment.id));
}

function seedShipperOne(env: TestEnv, queue: 'pending_accept' | 'pending_shipment') {
	return vendors(env).shipperone.seed({ count: 1, queue }).orders[0] as IDataObject & {
		order_id: string;
	};
}

function skuIoAction(
	operationLabel: string,
	resource: string,
	operation: string,
	route: string,
	seed: IDataObject,
	guarantee: WriteOperation['guarantee'],
	isApplication: WriteOperation['isApplication'],
	truthful: (fulfillment: IDataObject) => boolean,
): WriteOperation {
	return {
		name: `SKU.io ${operationLabel}`,
		vendor: 'skuio',
		vendorLabel: 'SKU.io',
		operationLabel,
		nodeType: 'skuIo',
		write: { method: 'POST', path: `/${route}` },
		guarantee,
		prepare(env) {
			const targets = seedSkuIo(env, 1, seed);
			return {
				parameters: { resource, operation, fulfillmentId: '={{ $json.id }}' },
				input: [{ id: Number(targets[0]) }],
				targets,
			};
		},
		isApplication,
		truthful: (env, json, [id]) =>
			Number(json.id) === Number(id) &&
			truthful(skuIoFulfillment(env, id) as unknown as IDataObject),
	};
}

export const WRITE_OPERATIONS: WriteOperation[] = [
	{
		name: 'Sellfern Assign Supplier',
		vendor: 'sellfern',
		vendorLabel: 'Sellfern',
		operationLabel: 'Assign Supplier',
		nodeType: 'sellfern',
		write: { method: 'POST', path: '/fulfillment/assign' },
		guarantee: 'once',
		prepare(env) {
			const [order] = vendors(env).sellfern.seed({ count: 1 }).orders;
			return {
				parameters: {
					resource: 'fulfillment',
					operation: 'assignSupplier',
					orderIds: '={{ $json.order_id }}',
					supplierId: 'sup_789',
					dryRun: false,
				},
				input: [{ order_id: order.order_id }],
				targets: [String(order.order_id)],
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'order' && targets.includes(change.id) && change.to === 'In Production',
		truthful(env, json, [id]) {
			const order = sellfernOrder(env, id);
			if (json.status === 'ok')
				return order?.status === 'In Production' && order.supplier_id === 'sup_789';
			// A later run is told the order is no longer New: true, and nothing was sent twice.
			return json.status === 'error' && order?.status !== 'New';
		},
	},
	{
		name: 'Sellfern Update Status',
		vendor: 'sellfern',
		vendorLabel: 'Sellfern',
		operationLabel: 'Update Status',
		nodeType: 'sellfern',
		write: { method: 'PATCH', path: '/status' },
		guarantee: 'once',
		prepare(env) {
			const [order] = vendors(env).sellfern.seed({ count: 1 }).orders;
			return {
				parameters: {
					resource: 'order',
					operation: 'updateStatus',
					orderId: '={{ $json.order_id }}',
					status: 'Shipped',
				},
				input: [{ order_id: order.order_id }],
				targets: [String(order.order_id)],
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'order' && targets.includes(change.id) && change.to === 'Shipped',
		truthful: (env, json, [id]) =>
			sellfernOrder(env, id)?.status === 'Shipped' && Number(json.order_id ?? id) === Number(id),
	},
	{
		name: 'ShipperOne Accept',
		vendor: 'shipperone',
		vendorLabel: 'ShipperOne',
		operationLabel: 'Accept',
		nodeType: 'shipperOne',
		write: { method: 'POST', path: '/fulfillmentOrder/accept' },
		guarantee: 'once',
		prepare(env) {
			const order = seedShipperOne(env, 'pending_accept');
			return {
				parameters: { resource: 'fulfillmentOrder', operation: 'accept' },
				input: [order],
				targets: [order.order_id],
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'fulfillmentOrder' &&
			targets.includes(change.id) &&
			change.from === 'pending_accept' &&
			changed(change),
		truthful: (env, json, [id]) =>
			json.order_id === id &&
			json.status !== 'pending_accept' &&
			vendors(env).shipperone.orders.get(id) !== undefined,
	},
	{
		name: 'ShipperOne Ship',
		vendor: 'shipperone',
		vendorLabel: 'ShipperOne',
		operationLabel: 'Ship',
		nodeType: 'shipperOne',
		write: { method: 'POST', path: '/fulfillmentOrder/ship' },
		guarantee: 'once',
		prepare(env) {
			const order = seedShipperOne(env, 'pending_shipment');
			return {
				parameters: {
					resource: 'fulfillmentOrder',
					operation: 'ship',
					tracks: { track: [{ carrier_code: 'ups', title: 'UPS', track_number: '1Z999' }] },
				},
				input: [order],
				targets: [order.order_id],
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'fulfillmentOrder' &&
			targets.includes(change.id) &&
			change.from === 'pending_shipment' &&
			changed(change),
		truthful: (env, json, [id]) => json.order_id === id && json.status === 'pending_invoice',
	},
	{
		name: 'SKU.io Void',
		vendor: 'skuio',
		vendorLabel: 'SKU.io',
		operationLabel: 'Void',
		nodeType: 'skuIo',
		write: { method: 'DELETE', path: '/api/sales-order-fulfillments/' },
		guarantee: 'once',
		prepare(env) {
			const targets = seedSkuIo(env, 1);
			return {
				parameters: {
					resource: 'fulfillment',
					operation: 'void',
					fulfillmentId: '={{ $json.id }}',
					voidReason: 'Fault matrix',
				},
				input: [{ id: Number(targets[0]) }],
				targets,
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'fulfillment' && targets.includes(change.id) && change.to === 'canceled',
		truthful: (env, json, [id]) =>
			Number(json.id) === Number(id) &&
			skuIoFulfillment(env, id)?.voided_at !== null &&
			json.status === 'canceled',
	},
	{
		name: 'SKU.io Bulk Void',
		vendor: 'skuio',
		vendorLabel: 'SKU.io',
		operationLabel: 'Bulk Void',
		nodeType: 'skuIo',
		write: { method: 'DELETE', path: '/api/sales-order-fulfillments' },
		guarantee: 'once',
		prepare(env) {
			const targets = seedSkuIo(env, 2);
			return {
				parameters: {
					resource: 'fulfillment',
					operation: 'bulkVoid',
					target: 'ids',
					fulfillmentIds: '={{ $json.id }}',
					voidReason: 'Fault matrix',
					force: false,
				},
				input: targets.map((id) => ({ id: Number(id) })),
				targets,
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'fulfillment' && targets.includes(change.id) && change.to === 'canceled',
		truthful(env, json, targets) {
			const id = String(json.id);
			if (!targets.includes(id)) return false;
			const voided = skuIoFulfillment(env, id)?.voided_at !== null;
			return ['voided', 'already_voided'].includes(String(json.result)) ? voided : !voided;
		},
	},
	{
		name: 'SKU.io Update Shipping Details',
		vendor: 'skuio',
		vendorLabel: 'SKU.io',
		operationLabel: 'Update Shipping Details',
		nodeType: 'skuIo',
		write: { method: 'PATCH', path: '/shipping-details' },
		guarantee: 'once',
		prepare(env) {
			const targets = seedSkuIo(env, 1);
			return {
				parameters: {
					resource: 'fulfillment',
					operation: 'updateShippingDetails',
					fulfillmentId: '={{ $json.id }}',
					updateFields: { trackingNumber: 'TRK-MATRIX-1' },
				},
				input: [{ id: Number(targets[0]) }],
				targets,
			};
		},
		// Setting the same tracking number again changes nothing: only a real change counts.
		isApplication: (change, targets) =>
			change.entity === 'shipping_details' &&
			targets.includes(change.id) &&
			(change.from as IDataObject).tracking_number !== (change.to as IDataObject).tracking_number,
		truthful: (env, json, [id]) =>
			json.tracking_number === 'TRK-MATRIX-1' &&
			skuIoFulfillment(env, id)?.tracking_number === 'TRK-MATRIX-1',
	},
	skuIoAction(
		'Submit Tracking',
		'salesChannel',
		'submit',
		'submit-to-channel',
		{},
		'once',
		// Every submission counts, a second one too (it may notify the channel again).
		(change, targets) =>
			change.entity === 'channel_submission' && targets.includes(change.id) && change.to !== null,
		(fulfillment) => fulfillment.submitted_to_sales_channel_at !== null,
	),
	skuIoAction(
		'Clear Submission',
		'salesChannel',
		'clearSubmission',
		'clear-channel-submission',
		{ submittedToChannel: true },
		'once',
		(change, targets) =>
			change.entity === 'channel_submission' &&
			targets.includes(change.id) &&
			change.from !== null &&
			change.to === null,
		(fulfillment) => fulfillment.submitted_to_sales_channel_at === null,
	),
	skuIoAction(
		'Cancel Provider Order',
		'shipmentProvider',
		'cancelOrder',
		'cancel-provider-order',
		{ fulfillmentType: 'shiphero' },
		'once',
		(change, targets) =>
			change.entity === 'provider_order' &&
			targets.includes(change.id) &&
			change.to === 'cancel-provider-order',
		(fulfillment) => (fulfillment.provider_order as IDataObject).status === 'canceled',
	),
	skuIoAction(
		'Resync From Provider',
		'shipmentProvider',
		'resyncFrom',
		'resync-from-provider',
		{ fulfillmentType: 'shiphero' },
		'repeatable',
		(change, targets) =>
			change.entity === 'provider_order' &&
			targets.includes(change.id) &&
			change.to === 'resync-from-provider',
		(fulfillment) => (fulfillment.provider_order as IDataObject).synced_at !== null,
	),
	skuIoAction(
		'Resync to Provider',
		'shipmentProvider',
		'resyncTo',
		'resync-to-provider',
		{ fulfillmentType: 'shiphero' },
		'repeatable',
		(change, targets) =>
			change.entity === 'provider_order' &&
			targets.includes(change.id) &&
			change.to === 'resync-to-provider',
		(fulfillment) => Number((fulfillment.provider_order as IDataObject).sync_count) >= 1,
	),
	{
		name: 'S2 Create',
		vendor: 's2',
		vendorLabel: 'S2',
		operationLabel: 'Create',
		nodeType: 's2',
		write: { method: 'POST', path: '/fulfillment' },
		guarantee: 'once',
		prepare(env) {
			const [order] = vendors(env).s2.seed({ orders: 1 }).orders;
			return {
				parameters: createParams(),
				input: [{ orderId: order.id }],
				targets: [order.id],
			};
		},
		// Each case starts from an empty sandbox: every fulfillment created belongs to the order.
		isApplication: (change) => change.entity === 'fulfillment' && change.from === null,
		truthful: (env, json, [orderId]) =>
			typeof json.id === 'string' &&
			vendors(env)
				.s2.store.allFulfillments()
				.some((fulfillment) => fulfillment.id === json.id && fulfillment.orderId === orderId),
	},
	{
		name: 'S2 Create with a Channel Fulfillment ID (Return Existing)',
		vendor: 's2',
		vendorLabel: 'S2',
		operationLabel: 'Create',
		nodeType: 's2',
		write: { method: 'POST', path: '/fulfillment' },
		guarantee: 'once',
		prepare(env) {
			const [order] = vendors(env).s2.seed({ orders: 1 }).orders;
			return {
				parameters: createParams({
					additionalFields: { channelFulfillmentId: '={{ "cf-" + $json.orderId }}' },
					options: { ifExists: 'returnExisting' },
				}),
				input: [{ orderId: order.id }],
				targets: [order.id],
			};
		},
		isApplication: (change) => change.entity === 'fulfillment' && change.from === null,
		truthful: (env, json, [orderId]) =>
			vendors(env)
				.s2.store.allFulfillments()
				.some(
					(fulfillment) =>
						fulfillment.id === json.id && fulfillment.channelFulfillmentId === `cf-${orderId}`,
				),
	},
	{
		name: 'OrderProtection Create',
		vendor: 'orderprotection',
		vendorLabel: 'OrderProtection',
		operationLabel: 'Create',
		nodeType: 'orderProtection',
		write: { method: 'POST', path: '/fulfillments' },
		guarantee: 'once',
		prepare(env) {
			const [order] = vendors(env).orderprotection.seed({ orders: 1 }).orders;
			return {
				parameters: orderProtectionCreateParams(),
				input: [{ sourceOrderId: order.sourceOrderId }],
				targets: [`ful-${order.sourceOrderId}`],
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'fulfillment' && change.from === null && targets.includes(change.id),
		truthful: (env, json, [id]) =>
			json.sourceFulfillmentId === id &&
			vendors(env)
				.orderprotection.orders.all()
				.some((order) =>
					order.fulfillments.some((fulfillment) => fulfillment.sourceFulfillmentId === id),
				),
	},
	{
		name: 'OrderProtection Update',
		vendor: 'orderprotection',
		vendorLabel: 'OrderProtection',
		operationLabel: 'Update',
		nodeType: 'orderProtection',
		write: { method: 'PUT', path: '/fulfillments/' },
		guarantee: 'once',
		async prepare(env) {
			const [order] = vendors(env).orderprotection.seed({ orders: 1 }).orders;
			const created = await env.harness.runNode({
				nodeType: 'orderProtection',
				parameters: {
					resource: 'fulfillment',
					operation: 'create',
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: `ful-${order.sourceOrderId}`,
					fulfillmentStatus: 'FULFILLED',
					items: { item: [{ sourceItemId: `${order.sourceOrderId}-1`, quantity: 1 }] },
				},
			});
			if (created.status !== 'success') throw new Error(`setup: ${created.error?.message}`);
			env.sandbox.state.ledger.clear();
			return {
				parameters: {
					resource: 'fulfillment',
					operation: 'update',
					sourceOrderId: order.sourceOrderId,
					sourceFulfillmentId: `ful-${order.sourceOrderId}`,
					status: 'IN_TRANSIT',
				},
				input: [{}],
				targets: [`ful-${order.sourceOrderId}`],
			};
		},
		isApplication: (change, targets) =>
			change.entity === 'fulfillment' &&
			targets.includes(change.id) &&
			change.to === 'IN_TRANSIT' &&
			changed(change),
		truthful: (env, json, [id]) =>
			json.sourceFulfillmentId === id &&
			vendors(env)
				.orderprotection.orders.all()
				.some((order) =>
					order.fulfillments.some(
						(fulfillment) =>
							fulfillment.sourceFulfillmentId === id &&
							fulfillment.fulfillmentStatus === 'IN_TRANSIT',
					),
				),
	},
];
