import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../shared/description';
import { operations } from './router';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fulfillment', value: 'fulfillment', description: 'Shipments of sales orders' },
			{
				name: 'Fulfillment History',
				value: 'history',
				description: 'Activity log and inventory movements of a fulfillment',
			},
			{ name: 'Sales Channel', value: 'salesChannel', description: 'Tracking submitted to the sales channel' },
			{ name: 'Shipment Provider', value: 'shipmentProvider', description: 'The fulfillment at its shipping provider' },
		],
		default: 'fulfillment',
	},
	operationSelector('fulfillment', [
		{
			name: 'Bulk Void',
			value: 'bulkVoid',
			description: 'Void many shipments at once, by IDs from the input items or by filters',
			action: 'Bulk void fulfillments',
		},
		{
			name: 'Export',
			value: 'export',
			description: 'Export fulfillments as a CSV or XLSX file',
			action: 'Export fulfillments to a file',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a fulfillment with its lines, sales order, warehouse and provider orders',
			action: 'Get a fulfillment',
		},
		{
			name: 'Get Line Items',
			value: 'getLineItems',
			description: 'Get the line items of a fulfillment (SKU, name, quantity, unit cost)',
			action: 'Get the line items of a fulfillment',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many fulfillments, filtered and sorted',
			action: 'Get many fulfillments',
		},
		{
			name: 'Update Shipping Details',
			value: 'updateShippingDetails',
			description: 'Correct the tracking number or shipping cost, even after shipping',
			action: 'Update the shipping details of a fulfillment',
		},
		{
			name: 'Void',
			value: 'void',
			description: 'Void a shipment: reverse its inventory and reopen its fulfillment order',
			action: 'Void a fulfillment',
		},
	]),
	operationSelector('history', [
		{
			name: 'Get Activity Log',
			value: 'getActivityLog',
			description: 'Get the activity on a fulfillment and its lines',
			action: 'Get the activity log of a fulfillment',
		},
		{
			name: 'Get Inventory Movements',
			value: 'getInventoryMovements',
			description: 'Get the inventory movements of a fulfillment and its lines',
			action: 'Get the inventory movements of a fulfillment',
		},
	]),
	operationSelector('salesChannel', [
		{
			name: 'Clear Submission',
			value: 'clearSubmission',
			description: 'Clear the submission time so the next sync submits the tracking again',
			action: 'Clear the sales channel submission of a fulfillment',
		},
		{
			name: 'Submit Tracking',
			value: 'submit',
			description: 'Submit (or resubmit) the tracking to the sales channel now',
			action: 'Submit a fulfillment to its sales channel',
		},
	]),
	operationSelector('shipmentProvider', [
		{
			name: 'Cancel Provider Order',
			value: 'cancelOrder',
			description: 'Cancel the order at the shipping provider',
			action: 'Cancel the provider order of a fulfillment',
		},
		{
			name: 'Resync From Provider',
			value: 'resyncFrom',
			description: 'Update the fulfillment with the latest tracking and status from its provider',
			action: 'Resync a fulfillment from its provider',
		},
		{
			name: 'Resync to Provider',
			value: 'resyncTo',
			description: 'Send the current line state to the provider again',
			action: 'Resync a fulfillment to its provider',
		},
	]),
	...operations.flatMap((operation) => operation.description),
];
