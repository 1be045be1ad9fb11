/** SKU.io's sales order fulfillments (shipments) and what hangs off them, as the sandbox keeps them. */

export const STATUSES = ['unsubmitted', 'submitted', 'fulfilled', 'canceled'] as const;
export type FulfillmentStatus = (typeof STATUSES)[number];

export const FULFILLMENT_TYPES = [
	'manual',
	'shipstation',
	'starshipit',
	'shipfusion',
	'shiphero',
	'trackstar',
	'veracore',
	'fba',
] as const;
export type FulfillmentType = (typeof FULFILLMENT_TYPES)[number];

export type ProviderAction =
	| 'resync-to-provider'
	| 'resync-from-provider'
	| 'cancel-provider-order';

/** Which providers support which action, per skuio-fulfillments.txt ("update-capable" read as Shipfusion and ShipHero). */
export const PROVIDER_SUPPORT: Record<ProviderAction, readonly FulfillmentType[]> = {
	'resync-to-provider': ['shipfusion', 'shiphero'],
	'resync-from-provider': [
		'shipstation',
		'starshipit',
		'shipfusion',
		'shiphero',
		'trackstar',
		'veracore',
	],
	'cancel-provider-order': ['fba', 'shipfusion', 'shiphero', 'trackstar', 'veracore'],
};

export const PROVIDER_NAMES: Record<FulfillmentType, string> = {
	manual: 'Manual',
	shipstation: 'ShipStation',
	starshipit: 'Starshipit',
	shipfusion: 'Shipfusion',
	shiphero: 'ShipHero',
	trackstar: 'Trackstar',
	veracore: 'Veracore',
	fba: 'Amazon MCF (FBA)',
};

export interface Product {
	id: number;
	sku: string;
	name: string;
	description: string;
	unit_price: number;
	unit_cost: number;
}

export interface FulfillmentLine {
	id: number;
	product_id: number;
	sku: string;
	product_name: string;
	description: string;
	quantity: number;
	/** FIFO cost of goods per unit (not the sale price). */
	unit_cost: number;
	unit_price: number;
}

export interface ProviderOrder {
	provider: FulfillmentType;
	external_id: string;
	status: 'open' | 'shipped' | 'canceled';
	tracking_number: string | null;
	synced_at: string | null;
	sync_count: number;
}

export interface Fulfillment {
	id: number;
	fulfillment_number: string;
	status: FulfillmentStatus;
	fulfillment_type: FulfillmentType;
	sales_order_id: number;
	sales_order_number: string;
	customer_name: string;
	fulfillment_order_id: number;
	warehouse_id: number;
	warehouse_name: string;
	tracking_number: string | null;
	cost: number;
	requested_shipping_method: string;
	requested_shipping_method_manual: string | null;
	fulfillment_shipping_method: string | null;
	fulfillment_shipping_method_manual: string | null;
	fulfilled_at: string | null;
	packing_slip_printed_at: string | null;
	submitted_to_sales_channel_at: string | null;
	archived_at: string | null;
	voided_at: string | null;
	voided_by_user_id: number | null;
	void_reason: string | null;
	created_at: string;
	updated_at: string;
	lines: FulfillmentLine[];
	provider_order: ProviderOrder | null;
}

export interface FulfillmentOrder {
	id: number;
	sales_order_id: number;
	status: 'Open' | 'Closed';
	submission_status: 'Unsubmitted' | 'Submitted';
	/** Units still to fulfil: a shipment uses it, a void gives it back. */
	remaining_quantity: number;
}

export interface Activity {
	id: number;
	fulfillment_id: number;
	subject_type: 'SalesOrderFulfillment' | 'SalesOrderFulfillmentLine';
	subject_id: number;
	event: string;
	description: string;
	causer_name: string;
	properties: Record<string, unknown>;
	created_at: string;
}

export interface InventoryMovement {
	id: number;
	fulfillment_id: number;
	fulfillment_line_id: number;
	product_id: number;
	sku: string;
	product_name: string;
	warehouse_id: number;
	type: 'sale' | 'allocation';
	inventory_status: 'active' | 'allocated';
	quantity: number;
	reference: string;
	reverses_movement_id: number | null;
	reversed_at: string | null;
	created_at: string;
}

export interface BulkVoidJob {
	id: number;
	type: 'bulk_void';
	status: 'completed';
	total: number;
	results: BulkVoidResults;
	created_at: string;
}

export interface BulkVoidResults {
	voided: Array<{ id: number; fulfillment_number: string }>;
	needs_confirmation: Array<{ id: number; fulfillment_number: string; reason: string }>;
	failed: Array<{ id: number; reason: string }>;
}

export const WAREHOUSES = [
	{ id: 1, name: 'Main Warehouse' },
	{ id: 2, name: 'East Coast 3PL' },
];

export const PRODUCTS: Product[] = [
	{
		id: 501,
		sku: 'WIDGET-001',
		name: 'Widget',
		description: 'Blue widget, 10 cm',
		unit_price: 19.99,
		unit_cost: 7.5,
	},
	{
		id: 502,
		sku: 'GADGET-002',
		name: 'Gadget',
		description: 'Gadget with "quotes", and a comma',
		unit_price: 49,
		unit_cost: 21.25,
	},
	{
		id: 503,
		sku: 'DOOHICKEY-003',
		name: 'Doohickey',
		description: 'Doohickey; spare part',
		unit_price: 5.5,
		unit_cost: 1.1,
	},
	{
		id: 504,
		sku: 'GIZMO-004',
		name: 'Gizmo',
		description: 'Gizmo (large)',
		unit_price: 120,
		unit_cost: 64.4,
	},
];

export const CUSTOMERS = [
	'Ada Lovelace',
	'Grace Hopper',
	'Alan Turing',
	'Katherine Johnson',
	'Edsger Dijkstra',
];

/** The sandbox user every token acts as (voided_by_user_id, activity causer). */
export const SANDBOX_USER = { id: 1, name: 'Sandbox User' };

/** The list row: the record without its nested lines and provider order, plus counts. */
export type ListRow = Omit<Fulfillment, 'lines' | 'provider_order'> & {
	items_count: number;
	total_quantity: number;
};

export function listRow(fulfillment: Fulfillment): ListRow {
	const row: Partial<Fulfillment> = { ...fulfillment };
	delete row.lines;
	delete row.provider_order;
	return {
		...(row as Omit<Fulfillment, 'lines' | 'provider_order'>),
		items_count: fulfillment.lines.length,
		total_quantity: fulfillment.lines.reduce((sum, line) => sum + line.quantity, 0),
	};
}
