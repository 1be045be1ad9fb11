import type { IDataObject } from 'n8n-workflow';
import { orderProtectionSummary } from '../../nodes/OrderProtection/summary';
import { FULFILLMENT_STATUSES } from '../../nodes/OrderProtection/transport';
import { ORDER_STATUSES } from '../../nodes/Sellfern/transport';
import { s2FulfillmentSummary, s2OrderSummary } from '../../nodes/S2/summary';
import { sellfernSummary } from '../../nodes/Sellfern/summary';
import { shipperOneSummary } from '../../nodes/ShipperOne/summary';
import { skuIoSummary } from '../../nodes/SkuIo/summary';
import {
	SUMMARY_STATUSES,
	mapStatus,
	summarized,
	withSummary,
	type FulfillmentSummary,
} from '../../nodes/shared/summary';

const FIELDS = [
	'vendor',
	'orderId',
	'fulfillmentId',
	'status',
	'vendorStatus',
	'items',
	'tracking',
	'createdAt',
	'updatedAt',
];

/** Every summary has exactly the shared fields, whatever the vendor. */
function expectShape(summary: FulfillmentSummary) {
	expect(Object.keys(summary).sort()).toEqual([...FIELDS].sort());
	expect(SUMMARY_STATUSES).toContain(summary.status);
}

describe('Normalized summary › shared', () => {
	it('maps a status ignoring case, spaces and dashes, and keeps the vendor word', () => {
		const table = { in_production: 'processing' } as const;
		expect(mapStatus(table, 'In Production')).toEqual({
			status: 'processing',
			vendorStatus: 'In Production',
		});
		expect(mapStatus(table, 'in-production')).toEqual({
			status: 'processing',
			vendorStatus: 'in-production',
		});
		expect(mapStatus(table, 'Teleported')).toEqual({
			status: 'unknown',
			vendorStatus: 'Teleported',
		});
		expect(mapStatus(table, undefined)).toEqual({ status: 'unknown', vendorStatus: null });
		expect(mapStatus(table, 42)).toEqual({ status: 'unknown', vendorStatus: '42' });
	});

	it('puts the summary beside the vendor object and never replaces a vendor field', () => {
		const summary = sellfernSummary({ order_id: 1, status: 'New' });
		expect(withSummary({ order_id: 1 }, summary)).toEqual({ order_id: 1, fulfillment: summary });
		const own = { order_id: 1, fulfillment: 'the vendor’s own' };
		expect(withSummary(own, summary)).toEqual({ ...own, normalizedFulfillment: summary });
	});

	it('adds nothing when off, or when the output is not an object', () => {
		expect(summarized(false, sellfernSummary, { order_id: 1 })).toEqual({ order_id: 1 });
		expect(summarized(true, sellfernSummary, null as unknown as IDataObject)).toBeNull();
	});

	it('summarizes the full record even when the output is simplified', () => {
		const full = { id: 7, status: 'fulfilled', lines: [{ id: 1, sku: 'A', quantity: 2 }] };
		const output = summarized(true, skuIoSummary, { id: 7 }, full);
		expect(output).toEqual({
			id: 7,
			fulfillment: expect.objectContaining({ items: [{ sku: 'A', quantity: 2, itemId: '1' }] }),
		});
	});
});

