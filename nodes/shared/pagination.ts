import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { booleanFlag, integerAtLeast, validateParameters, z } from './validation';

/** One page as the vendor answered it. */
export interface Page<T> {
	items: T[];
	/** Total number of results over all pages, when the vendor says it. */
	total?: number;
}

/** Return All + Limit, once checked. */
export interface Paging {
	returnAll: boolean;
	/** Max results when not returning all. */
	limit: number;
}

/** Return All + Limit, as every list operation has them. */
export function returnAllAndLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

const pagingSchema = z.object({ returnAll: booleanFlag('Return All'), limit: integerAtLeast('Limit', 1) });

/** The item's Return All and Limit, checked; Limit is not read when returning all. */
export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Paging {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false);
	const limit = returnAll === true ? 1 : ctx.getNodeParameter('limit', itemIndex, 50);
	return validateParameters(ctx, pagingSchema, { returnAll, limit }, itemIndex);
}

export interface PaginateOptions extends Paging {
	/** The largest page the vendor allows (also the page size used to return all). */
	maxPageSize: number;
	/**
	 * The vendor always fills pages to `maxPageSize` (no page size parameter): a shorter page is
	 * then the last one, and no request for the empty page after it is needed.
	 */
	fixedPageSize?: boolean;
	firstPage?: number;
}

/** Far beyond any real queue; stops a vendor that never sends an empty page. */
const MAX_PAGES = 100_000;

/**
 * The page-number loop the vendors use: asks page after page until the total is reached, an empty
 * page comes back, a short page ends a fixed-size listing, or the limit is reached.
 */
export async function paginate<T>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	options: PaginateOptions,
): Promise<T[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	const pageSize = options.returnAll ? options.maxPageSize : Math.min(options.maxPageSize, Math.max(1, wanted));
	const results: T[] = [];
	let seen = 0;
	for (let page = options.firstPage ?? 1, n = 0; n < MAX_PAGES && results.length < wanted; page++, n++) {
		const { items, total } = await fetchPage(page, pageSize);
		if (items.length === 0) break;
		seen += items.length;
		for (const item of items) {
			if (results.length >= wanted) break;
			results.push(item);
		}
		if (total !== undefined && seen >= total) break;
		if (options.fixedPageSize && items.length < options.maxPageSize) break;
	}
	return results;
}
