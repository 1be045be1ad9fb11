import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { matchesSearch } from '../shared/locator';
import { apiRequest, encodePath } from '../shared/transport';
import { isJsonObject } from '../shared/validation';
import { orderProtection } from './transport';

/**
 * Source Fulfillment ID › From List: the fulfillments of the order in Source Order ID, the one list
 * OrderProtection publishes (a plain array, not paged). The editor knows the order only when Source
 * Order ID is a fixed value, not an expression.
 */
export async function searchOrderFulfillments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const raw = this.getCurrentNodeParameter('sourceOrderId');
	const sourceOrderId =
		typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
	if (sourceOrderId === '' || sourceOrderId.startsWith('=')) {
		throw new NodeOperationError(
			this.getNode(),
			'To list its fulfillments, set Source Order ID to a fixed order ID (not an expression)',
		);
	}
	const response = await apiRequest<unknown>(this, orderProtection, {
		method: 'GET',
		path: encodePath`/v1/orders/${sourceOrderId}/fulfillments`,
	});
	if (response !== undefined && response !== null && response !== '' && !Array.isArray(response)) {
		throw new NodeOperationError(
			this.getNode(),
			'OrderProtection answered with something other than a list of fulfillments',
			{
				description: `Received: ${JSON.stringify(response)?.slice(0, 300)}`,
			},
		);
	}
	const fulfillments = (Array.isArray(response) ? response : []).filter(
		isJsonObject,
	) as IDataObject[];
	return {
		results: fulfillments
			.filter(
				(fulfillment) =>
					typeof fulfillment.sourceFulfillmentId === 'string' &&
					fulfillment.sourceFulfillmentId !== '',
			)
			.filter((fulfillment) =>
				matchesSearch(filter, [
					fulfillment.sourceFulfillmentId,
					fulfillment.fulfillmentStatus,
					fulfillment.trackingCompany,
				]),
			)
			.map((fulfillment) => ({
				name: [
					fulfillment.sourceFulfillmentId,
					fulfillment.fulfillmentStatus,
					fulfillment.trackingCompany,
				]
					.filter((part) => typeof part === 'string' && part !== '')
					.join(' · '),
				value: fulfillment.sourceFulfillmentId as string,
			})),
	};
}
