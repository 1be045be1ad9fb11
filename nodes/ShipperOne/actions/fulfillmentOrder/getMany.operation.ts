import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalDateTime, timeZone } from '../../../shared/dates';
import { returnAllAndLimit, showFor } from '../../../shared/description';
import { forEachItem } from '../../../shared/itemLoop';
import { maxRetriesOption } from '../../../shared/retry';
import { validateParameters, z } from '../../../shared/validation';
import { DATE_FILTER_FORMAT, DATE_FILTER_ZONE_OPTION, QUEUE_OPTIONS, QUEUES, readQueue } from '../../queue';

const properties: INodeProperties[] = [
	{
		displayName: 'Queue',
		name: 'queue',
		type: 'options',
		options: QUEUE_OPTIONS,
		default: 'pending_accept',
		description: 'Which fulfillment order queue to read',
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
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description:
					'Only orders updated at or after this moment. A date without a time zone is read in the workflow’s time zone.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [DATE_FILTER_ZONE_OPTION, maxRetriesOption],
	},
];

export const description = showFor('fulfillmentOrder', 'getAll', properties);

function schemaFor(workflowZone: string) {
	return z.object({
		queue: z.enum(QUEUES, { errorMap: () => ({ message: 'Queue must be Pending Accept, Pending Shipment or Failed' }) }),
		updatedSince: optionalDateTime('Updated Since', workflowZone),
		dateFilterTimeZone: timeZone('Date Filter Time Zone'),
		returnAll: z.boolean(),
		limit: z
			.number({ invalid_type_error: 'Limit must be a number' })
			.int('Limit must be a whole number')
			.positive('Limit must be at least 1'),
	});
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const schema = schemaFor(this.getTimezone());
	return await forEachItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const params = validateParameters(
			this,
			schema,
			{
				queue: this.getNodeParameter('queue', i),
				updatedSince: this.getNodeParameter('filters.updatedSince', i, ''),
				dateFilterTimeZone: this.getNodeParameter('options.dateFilterTimeZone', i, 'UTC'),
				returnAll,
				limit: returnAll ? 1 : this.getNodeParameter('limit', i),
			},
			i,
		);
		const date = params.updatedSince?.setZone(params.dateFilterTimeZone).toFormat(DATE_FILTER_FORMAT);
		return await readQueue(this, params.queue, { date }, { returnAll: params.returnAll, limit: params.limit }, i);
	});
}
