import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/description';
import * as createFulfillment from './fulfillment/create.operation';
import * as getFulfillment from './fulfillment/get.operation';
import * as getOrder from './order/get.operation';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fulfillment', value: 'fulfillment' },
			{ name: 'Order', value: 'order' },
		],
		default: 'fulfillment',
	},
	operationSelector('fulfillment', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a fulfillment for an order, or a standalone one',
			action: 'Create a fulfillment',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a fulfillment with its shipments',
			action: 'Get a fulfillment',
		},
	]),
	operationSelector('order', [
		{
			name: 'Get',
			value: 'get',
			description: 'Get an order with its fulfillments, tracking numbers and labels',
			action: 'Get an order',
		},
	]),
	...createFulfillment.description,
	...getFulfillment.description,
	...getOrder.description,
];
