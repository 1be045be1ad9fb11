import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { apiRequest } from '../shared/transport';
import { fulfillmentPath, readRecord, skuIo } from './transport';

/** The fulfillment as SKU.io holds it now (detail view), to tell whether a write took effect. */
export async function readFulfillment(
	ctx: IExecuteFunctions,
	fulfillmentId: number,
	itemIndex: number,
): Promise<IDataObject> {
	const record = readRecord(
		await apiRequest(ctx, skuIo, {
			method: 'GET',
			path: fulfillmentPath(fulfillmentId, 'detail'),
			itemIndex,
		}),
	);
	if (Number(record.id) !== fulfillmentId)
		throw new Error(`SKU.io did not return fulfillment ${fulfillmentId}`);
	return record;
}

/**
 * A timestamp field of the record read as evidence: true when set, false only when the answer carries
 * the field empty (null or ""), undefined when it lacks the field or holds something else. A read-back
 * says "not applied" only on false: an answer without the field is no evidence either way.
 */
function timestampSet(record: IDataObject, field: string): boolean | undefined {
	if (!Object.prototype.hasOwnProperty.call(record, field)) return undefined;
	const value = record[field];
	if (value === null || value === '') return false;
	return typeof value === 'string' ? true : undefined;
}

export const isVoided = (record: IDataObject) => timestampSet(record, 'voided_at');

export const isSubmittedToChannel = (record: IDataObject) =>
	timestampSet(record, 'submitted_to_sales_channel_at');

/**
 * The status of the fulfillment's order at its shipping provider (open, shipped, canceled), if the
 * answer shows one. SKU.io's document does not define `shipping_provider_orders` (the detail view
 * only "includes shipping provider orders"), so a missing list, order or status is no evidence.
 */
export function providerOrderStatus(record: IDataObject): string | undefined {
	const orders = record.shipping_provider_orders;
	const first = Array.isArray(orders) ? (orders[0] as IDataObject | undefined) : undefined;
	return typeof first?.status === 'string' ? first.status : undefined;
}

/** Whether the provider order is canceled: undefined when the answer does not show its status. */
export function isProviderOrderCanceled(record: IDataObject): boolean | undefined {
	const status = providerOrderStatus(record);
	return status === undefined ? undefined : status === 'canceled';
}
