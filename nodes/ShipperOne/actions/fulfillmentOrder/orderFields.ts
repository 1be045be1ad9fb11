import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemLine } from '../../orderItems';
import { idLocatorProperties } from '../../../shared/locator';
import { isJsonObject } from '../../../shared/validation';

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
export const orderIdProperties = idLocatorProperties(orderIdProperty, {
	searchListMethod: 'searchFulfillmentOrders',
	placeholder: 'FO-000012345',
});

/**
 * The vendor answers with the order's current state; should it answer with anything but an object,
 * the output still says which order and items the call was for.
 */
export function actionResult(body: unknown, orderId: string, lines: ItemLine[]): IDataObject {
	if (isJsonObject(body)) return body;
	return {
		order_id: orderId,
		items: lines as unknown as IDataObject[],
		response: (body ?? null) as IDataObject,
	};
}
