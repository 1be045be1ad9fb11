import type { IDataObject } from 'n8n-workflow';
import {
	distinctTracking,
	listOf,
	mapStatus,
	quantity,
	text,
	type FulfillmentSummary,
	type SummaryStatus,
} from '../shared/summary';

/** The fulfillmentStatus enum of orderprotection-create-fulfillment.txt (plus NOT_DELIVERED). */
const STATUSES: Record<string, SummaryStatus> = {
	unfulfilled: 'pending',
	scheduled: 'pending',
	on_hold: 'pending',
	confirmed: 'processing',
	awaiting_shipment: 'processing',
	label_printed: 'processing',
	label_purchased: 'processing',
	ready_for_pickup: 'processing',
	partially_fulfilled: 'partially_shipped',
	fulfilled: 'shipped',
	carrier_picked_up: 'shipped',
	in_transit: 'shipped',
	out_for_delivery: 'shipped',
	attempted_delivery: 'shipped',
	delayed: 'shipped',
	delivered: 'delivered',
	picked_up: 'delivered',
	failure: 'failed',
	not_delivered: 'failed',
};

const strings = (value: unknown) => (Array.isArray(value) ? value.map(text) : []);

/**
 * A fulfillment as Get Many lists it, or as Create/Update output it (the request's fields beside
 * the answer). Items have no SKU at OrderProtection, only the shop's item ID; trackingNumber[] and
 * trackingUrl[] are parallel lists sharing one trackingCompany.
 */
export function orderProtectionSummary(fulfillment: IDataObject): FulfillmentSummary {
	const numbers = strings(fulfillment.trackingNumber);
	const urls = strings(fulfillment.trackingUrl);
	const carrier = text(fulfillment.trackingCompany);
	return {
		vendor: 'orderProtection',
		orderId: text(fulfillment.sourceOrderId),
		fulfillmentId: text(fulfillment.sourceFulfillmentId),
		...mapStatus(STATUSES, fulfillment.fulfillmentStatus),
		items: Array.isArray(fulfillment.sourceItemIds)
			? listOf(fulfillment.sourceItemIds).map((item) => ({
					sku: null,
					quantity: quantity(item.quantity),
					itemId: text(item.sourceItemId),
				}))
			: null,
		tracking:
			!Array.isArray(fulfillment.trackingNumber) && !Array.isArray(fulfillment.trackingUrl)
				? null
				: distinctTracking(
						Array.from({ length: Math.max(numbers.length, urls.length) }, (_, index) => ({
							carrier,
							number: numbers[index] ?? null,
							url: urls[index] ?? null,
						})),
					),
		createdAt: text(fulfillment.createdAt),
		updatedAt: text(fulfillment.updatedAt),
	};
}
