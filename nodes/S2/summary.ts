import type { IDataObject } from 'n8n-workflow';
import {
	distinctTracking,
	listOf,
	mapStatus,
	objectOf,
	quantity,
	text,
	type FulfillmentSummary,
	type SummaryStatus,
	type SummaryTracking,
} from '../shared/summary';

/**
 * The document shows only CREATED (fulfillments, shipments) and OPEN (orders); the rest are S2's
 * other status words as its UI shows them, mapped the same way.
 */
const STATUSES: Record<string, SummaryStatus> = {
	created: 'pending',
	open: 'pending',
	pending: 'pending',
	processing: 'processing',
	in_progress: 'processing',
	partially_shipped: 'partially_shipped',
	shipped: 'shipped',
	delivered: 'delivered',
	closed: 'shipped',
	completed: 'shipped',
	cancelled: 'cancelled',
	canceled: 'cancelled',
	failed: 'failed',
};

const itemsOf = (value: unknown) =>
	Array.isArray(value)
		? listOf(value).map((item) => ({
				sku: text(objectOf(item.product).sku) ?? text(item.sku),
				quantity: quantity(item.quantity),
				itemId: text(objectOf(item.product).id) ?? text(item.productId),
			}))
		: null;

const isGeneric = (carrier: string | null) => carrier === null || /^other$/i.test(carrier);

/**
 * One entry per tracking number (compared ignoring case): S2 keeps a number on the shipment and again
 * on its label, often with the carrier spelt differently ("Other", "OTHER"). The first entry stays;
 * a named carrier or a URL from a repeat fills in what it lacks.
 */
function oncePerNumber(entries: SummaryTracking[]): SummaryTracking[] {
	const byNumber = new Map<string, SummaryTracking>();
	const kept: SummaryTracking[] = [];
	for (const entry of entries) {
		const key = entry.number?.toLowerCase();
		const first = key === undefined ? undefined : byNumber.get(key);
		if (!first) {
			const copy = { ...entry };
			if (key !== undefined) byNumber.set(key, copy);
			kept.push(copy);
			continue;
		}
		if (isGeneric(first.carrier) && !isGeneric(entry.carrier)) first.carrier = entry.carrier;
		first.url ??= entry.url;
	}
	return kept;
}

/** Each shipment's tracking, then each prepaid label's: S2 keeps numbers in both places. */
function trackingOf(fulfillments: IDataObject[]): SummaryTracking[] {
	return oncePerNumber(
		distinctTracking(
			fulfillments
				.flatMap((fulfillment) =>
					listOf(fulfillment.shipments).flatMap((shipment) => {
						const carrier = objectOf(shipment.shippingCarrier);
						return [
							{
								carrier: text(carrier.name) ?? text(carrier.id),
								number: text(shipment.trackingNumber),
								url: text(shipment.trackingUrl),
							},
							...listOf(shipment.labels).map((label) => ({
								carrier: text(label.carrier) ?? text(carrier.name) ?? text(carrier.id),
								number: text(label.trackingNumber),
								url: text(label.trackingUrl),
							})),
						];
					}),
				)
				.filter((entry) => entry.number !== null || entry.url !== null),
		),
	);
}

/** A fulfillment (Get, Create): its own ID, and the order it belongs to when it has one. */
export function s2FulfillmentSummary(fulfillment: IDataObject): FulfillmentSummary {
	return {
		vendor: 's2',
		orderId: text(fulfillment.orderId) ?? text(objectOf(fulfillment.order).id),
		fulfillmentId: text(fulfillment.id),
		...mapStatus(STATUSES, fulfillment.status),
		items: itemsOf(fulfillment.items),
		tracking: trackingOf([fulfillment]),
		createdAt: text(fulfillment.createdAt),
		updatedAt: text(fulfillment.updatedAt),
	};
}

/** An order (Order › Get): the fulfillment ID only when the order has exactly one fulfillment. */
export function s2OrderSummary(order: IDataObject): FulfillmentSummary {
	const fulfillments = listOf(order.fulfillments);
	return {
		vendor: 's2',
		orderId: text(order.id),
		fulfillmentId: fulfillments.length === 1 ? text(fulfillments[0].id) : null,
		...mapStatus(STATUSES, order.status),
		items: itemsOf(order.items),
		tracking: trackingOf(fulfillments),
		createdAt: text(order.createdAt),
		updatedAt: text(order.updatedAt),
	};
}
