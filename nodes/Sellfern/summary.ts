import type { IDataObject } from 'n8n-workflow';
import { mapStatus, text, type FulfillmentSummary, type SummaryStatus } from '../shared/summary';

/** The fulfillment statuses of sellfern-fulfillment-api.txt and the order statuses of VENDOR-FACTS.md. */
const STATUSES: Record<string, SummaryStatus> = {
	pending_cost: 'pending',
	new: 'pending',
	in_production: 'processing',
	shipped: 'shipped',
	complete: 'delivered',
	cancelled: 'cancelled',
	canceled: 'cancelled',
};

/** Sellfern's queue and orders say nothing of items or tracking: those stay unknown. */
export function sellfernSummary(order: IDataObject): FulfillmentSummary {
	return {
		vendor: 'sellfern',
		orderId: text(order.order_id) ?? text(order.id),
		fulfillmentId: null,
		...mapStatus(STATUSES, order.status),
		items: null,
		tracking: null,
		createdAt: text(order.created_at),
		updatedAt: text(order.updated_at),
	};
}
