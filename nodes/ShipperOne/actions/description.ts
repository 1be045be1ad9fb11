import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/description';
import * as accept from './fulfillmentOrder/accept.operation';
import * as getMany from './fulfillmentOrder/getMany.operation';
import * as ship from './fulfillmentOrder/ship.operation';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Fulfillment Order', value: 'fulfillmentOrder' }],
		default: 'fulfillmentOrder',
	},
	operationSelector('fulfillmentOrder', [
		{
			name: 'Accept',
			value: 'accept',
			description: 'Accept or reject the items of a fulfillment order (quantity 0 rejects an item)',
			action: 'Accept or reject a fulfillment order',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many fulfillment orders from a queue: pending accept, pending shipment or failed',
			action: 'Get many fulfillment orders',
		},
		{
			name: 'Ship',
			value: 'ship',
			description: 'Report a shipment with its tracking numbers; fewer items make a partial shipment',
			action: 'Ship a fulfillment order',
		},
	]),
	...accept.description,
	...getMany.description,
	...ship.description,
];
