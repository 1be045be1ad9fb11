import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionalDateTime, timeZone } from '../../../shared/dates';
import { filtersCollection, optionsCollection } from '../../../shared/description';
import { forEachItem } from '../../../shared/items';
import { readPaging, returnAllAndLimit } from '../../../shared/pagination';
import { parameterReader, z } from '../../../shared/validation';
import {
	DATE_FILTER_FORMAT,
	DATE_FILTER_ZONE_OPTION,
	QUEUE_OPTIONS,
	queueSchema,
	readQueue,
} from '../../queue';
import { defineOperation } from '../../../shared/operations';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { shipperOneSummary } from '../../summary';

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
	filtersCollection([
		{
			displayName: 'Updated Since',
			name: 'updatedSince',
			type: 'dateTime',
			default: '',
			description:
				'Only orders updated at or after this moment. A date without a time zone is read in the workflow’s time zone.',
		},
	]),
	optionsCollection([DATE_FILTER_ZONE_OPTION, summaryOption]),
];

function schemaFor(workflowZone: string) {
	return z.object({
		queue: queueSchema,
		updatedSince: optionalDateTime('Updated Since', workflowZone),
		dateFilterTimeZone: timeZone('Date Filter Time Zone'),
	});
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// The workflow's time zone is known only when it runs.
	const readParameters = parameterReader(properties, schemaFor(this.getTimezone()));
	return await forEachItem(this, items, async (i) => {
		const params = readParameters(this, i);
		const addSummary = readAddSummary(this, i);
		const date = params.updatedSince
			?.setZone(params.dateFilterTimeZone)
			.toFormat(DATE_FILTER_FORMAT);
		const orders = await readQueue(this, params.queue, { date }, readPaging(this, i), i);
		return orders.map((order) => summarized(addSummary, shipperOneSummary, order));
	});
}

export const operation = defineOperation({
	resource: 'fulfillmentOrder',
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many fulfillment orders',
	description:
		'Get many fulfillment orders from a queue: pending accept, pending shipment or failed',
	toolDescription:
		'List ShipperOne fulfillment orders in a queue: pending_accept (awaiting accept/reject), pending_shipment (accepted, ready to ship) or failed. Returns one item per order with order_id (text such as FO-000012345) and its items (item_id, qty_ordered). Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
