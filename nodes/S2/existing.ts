import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { apiRequest, encodePath } from '../shared/transport';
import { organizationHeaders } from './organization';
import { s2 } from './transport';

/**
 * S2's answer to a second fulfillment with the same channelFulfillmentId: 409 ALREADY_EXISTS. n8n 1.x
 * drops the HTTP response from the errors of its request helpers, so there a 409 arrives without
 * S2's code: it counts as a possible duplicate, which returnExisting must then find on the order.
 */
export function isAlreadyExists(error: unknown): error is NodeApiError {
	if (!(error instanceof NodeApiError) || error.httpCode !== '409') return false;
	const code = error.errorResponse?.code;
	return code === 'ALREADY_EXISTS' || code === undefined;
}

const unconfirmed = (error: NodeApiError) => error.errorResponse?.code === undefined;

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
	const found =
		typeof body.orderId === 'string'
			? await findOnOrder(ctx, body.orderId, channelFulfillmentId, itemIndex)
			: undefined;
	if (found) return { ...found, alreadyExists: true };
	// A 409 without S2's code that the order does not explain is not known to be a duplicate.
	if (unconfirmed(error)) throw error;
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
		const order = await apiRequest<IDataObject>(ctx, s2, {
			method: 'GET',
			path: encodePath`/order/${orderId}`,
			headers,
			itemIndex,
		});
		const fulfillments = Array.isArray(order?.fulfillments)
			? (order.fulfillments as IDataObject[])
			: [];
		const match = fulfillments.find(
			(fulfillment) => fulfillment?.channelFulfillmentId === channelFulfillmentId,
		);
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

/** "productId:quantity" lines sorted, so the same items in any order compare equal. */
function itemsKey(items: unknown): string {
	const lines = Array.isArray(items) ? (items as IDataObject[]) : [];
	return lines
		.map((line) => {
			const product = line.product as IDataObject | undefined;
			return `${String(line.productId ?? product?.id ?? '')}:${Number(line.quantity)}`;
		})
		.sort()
		.join(',');
}

/**
 * Without a Channel Fulfillment ID, S2 has no key to refuse a duplicate with: the order's
 * fulfillments are read instead, and one without a Channel Fulfillment ID, with the same items and
 * address (not canceled) is taken as this create's earlier result. `claimed` holds the fulfillments
 * this node run already created or matched, so two identical items still make two fulfillments.
 * Throws when the order cannot be read.
 */
export async function findMatchingOnOrder(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	claimed: Set<string>,
): Promise<IDataObject | undefined> {
	const order = await apiRequest<IDataObject>(ctx, s2, {
		method: 'GET',
		path: encodePath`/order/${body.orderId as string}`,
		itemIndex,
	});
	if (!Array.isArray(order?.fulfillments))
		throw new Error('S2 listed no fulfillments for the order');
	const wanted = itemsKey(body.items);
	const address = (body.address ?? {}) as IDataObject;
	const candidates = (order.fulfillments as IDataObject[]).filter(
		(fulfillment) =>
			!claimed.has(String(fulfillment?.id)) &&
			!fulfillment?.channelFulfillmentId &&
			!/CANCEL/i.test(String(fulfillment?.status ?? '')),
	);
	// A candidate without the items or address it is matched on is no evidence either way: fail closed.
	if (
		candidates.some(
			(fulfillment) =>
				!Array.isArray(fulfillment.items) ||
				typeof fulfillment.address !== 'object' ||
				fulfillment.address === null,
		)
	)
		throw new Error('S2 listed a fulfillment of the order without its items or address');
	return candidates.find((fulfillment) => {
		const existing = fulfillment.address as IDataObject;
		return (
			itemsKey(fulfillment.items) === wanted &&
			existing.name === address.name &&
			existing.address1 === address.address1 &&
			existing.postalCode === address.postalCode
		);
	});
}
