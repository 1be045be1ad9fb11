import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { apiRequest, encodePath } from '../shared/transport';
import { organizationHeaders } from './organization';
import { s2 } from './transport';

/** S2's answer to a second fulfillment with the same channelFulfillmentId: 409 ALREADY_EXISTS. */
export function isAlreadyExists(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.httpCode === '409' && error.errorResponse?.code === 'ALREADY_EXISTS';
}

/**
 * The output of a create that S2 refused as a duplicate, under "Return Existing". S2 publishes no
 * search by channelFulfillmentId, so the existing fulfillment can only be found through its order:
 * `GET /order/{orderId}` lists the order's fulfillments. When that is not possible (a standalone
 * fulfillment, an order without it, a failed lookup) the item says what is known.
 */
export async function returnExisting(
	ctx: IExecuteFunctions,
	body: IDataObject,
	error: NodeApiError,
	itemIndex: number,
): Promise<IDataObject> {
	const channelFulfillmentId = body.channelFulfillmentId as string;
	const found = typeof body.orderId === 'string' ? await findOnOrder(ctx, body.orderId, channelFulfillmentId, itemIndex) : undefined;
	if (found) return { ...found, alreadyExists: true };
	return {
		alreadyExists: true,
		channelFulfillmentId,
		...(body.orderId ? { orderId: body.orderId } : {}),
		message: String(error.errorResponse?.message ?? error.message),
	};
}

async function findOnOrder(
	ctx: IExecuteFunctions,
	orderId: string,
	channelFulfillmentId: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const headers = organizationHeaders(ctx, itemIndex);
	try {
		const order = await apiRequest<IDataObject>(ctx, s2, { method: 'GET', path: encodePath`/order/${orderId}`, headers, itemIndex });
		const fulfillments = Array.isArray(order?.fulfillments) ? (order.fulfillments as IDataObject[]) : [];
		const match = fulfillments.find((fulfillment) => fulfillment?.channelFulfillmentId === channelFulfillmentId);
		if (!match || typeof match.id !== 'string') return match;
		// The order may list its fulfillments in short form; the fulfillment itself is the full object.
		return await apiRequest<IDataObject>(ctx, s2, {
			method: 'GET',
			path: encodePath`/fulfillment/${match.id}`,
			headers,
			itemIndex,
		});
	} catch {
		return undefined;
	}
}
