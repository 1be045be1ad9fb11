import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesSearch, pageFromToken } from '../shared/locator';
import { QUEUE_PAGE_SIZE, readQueuePage, type Queue } from './queue';

/** Ship acts on orders ready to ship; Accept (and anything else) on orders awaiting a decision. */
function queueFor(ctx: ILoadOptionsFunctions): Queue {
	return ctx.getCurrentNodeParameter('operation') === 'ship'
		? 'pending_shipment'
		: 'pending_accept';
}

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
 * Order ID › From List: the orders of the queue the operation acts on, one queue page (100 orders)
 * per list page. The queue has no search parameter: the search box filters each page by order ID,
 * SKU or warehouse.
 */
export async function searchFulfillmentOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageFromToken(this, paginationToken);
	const orders = await readQueuePage(this, queueFor(this), page);
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
