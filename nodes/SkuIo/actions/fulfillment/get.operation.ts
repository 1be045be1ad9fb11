import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionsCollection, simplifyProperty } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import { apiRequest } from '../../../shared/transport';
import { booleanFlag, parameterReader, z } from '../../../shared/validation';
import { fulfillmentPath, readRecord, skuIo } from '../../transport';
import { fulfillmentId, fulfillmentIdProperty } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { skuIoSummary } from '../../summary';

const properties: INodeProperties[] = [
	...fulfillmentIdProperty('The ID of the fulfillment (shipment) to get'),
	simplifyProperty(
		"Whether to return only the fulfillment's own fields, leaving out the nested lines, sales order, warehouse, shipping methods and provider orders",
	),
	optionsCollection([summaryOption]),
];

/** The fulfillment's own values: everything that is not a nested object or list. */
function simplified(fulfillment: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fulfillment).filter(([, value]) => value === null || typeof value !== 'object'),
	);
}

const readParameters = parameterReader(
	properties,
	z.object({ fulfillmentId, simplify: booleanFlag('Simplify') }),
);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const { fulfillmentId, simplify } = readParameters(this, i);
		const addSummary = readAddSummary(this, i);
		const body = await apiRequest(this, skuIo, {
			method: 'GET',
			path: fulfillmentPath(fulfillmentId, 'detail'),
			itemIndex: i,
		});
		const fulfillment = readRecord(body);
		return summarized(
			addSummary,
			skuIoSummary,
			simplify ? simplified(fulfillment) : fulfillment,
			fulfillment,
		);
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'get',
	name: 'Get',
	action: 'Get a fulfillment',
	description: 'Get a fulfillment with its lines, sales order, warehouse and provider orders',
	toolDescription:
		'Get one SKU.io fulfillment (shipment) by its numeric ID, such as 1001: status, tracking number, carrier, warehouse, dates; Simplify leaves out nested lines and orders. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
