import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { simplifyOrder } from '../../simplify';
import { s2OrderSummary } from '../../summary';
import { getRecordExecute, simplifyProperties } from '../../getRecord';
import { defineOperation } from '../../../shared/operations';
import { summaryOption } from '../../../shared/summary';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '={{ $json.orderId }}',
		placeholder: 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd',
		description:
			'The S2 order ID. The order comes with its fulfillments, their shipments, tracking numbers and labels.',
	},
	...simplifyProperties(
		"Whether to return the order's plain fields, a list of all tracking numbers, and its fulfillments in short form (IDs, statuses, items, shipments with carrier, tracking and labels)",
	),
	optionsCollection([summaryOption]),
];

const execute = getRecordExecute({
	properties,
	idParameter: 'orderId',
	idLabel: 'Order ID',
	collectionPath: '/order',
	summarize: s2OrderSummary,
	simplify: simplifyOrder,
});

export const operation = defineOperation({
	resource: 'order',
	value: 'get',
	name: 'Get',
	action: 'Get an order',
	description: 'Get an order with its fulfillments, tracking numbers and labels',
	toolDescription:
		'Get one S2 (Ventmere) order by its UUID (such as ae52b0ab-8f0c-4b11-9c13-c5c221228ecd), with its fulfillments and their tracking. Read-only: changes nothing, safe to repeat.',
	properties,
	execute,
});