const SHIPPERONE_ORDER = {
	order_id: 'FO-000012345',
	status: 'partially_shipped',
	warehouse_code: 'WH-1',
	created_at: '2026-05-20 07:00:00',
	updated_at: '2026-05-20 08:00:00',
	items: [
		{ item_id: 55501, sku: 'TSHIRT-BLK-M', qty_ordered: 2, qty_shipped: 1 },
		{ id: 55502, sku: 'MUG-WHT', qty_ordered: '1.0000' },
	],
	tracks: [
		{ carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' },
		{ carrier_code: 'dhl', title: 'DHL Express', track_number: 'JD0123456789' },
		{ title: 'Local courier', track_number: 'LC-1' },
	],
};

const SKUIO_DETAIL = {
	id: 1001,
	fulfillment_number: 'SO-1-F1',
	status: 'fulfilled',
	sales_order_id: 77,
	tracking_number: '1Z999',
	fulfillment_shipping_method: 'UPS Ground',
	created_at: '2026-05-01T10:00:00Z',
	updated_at: '2026-05-02T10:00:00Z',
	lines: [
		{ id: 1, sku: 'WIDGET-001', quantity: 2 },
		{ id: 2, product: { sku: 'GADGET-002' }, quantity: 1 },
	],
	sales_order: { id: 77 },
	shipping_provider_orders: [{ provider: 'shiphero', tracking_number: '1Z999' }],
};

const S2_FULFILLMENT = {
	id: '295dbfaa-de55-40aa-ad6b-71f059722880',
	status: 'CREATED',
	orderId: 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd',
	createdAt: '2024-06-04T03:16:22.617577Z',
	updatedAt: '2024-06-04T03:31:28.192345Z',
	items: [
		{ product: { id: 'p-1', sku: 'test' }, quantity: 2 },
		{ product: { id: 'p-2', sku: 'SKU-GREY' }, quantity: 1 },
	],
	shipments: [
		{
			status: 'CREATED',
			shippingCarrier: { id: 'OTHER', name: 'Other' },
			trackingNumber: '',
			trackingUrl: '',
			labels: [
				{
					type: 'PREPAID',
					carrier: 'UPS',
					trackingNumber: '1ZLABEL',
					trackingUrl: 'https://t.example/1ZLABEL',
				},
			],
		},
	],
};

const FOLLOW = 'https://example-follow-shipment.com';
const ORDERPROTECTION_FULFILLMENT = {
	sourceOrderId: '5001',
	sourceFulfillmentId: 'fulfillment-123',
	fulfillmentStatus: 'IN_TRANSIT',
	sourceItemIds: [
		{ sourceItemId: '1478', quantity: 1 },
		{ sourceItemId: '1479', quantity: 2 },
	],
	trackingCompany: 'FedEx',
	trackingNumber: ['AB0303456', 'CD0303457'],
	trackingUrl: [`${FOLLOW}/AB0303456`, `${FOLLOW}/CD0303457`],
	createdAt: '2024-03-20T12:00:00Z',
	updatedAt: '2024-03-20T12:00:00Z',
};

/** One record per vendor (from its document where it has one) and the whole summary it maps to. */
const RECORDS: Array<{
	case: string;
	summarize: (record: IDataObject) => FulfillmentSummary;
	record: IDataObject;
	summary: FulfillmentSummary;
}> = [
	{
		case: 'a Sellfern queue item (sellfern-fulfillment-api.txt); items and tracking are unknown',
		summarize: sellfernSummary,
		record: {
			order_id: 1042,
			status: 'New',
			supplier_id: null,
			created_at: '2026-05-20T09:14:00Z',
		},
		summary: {
			vendor: 'sellfern',
			orderId: '1042',
			fulfillmentId: null,
			status: 'pending',
			vendorStatus: 'New',
			items: null,
			tracking: null,
			createdAt: '2026-05-20T09:14:00Z',
			updatedAt: null,
		},
	},
	{
		case: 'a ShipperOne queue order: the FO id is order and fulfillment id, items at ordered quantity, tracks',
		summarize: shipperOneSummary,
		record: SHIPPERONE_ORDER,
		summary: {
			vendor: 'shipperOne',
			orderId: 'FO-000012345',
			fulfillmentId: 'FO-000012345',
			status: 'partially_shipped',
			vendorStatus: 'partially_shipped',
			items: [
				{ sku: 'TSHIRT-BLK-M', quantity: 2, itemId: '55501' },
				{ sku: 'MUG-WHT', quantity: 1, itemId: '55502' },
			],
			tracking: [
				{ carrier: 'dhl', number: 'JD0123456789', url: null },
				{ carrier: 'Local courier', number: 'LC-1', url: null },
			],
			createdAt: '2026-05-20 07:00:00',
			updatedAt: '2026-05-20 08:00:00',
		},
	},
	{
		case: 'a SKU.io detail: sales order, lines, tracking number with the fulfillment shipping method',
		summarize: skuIoSummary,
		record: SKUIO_DETAIL,
		summary: {
			vendor: 'skuIo',
			orderId: '77',
			fulfillmentId: '1001',
			status: 'shipped',
			vendorStatus: 'fulfilled',
			items: [
				{ sku: 'WIDGET-001', quantity: 2, itemId: '1' },
				{ sku: 'GADGET-002', quantity: 1, itemId: '2' },
			],
			tracking: [{ carrier: 'UPS Ground', number: '1Z999', url: null }],
			createdAt: '2026-05-01T10:00:00Z',
			updatedAt: '2026-05-02T10:00:00Z',
		},
	},
	{
		case: 'an S2 fulfillment (the document’s example): items by product SKU, tracking from labels',
		summarize: s2FulfillmentSummary,
		record: S2_FULFILLMENT,
		summary: {
			vendor: 's2',
			orderId: 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd',
			fulfillmentId: '295dbfaa-de55-40aa-ad6b-71f059722880',
			status: 'pending',
			vendorStatus: 'CREATED',
			items: [
				{ sku: 'test', quantity: 2, itemId: 'p-1' },
				{ sku: 'SKU-GREY', quantity: 1, itemId: 'p-2' },
			],
			tracking: [{ carrier: 'UPS', number: '1ZLABEL', url: 'https://t.example/1ZLABEL' }],
			createdAt: '2024-06-04T03:16:22.617577Z',
			updatedAt: '2024-06-04T03:31:28.192345Z',
		},
	},
	{
		case: 'the OrderProtection document’s fulfillment: parallel tracking arrays, items without SKU',
		summarize: orderProtectionSummary,
		record: ORDERPROTECTION_FULFILLMENT,
		summary: {
			vendor: 'orderProtection',
			orderId: '5001',
			fulfillmentId: 'fulfillment-123',
			status: 'shipped',
			vendorStatus: 'IN_TRANSIT',
			items: [
				{ sku: null, quantity: 1, itemId: '1478' },
				{ sku: null, quantity: 2, itemId: '1479' },
			],
			tracking: [
				{ carrier: 'FedEx', number: 'AB0303456', url: `${FOLLOW}/AB0303456` },
				{ carrier: 'FedEx', number: 'CD0303457', url: `${FOLLOW}/CD0303457` },
			],
			createdAt: '2024-03-20T12:00:00Z',
			updatedAt: '2024-03-20T12:00:00Z',
		},
	},
];

describe('Normalized summary › one record per vendor', () => {
	it.each(RECORDS)('maps $case', ({ summarize, record, summary }) => {
		const mapped = summarize(record);
		expectShape(mapped);
		expect(mapped).toEqual(summary);
	});
});

/** Statuses a vendor documents, each of which must map to a known summary status. */
const DOCUMENTED_STATUSES: Array<
	[string, readonly string[], (status: string) => FulfillmentSummary]
> = [
	['Sellfern', ORDER_STATUSES, (status) => sellfernSummary({ status })],
	[
		'OrderProtection',
		FULFILLMENT_STATUSES,
		(status) => orderProtectionSummary({ fulfillmentStatus: status }),
	],
];

describe('Normalized summary › documented statuses', () => {
	it.each(DOCUMENTED_STATUSES)(
		'maps every documented %s status to a known one',
		(_vendor, statuses, summarize) => {
			expect(statuses.filter((status) => summarize(status).status === 'unknown')).toEqual([]);
		},
	);
});

describe('Normalized summary › what an answer does not carry', () => {
	it('ShipperOne: unknown items when an action answer did not list them, no tracking when there is none', () => {
		expect(shipperOneSummary({ order_id: 'FO-1' })).toMatchObject({
			items: null,
			tracking: [],
			status: 'unknown',
			vendorStatus: null,
		});
	});

	it('SKU.io: a list row without lines → items unknown; no tracking number → no tracking', () => {
		const summary = skuIoSummary({
			id: 5,
			status: 'unsubmitted',
			sales_order_id: 9,
			tracking_number: null,
		});
		expect(summary).toMatchObject({
			orderId: '9',
			fulfillmentId: '5',
			status: 'pending',
			items: null,
			tracking: [],
		});
	});

	it('OrderProtection: says unknown for what an Update answer does not carry', () => {
		const summary = orderProtectionSummary({
			status: 'ok',
			sourceOrderId: '5001',
			sourceFulfillmentId: 'f',
			fulfillmentStatus: 'DELIVERED',
		});
		expect(summary).toMatchObject({ status: 'delivered', items: null, tracking: null });
	});
});

describe('Normalized summary › S2', () => {
	const fulfillment = S2_FULFILLMENT;

	it('maps an order: fulfillment id only with exactly one fulfillment, tracking of all of them', () => {
		const shipped = {
			...fulfillment,
			id: 'f-2',
			shipments: [{ shippingCarrier: { id: 'DHL' }, trackingNumber: 'JD1', trackingUrl: '' }],
		};
		const order = {
			id: 'o-1',
			status: 'OPEN',
			items: fulfillment.items,
			fulfillments: [fulfillment, shipped],
		};
		const summary = s2OrderSummary(order);
		expectShape(summary);
		expect(summary).toMatchObject({
			orderId: 'o-1',
			fulfillmentId: null,
			status: 'pending',
			vendorStatus: 'OPEN',
		});
		expect(summary.tracking).toEqual([
			{ carrier: 'UPS', number: '1ZLABEL', url: 'https://t.example/1ZLABEL' },
			{ carrier: 'DHL', number: 'JD1', url: null },
		]);
		expect(s2OrderSummary({ ...order, fulfillments: [shipped] }).fulfillmentId).toBe('f-2');
	});

	it('lists a tracking number once, whatever the case of its carrier on shipment and label', () => {
		const summary = s2FulfillmentSummary({
			...fulfillment,
			shipments: [
				{
					shippingCarrier: { id: 'OTHER', name: 'Other' },
					trackingNumber: 'TRK123',
					trackingUrl: '',
					labels: [
						{ carrier: 'OTHER', trackingNumber: 'TRK123', trackingUrl: 'https://t.example/TRK123' },
						{ carrier: 'UPS', trackingNumber: 'trk123', trackingUrl: '' },
						{ carrier: 'UPS', trackingNumber: '1ZSECOND', trackingUrl: '' },
					],
				},
			],
		});
		expect(summary.tracking).toEqual([
			{ carrier: 'UPS', number: 'TRK123', url: 'https://t.example/TRK123' },
			{ carrier: 'UPS', number: '1ZSECOND', url: null },
		]);
	});

	it.each([
		['CREATED', 'pending'],
		['SHIPPED', 'shipped'],
		['CANCELLED', 'cancelled'],
		['WHATEVER', 'unknown'],
	])('maps %s to %s', (vendorStatus, status) => {
		expect(s2FulfillmentSummary({ ...fulfillment, status: vendorStatus }).status).toBe(status);
	});
});

const sellfernStatus = (status: string) => sellfernSummary({ order_id: 1, status });
const shipperOneStatus = (status: string) => shipperOneSummary({ order_id: 'FO-1', status });
const skuIoStatus = (status: string) => skuIoSummary({ id: 1, status });
const s2Status = (status: string) => s2FulfillmentSummary({ id: 'f-1', orderId: 'o-1', status });
const orderProtectionStatus = (status: string) =>
	orderProtectionSummary({ sourceOrderId: '5001', fulfillmentStatus: status });

/** Each vendor's status words and the summary status they map to, in one table. */
const STATUS_WORDS: Array<[string, string, string, (status: string) => { status: string }]> = [
	['Sellfern', 'Pending Cost', 'pending', sellfernStatus],
	['Sellfern', 'New', 'pending', sellfernStatus],
	['Sellfern', 'In Production', 'processing', sellfernStatus],
	['Sellfern', 'Shipped', 'shipped', sellfernStatus],
	['Sellfern', 'Complete', 'delivered', sellfernStatus],
	['Sellfern', 'Cancelled', 'cancelled', sellfernStatus],
	['ShipperOne', 'pending_accept', 'pending', shipperOneStatus],
	['ShipperOne', 'partially_accepted', 'processing', shipperOneStatus],
	['ShipperOne', 'pending_allocation', 'processing', shipperOneStatus],
	['ShipperOne', 'pending_shipment', 'processing', shipperOneStatus],
	['ShipperOne', 'partially_shipped', 'partially_shipped', shipperOneStatus],
	['ShipperOne', 'pending_invoice', 'shipped', shipperOneStatus],
	['ShipperOne', 'rejected', 'cancelled', shipperOneStatus],
	['ShipperOne', 'failed', 'failed', shipperOneStatus],
	['ShipperOne', 'something_new', 'unknown', shipperOneStatus],
	['SKU.io', 'unsubmitted', 'pending', skuIoStatus],
	['SKU.io', 'submitted', 'processing', skuIoStatus],
	['SKU.io', 'fulfilled', 'shipped', skuIoStatus],
	['SKU.io', 'canceled', 'cancelled', skuIoStatus],
	['S2', 'CREATED', 'pending', s2Status],
	['S2', 'SHIPPED', 'shipped', s2Status],
	['S2', 'CANCELLED', 'cancelled', s2Status],
	['S2', 'WHATEVER', 'unknown', s2Status],
	['OrderProtection', 'UNFULFILLED', 'pending', orderProtectionStatus],
	['OrderProtection', 'ON_HOLD', 'pending', orderProtectionStatus],
	['OrderProtection', 'AWAITING_SHIPMENT', 'processing', orderProtectionStatus],
	['OrderProtection', 'LABEL_PURCHASED', 'processing', orderProtectionStatus],
	['OrderProtection', 'PARTIALLY_FULFILLED', 'partially_shipped', orderProtectionStatus],
	['OrderProtection', 'FULFILLED', 'shipped', orderProtectionStatus],
	['OrderProtection', 'Fulfilled', 'shipped', orderProtectionStatus],
	['OrderProtection', 'OUT_FOR_DELIVERY', 'shipped', orderProtectionStatus],
	['OrderProtection', 'DELIVERED', 'delivered', orderProtectionStatus],
	['OrderProtection', 'PICKED_UP', 'delivered', orderProtectionStatus],
	['OrderProtection', 'FAILURE', 'failed', orderProtectionStatus],
	['OrderProtection', 'NOT_DELIVERED', 'failed', orderProtectionStatus],
];

describe('Normalized summary › status words', () => {
	it.each(STATUS_WORDS)('%s maps %s to %s', (_vendor, vendorStatus, status, summarize) => {
		expect(summarize(vendorStatus).status).toBe(status);
	});
});
