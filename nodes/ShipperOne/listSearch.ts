import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesSearch, pageFromToken } from '../shared/locator';
import { QUEUE_PAGE_SIZE, readQueuePage, type Queue } from './queue';

function label(order: IDataObject): string {
	const items = Array.isArray(order.items) ? order.items.length : undefined;
	return [
		String(order.order_id),
		items === undefined ? undefined : `${items} item${items === 1 ? '' : 's'}`,
		order.warehouse_code,
		order.updated_at,
	]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.join(' · ');
}

/**
 * Order ID › From List: the orders of the queue the operation acts on (its Order ID names it, see
 * orderIdProperties), one queue page (100 orders) per list page. The queue has no search parameter:
 * the search box filters each page by order ID, SKU or warehouse.
 */
async function searchQueue(
	ctx: ILoadOptionsFunctions,
	queue: Queue,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageFromToken(ctx, paginationToken);
	const orders = await readQueuePage(ctx, queue, page);
	const skus = (order: IDataObject) =>
		Array.isArray(order.items) ? (order.items as IDataObject[]).map((item) => item?.sku) : [];
	return {
		results: orders
			.filter((order) => typeof order.order_id === 'string' || typeof order.order_id === 'number')
			.filter((order) =>
				matchesSearch(filter, [order.order_id, order.warehouse_code, ...skus(order)]),
			)
			.map((order) => ({ name: label(order), value: String(order.order_id) })),
		// A full page may have more behind it; the page after the last full one is empty.
		paginationToken: orders.length >= QUEUE_PAGE_SIZE ? String(page + 1) : undefined,
	};
}

export async function searchPendingAccept(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchQueue(this, 'pending_accept', filter, paginationToken);
}

export async function searchPendingShipment(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchQueue(this, 'pending_shipment', filter, paginationToken);
}

/** The queues an operation picks its order from, and the list search of each. */
export type ActionQueue = Exclude<Queue, 'failed'>;
export const QUEUE_SEARCH: Record<ActionQueue, string> = {
	pending_accept: 'searchPendingAccept',
	pending_shipment: 'searchPendingShipment',
};
