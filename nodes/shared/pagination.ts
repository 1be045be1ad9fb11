import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { booleanFlag, integerAtLeast, parameterReader, z } from './validation';

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

const readPagingParameters = parameterReader(
	returnAllAndLimit(),
	z.object({ returnAll: booleanFlag('Return All'), limit: integerAtLeast('Limit', 1) }),
	{ notRead: { limit: (read) => (read.returnAll === true ? 1 : undefined) } },
);

/** The item's Return All and Limit, checked; Limit is not read when returning all. */
export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Paging {
	return readPagingParameters(ctx, itemIndex);
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

/** Pages asked for at once once the first page has told the total. */
export const PARALLEL_PAGES = 4;

/**
 * The page-number loop the vendors use: asks page after page until the total is reached, an empty
 * page comes back, a short page ends a fixed-size listing, or the limit is reached. When the first
 * page tells the total, the pages still needed are asked a few at a time; results keep page order.
 */
export async function paginate<T>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	options: PaginateOptions,
): Promise<T[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	const pageSize = options.returnAll
		? options.maxPageSize
		: Math.min(options.maxPageSize, Math.max(1, wanted));
	const firstPage = options.firstPage ?? 1;
	const results: T[] = [];
	let seen = 0;
	let total: number | undefined;
	/** Takes one page in; false when it is the last one. */
	const take = ({ items, total: pageTotal }: Page<T>): boolean => {
		if (items.length === 0) return false;
		seen += items.length;
		total = pageTotal;
		for (const item of items) {
			if (results.length >= wanted) return false;
			results.push(item);
		}
		if (results.length >= wanted) return false;
		if (total !== undefined && seen >= total) return false;
		return !(options.fixedPageSize && items.length < options.maxPageSize);
	};

	let page = firstPage;
	let more = take(await fetchPage(page++, pageSize));
	// The total says how many pages are left: ask them in parallel, in groups, and read them in order.
	if (more && total !== undefined) {
		const lastPage = firstPage + Math.ceil(Math.min(total, wanted) / pageSize) - 1;
		while (more && page <= lastPage) {
			const group: number[] = [];
			for (; page <= lastPage && group.length < PARALLEL_PAGES; page++) group.push(page);
			const pages = await Promise.all(
				group.map(async (number) => await fetchPage(number, pageSize)),
			);
			for (const answer of pages) {
				more = take(answer);
				if (!more) break;
			}
		}
	}
	// Without a total (or when it grew while reading), page after page.
	for (let n = page - firstPage; more && n < MAX_PAGES; n++)
		more = take(await fetchPage(page++, pageSize));
	return results;
}
