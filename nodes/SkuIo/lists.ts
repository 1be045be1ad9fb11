import type { IDataObject } from 'n8n-workflow';
import { paginate, type Paging } from '../shared/pagination';
import { apiRequest } from '../shared/transport';
import type { ApiContext } from '../shared/types';
import { MAX_PAGE_SIZE, readPage, skuIo } from './transport';

type Query = Record<string, string | number | boolean>;

/** One page of a SKU.io list (`page`, `per_page`). */
async function fetchPage(
	ctx: ApiContext,
	path: string,
	qs: Query,
	page: number,
	perPage: number,
	itemIndex?: number,
) {
	const body = await apiRequest(ctx, skuIo, {
		method: 'GET',
		path,
		qs: { ...qs, page, per_page: perPage },
		itemIndex,
	});
	return readPage(ctx, body, itemIndex);
}

/** Reads a paginated SKU.io list (fulfillments, activity log, inventory movements). */
export async function readList(
	ctx: ApiContext,
	path: string,
	qs: Query,
	paging: Paging,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await paginate(
		async (page, perPage) => await fetchPage(ctx, path, qs, page, perPage, itemIndex),
		{
			...paging,
			maxPageSize: MAX_PAGE_SIZE,
		},
	);
}

/**
 * Reads a list sorted newest first, page by page, and stops at the first item `isOlder` rejects:
 * what a poll needs when only items past its cursor matter.
 */
export async function readNewerThan(
	ctx: ApiContext,
	path: string,
	qs: Query,
	isOlder: (item: IDataObject) => boolean,
	paging: Paging,
): Promise<IDataObject[]> {
	let reachedOlder = false;
	return await paginate(
		async (page, perPage) => {
			if (reachedOlder) return { items: [] };
			const { items, total } = await fetchPage(ctx, path, qs, page, perPage);
			const olderAt = items.findIndex(isOlder);
			if (olderAt >= 0) reachedOlder = true;
			return { items: olderAt >= 0 ? items.slice(0, olderAt) : items, total };
		},
		{ ...paging, maxPageSize: MAX_PAGE_SIZE },
	);
}
