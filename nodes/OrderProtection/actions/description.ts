import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/description';
import * as create from './fulfillment/create.operation';
import * as getMany from './fulfillment/getMany.operation';
import * as update from './fulfillment/update.operation';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Fulfillment', value: 'fulfillment' }],
		default: 'fulfillment',
	},
	operationSelector('fulfillment', [
		{
			name: 'Create',
			value: 'create',
			description: 'Report a fulfillment of an order, with its items and tracking',
			action: 'Create a fulfillment',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the fulfillments of an order',
			action: 'Get many fulfillments',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Set the status of a fulfillment',
			action: 'Update the status of a fulfillment',
		},
	]),
	...create.description,
	...getMany.description,
	...update.description,
];
