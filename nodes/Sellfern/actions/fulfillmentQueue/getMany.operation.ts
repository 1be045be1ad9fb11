import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, showFor } from '../../../shared/description';
import { forEachItem } from '../../../shared/itemLoop';
import { maxRetriesOption } from '../../../shared/retry';
import { optionalString, validateParameters, z } from '../../../shared/validation';
import { readQueue } from '../../queue';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any', description: 'Every order in the queue (New and In Production)' },
			{ name: 'In Production', value: 'In Production' },
			{ name: 'New', value: 'New', description: 'Costs assigned, waiting for a supplier' },
		],
		default: 'any',
		description: 'Which queue status to return',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Supplier ID',
				name: 'supplierId',
				type: 'string',
				default: '',
				placeholder: 'sup_789',
				description: 'Only orders assigned to this supplier',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxRetriesOption],
	},
];

export const description = showFor('fulfillmentQueue', 'getAll', properties);

const schema = z.object({
	status: z.enum(['any', 'New', 'In Production'], {
		errorMap: () => ({ message: 'Status must be Any, New or In Production' }),
	}),
	supplierId: optionalString(),
	returnAll: z.boolean(),
	limit: z.number({ invalid_type_error: 'Limit must be a number' }).int('Limit must be a whole number').positive('Limit must be at least 1'),
});

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const params = validateParameters(
			this,
			schema,
			{
				status: this.getNodeParameter('status', i),
				supplierId: this.getNodeParameter('filters.supplierId', i, ''),
				returnAll,
				limit: returnAll ? 1 : this.getNodeParameter('limit', i),
			},
			i,
		);
		return await readQueue(
			this,
			{ status: params.status === 'any' ? undefined : params.status, supplierId: params.supplierId },
			{ returnAll: params.returnAll, limit: params.limit },
			i,
		);
	});
}
