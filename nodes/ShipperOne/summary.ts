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

/** The lifecycle of shipperone-fulfillment-partner.txt and VENDOR-FACTS.md, order and item statuses. */
const STATUSES: Record<string, SummaryStatus> = {
	pending_accept: 'pending',
	partially_accepted: 'processing',
	accepted: 'processing',
	pending_allocation: 'processing',
	pending_shipment: 'processing',
	partially_shipped: 'partially_shipped',
	shipped: 'shipped',
	pending_invoice: 'shipped',
	invoiced: 'shipped',
	complete: 'shipped',
	rejected: 'cancelled',
	canceled: 'cancelled',
	cancelled: 'cancelled',
	failed: 'failed',
};

const first = (entry: IDataObject, fields: string[]) =>
	fields
		.map((field) => entry[field])
		.find((value) => value !== undefined && value !== null && value !== '');

/**
 * A fulfillment order ("FO-…") is both the order the partner sees and the fulfillment: its
 * `order_id` is the order ID and the fulfillment ID.
 */
export function shipperOneSummary(order: IDataObject): FulfillmentSummary {
	const id = text(order.order_id);
	return {
		vendor: 'shipperOne',
		orderId: id,
		fulfillmentId: id,
		...mapStatus(STATUSES, order.status),
		items: Array.isArray(order.items)
			? listOf(order.items).map((item) => ({
					sku: text(item.sku),
					quantity: quantity(first(item, ['qty_ordered', 'qty', 'quantity'])),
					itemId: text(first(item, ['item_id', 'id'])),
				}))
			: null,
		tracking: distinctTracking(
			listOf(order.tracks).map((track) => ({
				carrier: text(track.carrier_code) ?? text(track.title),
				number: text(track.track_number),
				url: null,
			})),
		),
		createdAt: text(order.created_at),
		updatedAt: text(order.updated_at),
	};
}
