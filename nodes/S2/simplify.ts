import type { IDataObject } from 'n8n-workflow';

const list = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];
const object = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null ? (value as IDataObject) : {};

/** Only the keys that are present, so an undocumented shape never gains made-up nulls. */
function pick(source: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(
		keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
	);
}

function simplifyShipment(shipment: IDataObject): IDataObject {
	return {
		...pick(shipment, ['id', 'status', 'trackingNumber', 'trackingUrl']),
		carrier: object(shipment.shippingCarrier).id ?? null,
		items: list(shipment.items).map((item) => ({
			productId: object(item.product).id,
			sku: object(item.product).sku,
			quantity: item.quantity,
		})),
		labels: list(shipment.labels).map((label) =>
			pick(label, ['type', 'carrier', 'trackingNumber', 'trackingUrl', 'filePath']),
		),
	};
}

/** A fulfillment without the nested product, warehouse and organization records. */
export function simplifyFulfillment(fulfillment: IDataObject): IDataObject {
	return {
		...pick(fulfillment, [
			'id',
			'status',
			'orderId',
			'channelFulfillmentId',
			'shippingMethod',
			'createdAt',
			'updatedAt',
		]),
		warehouseId: object(fulfillment.warehouse).id ?? null,
		items: list(fulfillment.items).map((item) => ({
			productId: object(item.product).id,
			sku: object(item.product).sku,
			quantity: item.quantity,
		})),
		shipments: list(fulfillment.shipments).map(simplifyShipment),
	};
}

/** Every tracking number of the order's shipments and labels, without duplicates or empty ones. */
function trackingNumbers(fulfillments: IDataObject[]): string[] {
	const numbers = fulfillments.flatMap((fulfillment) =>
		list(fulfillment.shipments).flatMap((shipment) => [
			shipment.trackingNumber,
			...list(shipment.labels).map((label) => label.trackingNumber),
		]),
	);
	return [
		...new Set(
			numbers.filter((number): number is string => typeof number === 'string' && number !== ''),
		),
	];
}

const isScalar = (value: unknown) => typeof value !== 'object' || value === null;
const isPlain = (value: unknown) =>
	isScalar(value) || (Array.isArray(value) && value.every(isScalar));

/** The order's plain fields, its fulfillments simplified, and all tracking numbers in one list. */
export function simplifyOrder(order: IDataObject): IDataObject {
	const fulfillments = list(order.fulfillments);
	const own = Object.fromEntries(Object.entries(order).filter(([, value]) => isPlain(value)));
	return {
		...own,
		trackingNumbers: trackingNumbers(fulfillments),
		fulfillments: fulfillments.map(simplifyFulfillment),
	};
}
