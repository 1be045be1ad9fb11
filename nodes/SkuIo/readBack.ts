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

export const isVoided = (record: IDataObject) =>
	typeof record.voided_at === 'string' && record.voided_at !== '';

export const isSubmittedToChannel = (record: IDataObject) =>
	typeof record.submitted_to_sales_channel_at === 'string' &&
	record.submitted_to_sales_channel_at !== '';

/** The status of the fulfillment's order at its shipping provider (open, shipped, canceled), if it has one. */
export function providerOrderStatus(record: IDataObject): string | undefined {
	const orders = record.shipping_provider_orders;
	const first = Array.isArray(orders) ? (orders[0] as IDataObject | undefined) : undefined;
	return typeof first?.status === 'string' ? first.status : undefined;
}
