import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { bracketQuery } from '../../../shared/bracketQuery';
import { filtersCollection, optionsCollection } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import { optionalString, parameterReader, positiveInteger, z } from '../../../shared/validation';
import { readList } from '../../lists';
import { fulfillmentPath } from '../../transport';
import { readPaging, returnAllAndLimit } from '../../../shared/pagination';
import { fulfillmentId, fulfillmentIdProperty } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';

const properties: INodeProperties[] = [
	...fulfillmentIdProperty('The ID of the fulfillment whose inventory movements to get'),
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Inventory Status',
			name: 'inventoryStatus',
			type: 'string',
			default: '',
			placeholder: 'available',
			description: 'Only movements with exactly this inventory status',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'WIDGET-001',
			description:
				'Only movements whose product SKU or name, movement ID or reference contain this text',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'string',
			default: '',
			placeholder: 'sale',
			description: 'Only movements of exactly this type',
		},
		{
			displayName: 'Warehouse ID',
			name: 'warehouseId',
			type: 'string',
			default: '',
			placeholder: '1',
			description: 'Only movements in this warehouse',
		},
	]),
	optionsCollection(),
];

const readParameters = parameterReader(
	properties,
	z.object({
		fulfillmentId,
		type: optionalString(),
		inventoryStatus: optionalString(),
		warehouseId: z.preprocess(
			(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
			positiveInteger('Warehouse ID').optional(),
		),
		search: optionalString(),
	}),
);

/** One item per inventory movement of the fulfillment or its lines (a void adds reversing movements). */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const { fulfillmentId, ...filters } = readParameters(this, i);
		const paging = readPaging(this, i);
		return await readList(
			this,
			fulfillmentPath(fulfillmentId, 'inventory-movements'),
			bracketQuery({
				filter: {
					type: filters.type,
					inventory_status: filters.inventoryStatus,
					warehouse_id: filters.warehouseId,
					search: filters.search,
				},
			}),
			paging,
			i,
		);
	});
}

export const operation = defineOperation({
	resource: 'history',
	value: 'getInventoryMovements',
	name: 'Get Inventory Movements',
	action: 'Get the inventory movements of a fulfillment',
	description: 'Get the inventory movements of a fulfillment and its lines',
	toolDescription:
		'Read SKU.io inventory movements (stock in and out per product and warehouse), filtered by status, type, warehouse or a search such as a SKU. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
