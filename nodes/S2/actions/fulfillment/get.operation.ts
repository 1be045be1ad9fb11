import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { simplifyFulfillment } from '../../simplify';
import { s2FulfillmentSummary } from '../../summary';
import { getRecordExecute, simplifyProperties } from '../../getRecord';
import { defineOperation } from '../../../shared/operations';
import { summaryOption } from '../../../shared/summary';

const properties: INodeProperties[] = [
	{
		displayName: 'Fulfillment ID',
		name: 'fulfillmentId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		placeholder: '295dbfaa-de55-40aa-ad6b-71f059722880',
		description: 'The S2 fulfillment ID, as returned by Create',
	},
	...simplifyProperties(
		'Whether to return a smaller object: IDs, statuses, items as product ID, SKU and quantity, and shipments with their carrier, tracking numbers and labels, instead of the nested product, warehouse and organization records',
	),
	optionsCollection([summaryOption]),
];

const execute = getRecordExecute({
	properties,
	idParameter: 'fulfillmentId',
	idLabel: 'Fulfillment ID',
	collectionPath: '/fulfillment',
	summarize: s2FulfillmentSummary,
	simplify: simplifyFulfillment,
});

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'get',
	name: 'Get',
	action: 'Get a fulfillment',
	description: 'Get a fulfillment with its shipments',
	toolDescription:
		'Get one S2 (Ventmere) fulfillment by its UUID (such as 295dbfaa-de55-40aa-ad6b-71f059722880): status, address, items and shipments with tracking numbers. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
