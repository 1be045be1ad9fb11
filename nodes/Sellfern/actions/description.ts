import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/description';
import * as assignSupplier from './fulfillment/assignSupplier.operation';
import * as getManyQueue from './fulfillmentQueue/getMany.operation';
import * as updateStatus from './order/updateStatus.operation';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fulfillment', value: 'fulfillment' },
			{ name: 'Fulfillment Queue', value: 'fulfillmentQueue' },
			{ name: 'Order', value: 'order' },
		],
		default: 'fulfillmentQueue',
	},
	operationSelector('fulfillmentQueue', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many orders awaiting a fulfillment action',
			action: 'Get many queued orders',
		},
	]),
	operationSelector('fulfillment', [
		{
			name: 'Assign Supplier',
			value: 'assignSupplier',
			description: 'Assign a supplier to orders, in bulk, moving them to In Production',
			action: 'Assign a supplier to orders',
		},
	]),
	operationSelector('order', [
		{
			name: 'Update Status',
			value: 'updateStatus',
			description: 'Set the status of an order',
			action: 'Update the status of an order',
		},
	]),
	...getManyQueue.description,
	...assignSupplier.description,
	...updateStatus.description,
];
