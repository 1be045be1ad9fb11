import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { idLocatorProperties } from '../shared/locator';
import { summarized } from '../shared/summary';
import { apiRequest } from '../shared/transport';
import { isJsonObject, type z } from '../shared/validation';
import { linesFromQueue } from './orderLookup';
import type { ItemLine } from './orderItems';
import type { Queue } from './queue';
import { QUEUE_SEARCH, type ActionQueue } from './listSearch';
import { shipperOneSummary } from './summary';
import { shipperOne } from './transport';

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '={{ $json.order_id }}',
	placeholder: 'FO-000012345',
	description: 'The fulfillment order ID (order_id), by default that of the input order',
};

/** Order ID: a text field in version 1; from 1.1 also picked from the queue the operation acts on. */
export function orderIdProperties(queue: ActionQueue): INodeProperties[] {
	return idLocatorProperties(orderIdProperty, {
		searchListMethod: QUEUE_SEARCH[queue],
		placeholder: 'FO-000012345',
	});
}

/**
 * The vendor answers with the order's current state; should it answer with anything but an object,
 * the output still says which order and items the call was for.
 */
function actionResult(body: unknown, orderId: string, lines: ItemLine[]): IDataObject {
	if (isJsonObject(body)) return body;
	return {
		order_id: orderId,
		items: lines as unknown as IDataObject[],
		response: (body ?? null) as IDataObject,
	};
}

export interface OrderActionParameters {
	orderId: string;
	/** Undefined when Order Items was left empty: the order's items are then read from the queue. */
	lines?: ItemLine[];
	addSummary: boolean;
}

export interface OrderAction {
	path: string;
	/** The queue the order must be in, where its items are read when none were given. */
	queue: Queue;
	schema: z.ZodType<{ lines: ItemLine[] }, z.ZodTypeDef, unknown>;
	/**
	 * Queues read next when the order is not in `queue` (accept: Pending Shipment, where an accepted
	 * order goes): the action is re-sent with the items found there and ShipperOne answers with the
	 * order's current state.
	 */
	repeatQueues?: Queue[];
	/** Said in the output when the items were read from a queue (by the queue they came from). */
	readFrom: Partial<Record<Queue, string>>;
	body(lines: ItemLine[]): IDataObject;
}

/** Accept and Ship: one POST per order, the answer (with its normalized summary) as the item's output. */
export async function sendOrderAction(
	ctx: IExecuteFunctions,
	params: OrderActionParameters,
	action: OrderAction,
	itemIndex: number,
): Promise<IDataObject> {
	const found = params.lines
		? undefined
		: await linesFromQueue(
				ctx,
				action.queue,
				params.orderId,
				action.schema,
				itemIndex,
				action.repeatQueues,
			);
	const lines = params.lines ?? found!.lines;
	const answer = await apiRequest<unknown>(ctx, shipperOne, {
		method: 'POST',
		path: action.path,
		body: action.body(lines),
		// Re-sending an applied decision or shipment returns the order's current state: safe to retry.
		idempotent: true,
		itemIndex,
	});
	const result = summarized(
		params.addSummary,
		shipperOneSummary,
		actionResult(answer, params.orderId, lines),
	);
	return found ? { ...result, itemsReadFrom: action.readFrom[found.queue] } : result;
}
