import type { IDataObject } from 'n8n-workflow';
import { paginate, type Paging } from '../shared/pagination';
import { apiRequest } from '../shared/transport';
import type { ApiContext } from '../shared/types';
import { QUEUE_MAX_PAGE_SIZE, sellfern } from './transport';

export interface QueueFilters {
	status?: string;
	supplierId?: string;
}

interface QueuePage {
	items?: IDataObject[];
	total?: number;
}

/** Reads the fulfillment queue page by page; used by Get Many and by the trigger. */
export async function readQueue(
	ctx: ApiContext,
	filters: QueueFilters,
	paging: Paging,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await paginate(
		async (page, pageSize) => {
			const data = await apiRequest<QueuePage>(ctx, sellfern, {
				method: 'GET',
				path: '/api/v2/fulfillment/queue',
				qs: {
					...(filters.status ? { status: filters.status } : {}),
					...(filters.supplierId ? { supplier_id: filters.supplierId } : {}),
					page,
					page_size: pageSize,
				},
				itemIndex,
			});
			return { items: Array.isArray(data?.items) ? data.items : [], total: data?.total };
		},
		{ ...paging, maxPageSize: QUEUE_MAX_PAGE_SIZE },
	);
}
