import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { filtersCollection, optionsCollection } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import { readPaging, returnAllAndLimit } from '../../../shared/pagination';
import { optionalString, parameterReader, z } from '../../../shared/validation';
import { readQueue } from '../../queue';
import { QUEUE_STATUSES } from '../../transport';
import { defineOperation } from '../../../shared/operations';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { sellfernSummary } from '../../summary';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{
				name: 'Any',
				value: 'any',
				description: 'Every order in the queue (New and In Production)',
			},
			{ name: 'In Production', value: 'In Production' },
			{ name: 'New', value: 'New', description: 'Costs assigned, waiting for a supplier' },
		],
		default: 'any',
		description: 'Which queue status to return',
	},
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Supplier ID',
			name: 'supplierId',
			type: 'string',
			default: '',
			placeholder: 'sup_789',
			description: 'Only orders assigned to this supplier',
		},
	]),
	optionsCollection([summaryOption]),
];

const readParameters = parameterReader(
	properties,
	z.object({
		status: z.enum(['any', ...QUEUE_STATUSES], {
			errorMap: () => ({ message: 'Status must be Any, New or In Production' }),
		}),
		supplierId: optionalString(),
	}),
);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const params = readParameters(this, i);
		const paging = readPaging(this, i);
		const addSummary = readAddSummary(this, i);
		const orders = await readQueue(
			this,
			{
				status: params.status === 'any' ? undefined : params.status,
				supplierId: params.supplierId,
			},
			paging,
			i,
		);
		return orders.map((order) => summarized(addSummary, sellfernSummary, order));
	});
}

export const operation = defineOperation({
	resource: 'fulfillmentQueue',
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many queued orders',
	description: 'Get many orders awaiting a fulfillment action',
	toolDescription:
		'List Sellfern orders awaiting a fulfillment action: status New (awaiting a supplier) or In Production (assigned), optionally for one supplier. Returns one item per order with order_id (numeric), status, supplier_id and created_at; the queue lists no line items. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
