import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { isJsonObject, z } from '../shared/validation';
import { paginate, type Paging } from '../shared/pagination';
import { apiRequest, encodePath } from '../shared/transport';
import type { ApiContext } from '../shared/types';
import { shipperOne } from './transport';

const QUEUES = ['pending_accept', 'pending_shipment', 'failed'] as const;
export type Queue = (typeof QUEUES)[number];

export const queueSchema = z.enum(QUEUES, {
	errorMap: () => ({ message: 'Queue must be Pending Accept, Pending Shipment or Failed' }),
});

export const QUEUE_OPTIONS: Array<INodePropertyOptions & { value: Queue }> = [
	{
		name: 'Pending Accept',
		value: 'pending_accept',
		description: 'Orders awaiting your accept/reject decision',
	},
	{
		name: 'Pending Shipment',
		value: 'pending_shipment',
		description: 'Accepted orders the ERP allocated, ready to ship',
	},
	{
		name: 'Failed',
		value: 'failed',
		description: 'Read-only: orders that fell out of the active flow',
	},
];

/** "Page size is fixed at 100. Iterate until you receive an empty array." */
export const QUEUE_PAGE_SIZE = 100;

/** The `date` filter's format: "yyyy-mm-dd hh:mm:ss". */
export const DATE_FILTER_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export const DATE_FILTER_ZONE_OPTION: INodeProperties = {
	displayName: 'Date Filter Time Zone',
	name: 'dateFilterTimeZone',
	type: 'string',
	default: 'UTC',
	placeholder: 'Europe/Berlin',
	description:
		'The time zone ShipperOne reads the date filter in. Its document does not say; Magento-based systems keep update times in UTC.',
};

/** The document shows a bare array; a Magento search result (`{items: […]}`) is read as well. */
function ordersOf(ctx: ApiContext, queue: Queue, body: unknown, itemIndex?: number): IDataObject[] {
	const list = Array.isArray(body) ? body : (body as IDataObject | undefined)?.items;
	if (Array.isArray(list) && list.every(isJsonObject)) {
		return list;
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`ShipperOne answered the ${queue} queue with something other than a list of orders`,
		{
			itemIndex,
			description: `Received: ${JSON.stringify(body)?.slice(0, 300)}`,
		},
	);
}

/**
 * Reads one queue page by page (used by Get Many and the trigger). The page size is fixed, so a page
 * of fewer than 100 orders is the last one; a listing that ends exactly on a page boundary ends at
 * the empty page the document describes.
 */
export async function readQueue(
	ctx: ApiContext,
	queue: Queue,
	filters: { date?: string },
	paging: Paging,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await paginate(
		async (page) => ({ items: await readQueuePage(ctx, queue, page, itemIndex, filters) }),
		{ ...paging, maxPageSize: QUEUE_PAGE_SIZE, fixedPageSize: true },
	);
}

/** One page (up to 100 orders) of a queue; the list search of Order ID reads page by page. */
export async function readQueuePage(
	ctx: ApiContext,
	queue: Queue,
	page: number,
	itemIndex?: number,
	filters: { date?: string } = {},
): Promise<IDataObject[]> {
	const body = await apiRequest<unknown>(ctx, shipperOne, {
		method: 'GET',
		path: encodePath`/V1/fulfillmentOrders/${queue}`,
		qs: { page, ...(filters.date ? { date: filters.date } : {}) },
		itemIndex,
	});
	return ordersOf(ctx, queue, body, itemIndex);
}
