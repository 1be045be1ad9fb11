import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../../shared/description';
import { forEachItem } from '../../../shared/itemLoop';
import { encodePath } from '../../../shared/path';
import { apiRequest } from '../../../shared/transport';
import { FULFILLMENTS_PATH, readPage, skuIo } from '../../transport';
import { fulfillmentIdProperty, optionsCollection, readFulfillmentId } from '../common';

const properties: INodeProperties[] = [
	fulfillmentIdProperty('The ID of the fulfillment whose line items to get'),
	optionsCollection(),
];

export const description = showFor('fulfillment', 'getLineItems', properties);

/** One item per line: id, quantity, unit_cost (FIFO cost of goods, not the sale price), sku, product_name, product_id. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const fulfillmentId = readFulfillmentId(this, i);
		const body = await apiRequest(this, skuIo, {
			method: 'GET',
			path: `${FULFILLMENTS_PATH}${encodePath`/${fulfillmentId}/line-items`}`,
			itemIndex: i,
		});
		return readPage(body).items;
	});
}
