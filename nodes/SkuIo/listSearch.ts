import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { bracketQuery } from '../shared/bracketQuery';
import { pageFromToken } from '../shared/locator';
import { apiRequest } from '../shared/transport';
import { FULFILLMENTS_PATH, readPage, skuIo } from './transport';

const PAGE_SIZE = 50;

/** The columns the search box looks in, through the list's documented `filter_groups` tree. */
const SEARCH_COLUMNS = ['fulfillment_number', 'sales_order_number', 'tracking_number'];

function searchQuery(filter: string | undefined) {
	const needle = filter?.trim();
	if (!needle) return {};
	return bracketQuery({
		filter_groups: {
			conjunction: 'or',
			children: SEARCH_COLUMNS.map((column) => ({
				type: 'condition',
				condition: { column, operator: 'contains', value: needle },
			})),
		},
	});
}

function label(fulfillment: IDataObject): string {
	return [
		fulfillment.fulfillment_number ?? `#${String(fulfillment.id)}`,
		fulfillment.status,
		fulfillment.customer_name,
		fulfillment.tracking_number,
	]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.join(' · ');
}

/**
 * Fulfillment ID › From List: fulfillments newest first, 50 a page; the search box finds a
 * fulfillment, sales order or tracking number containing the text.
 */
export async function searchFulfillments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageFromToken(this, paginationToken);
	const body = await apiRequest<unknown>(this, skuIo, {
		method: 'GET',
		path: FULFILLMENTS_PATH,
		qs: { ...searchQuery(filter), sort: '-id', page, per_page: PAGE_SIZE },
	});
	const { items, total } = readPage(this, body);
	const more = total !== undefined ? page * PAGE_SIZE < total : items.length === PAGE_SIZE;
	return {
		results: items
			.filter(
				(fulfillment) => typeof fulfillment.id === 'number' || typeof fulfillment.id === 'string',
			)
			.map((fulfillment) => ({ name: label(fulfillment), value: String(fulfillment.id) })),
		paginationToken: more ? String(page + 1) : undefined,
	};
}
