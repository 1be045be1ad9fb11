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
} from '../shared/summary';

/** SKU.io fulfillment statuses (the list filter's and the void page's). */
const STATUSES: Record<string, SummaryStatus> = {
	unsubmitted: 'pending',
	submitted: 'processing',
	fulfilled: 'shipped',
	shipped: 'shipped',
	canceled: 'cancelled',
	cancelled: 'cancelled',
};

/**
 * A list row or a detail. List rows carry no lines (items stay unknown, Get has them); the carrier
 * is the fulfillment shipping method, the closest SKU.io says.
 */
export function skuIoSummary(fulfillment: IDataObject): FulfillmentSummary {
	const salesOrder = objectOf(fulfillment.sales_order);
	const method =
		text(fulfillment.fulfillment_shipping_method) ??
		text(fulfillment.fulfillment_shipping_method_manual) ??
		text(objectOf(fulfillment.shipping_methods).fulfillment);
	const numbers = [
		text(fulfillment.tracking_number),
		...listOf(fulfillment.shipping_provider_orders).map((order) => text(order.tracking_number)),
	].filter((number) => number !== null);
	return {
		vendor: 'skuIo',
		orderId: text(fulfillment.sales_order_id) ?? text(salesOrder.id),
		fulfillmentId: text(fulfillment.id),
		...mapStatus(STATUSES, fulfillment.status),
		items: Array.isArray(fulfillment.lines)
			? listOf(fulfillment.lines).map((line) => ({
					sku: text(line.sku) ?? text(objectOf(line.product).sku),
					quantity: quantity(line.quantity),
					itemId: text(line.id),
				}))
			: null,
		tracking: distinctTracking(numbers.map((number) => ({ carrier: method, number, url: null }))),
		createdAt: text(fulfillment.created_at),
		updatedAt: text(fulfillment.updated_at),
	};
}
