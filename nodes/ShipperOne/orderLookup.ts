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

const queueName = (queue: Queue) =>
	QUEUE_OPTIONS.find((option) => option.value === queue)?.name ?? queue;

/**
 * The order's lines read from the queue it must be in (Pending Accept to accept, Pending Shipment to
 * ship), validated as if they had been given as Order Items. When it is not there, `repeatQueues` are
 * read next: an order found there was already acted on, and re-sending the same action with its items
 * makes ShipperOne answer with the order's current state (its guide: a re-sent decision is a no-op).
 */
export async function linesFromQueue(
	ctx: IExecuteFunctions,
	queue: Queue,
	orderId: string,
	schema: z.ZodType<{ lines: ItemLine[] }, z.ZodTypeDef, unknown>,
	itemIndex: number,
	repeatQueues: Queue[] = [],
): Promise<{ lines: ItemLine[]; queue: Queue }> {
	for (const where of [queue, ...repeatQueues]) {
		const order = await findQueuedOrder(ctx, where, orderId, itemIndex);
		if (order)
			return {
				lines: validateParameters(ctx, schema, { lines: order.items }, itemIndex).lines,
				queue: where,
			};
	}
	const failed = await findQueuedOrder(ctx, 'failed', orderId, itemIndex);
	if (failed) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Order ${orderId} is in ShipperOne's Failed queue, not in its ${queueName(queue)} queue [item ${itemIndex}]`,
			{
				itemIndex,
				description: `ShipperOne moved the order out of the active flow${typeof failed.failure_reason === 'string' ? ` (${failed.failure_reason})` : ''}; it is resolved inside ShipperOne, not through the API. Nothing was sent.`,
			},
		);
	}
	const searched = [queue, ...repeatQueues, 'failed' as const].map(queueName).join(', ');
	throw new NodeOperationError(
		ctx.getNode(),
		`Order ${orderId} is not in ShipperOne's ${queueName(queue)} queue, so its items could not be read [item ${itemIndex}]`,
		{
			itemIndex,
			description: `Order Items was empty, so the node looked the order up in ShipperOne's queues (${searched}) and found it in none; nothing was sent. An order already acted on and now awaiting the ERP (allocation or invoicing) or fully rejected is in none of them: give its items (item_id and quantity) to re-send the same action, and ShipperOne answers with the order's current state. Otherwise check the Order ID.`,
		},
	);
}
