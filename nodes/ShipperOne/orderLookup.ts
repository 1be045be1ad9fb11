import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { validateParameters, z } from '../shared/validation';
import type { ItemLine } from './orderItems';
import { QUEUE_OPTIONS, QUEUE_PAGE_SIZE, readQueuePage, type Queue } from './queue';

/** Order Items left empty (as in a tool call, where `{{ $json.items }}` is nothing): read them from ShipperOne. */
export function itemsNotGiven(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Reads the queue page by page until the order turns up; undefined when it is not queued there. */
export async function findQueuedOrder(
	ctx: IExecuteFunctions,
	queue: Queue,
	orderId: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	for (let page = 1; ; page++) {
		const orders = await readQueuePage(ctx, queue, page, itemIndex);
		const found = orders.find((order) => String(order.order_id) === orderId);
		if (found) return found;
		if (orders.length < QUEUE_PAGE_SIZE) return undefined;
	}
}

/**
 * The order's lines read from the queue it must be in (Pending Accept to accept, Pending Shipment to
 * ship), validated as if they had been given as Order Items.
 */
export async function linesFromQueue(
	ctx: IExecuteFunctions,
	queue: Queue,
	orderId: string,
	schema: z.ZodType<{ lines: ItemLine[] }, z.ZodTypeDef, unknown>,
	itemIndex: number,
): Promise<ItemLine[]> {
	const order = await findQueuedOrder(ctx, queue, orderId, itemIndex);
	const queueName = QUEUE_OPTIONS.find((option) => option.value === queue)?.name ?? queue;
	if (!order) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Order ${orderId} is not in ShipperOne's ${queueName} queue, so its items could not be read [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Order Items was empty, so the node looked the order up in the ${queue} queue. Check the Order ID, or give the items (item_id and quantity) yourself.`,
			},
		);
	}
	return validateParameters(ctx, schema, { lines: order.items }, itemIndex).lines;
}
