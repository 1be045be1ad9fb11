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
