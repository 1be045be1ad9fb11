import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { matchesSearch, pageFromToken } from '../shared/locator';
import { apiRequest } from '../shared/transport';
import { QUEUE_MAX_PAGE_SIZE, sellfern } from './transport';

interface QueuePage {
	items?: unknown;
	total?: unknown;
}

/**
 * Order ID › From List: the orders of the fulfillment queue (New and In Production), the only list
 * Sellfern publishes, 100 a page. The queue has no search parameter: the search box filters each
 * page by order ID, status or supplier.
 */
export async function searchQueuedOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageFromToken(this, paginationToken);
	const data = await apiRequest<QueuePage>(this, sellfern, {
		method: 'GET',
		path: '/api/v2/fulfillment/queue',
		qs: { page, page_size: QUEUE_MAX_PAGE_SIZE },
	});
	const orders = Array.isArray(data?.items) ? (data.items as IDataObject[]) : [];
	const total = typeof data?.total === 'number' ? data.total : undefined;
	const more =
		total !== undefined
			? page * QUEUE_MAX_PAGE_SIZE < total
			: orders.length === QUEUE_MAX_PAGE_SIZE;
	return {
		results: orders
			.filter((order) => typeof order?.order_id === 'number' || typeof order?.order_id === 'string')
			.filter((order) => matchesSearch(filter, [order.order_id, order.status, order.supplier_id]))
			.map((order) => ({
				name: [String(order.order_id), order.status, order.supplier_id, order.created_at]
					.filter((part) => part !== undefined && part !== null && part !== '')
					.join(' · '),
				value: String(order.order_id),
			})),
		paginationToken: more ? String(page + 1) : undefined,
	};
}
