import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import { apiRequest } from '../../../shared/transport';
import { fulfillmentPath, readPage, skuIo } from '../../transport';
import { fulfillmentIdProperty, readFulfillmentId } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';

const properties: INodeProperties[] = [
	...fulfillmentIdProperty('The ID of the fulfillment whose line items to get'),
	optionsCollection(),
];

/** One item per line: id, quantity, unit_cost (FIFO cost of goods, not the sale price), sku, product_name, product_id. */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const fulfillmentId = readFulfillmentId(this, i);
		const body = await apiRequest(this, skuIo, {
			method: 'GET',
			path: fulfillmentPath(fulfillmentId, 'line-items'),
			itemIndex: i,
		});
		return readPage(this, body, i).items;
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'getLineItems',
	name: 'Get Line Items',
	action: 'Get the line items of a fulfillment',
	description: 'Get the line items of a fulfillment (SKU, name, quantity, unit cost)',
	toolDescription:
		'List the line items (products, SKUs, quantities) of one SKU.io fulfillment by its numeric ID, such as 1001. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
