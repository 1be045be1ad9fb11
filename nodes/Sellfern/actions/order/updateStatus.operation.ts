import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { concurrencyOption } from '../../../shared/concurrency';
import { forEachWrite } from '../../../shared/items';
import { idLocatorProperties } from '../../../shared/locator';
import { apiRequest, encodePath } from '../../../shared/transport';
import {
	oneOf,
	optionalString,
	parameterReader,
	positiveInteger,
	z,
} from '../../../shared/validation';
import { ORDER_STATUSES, sellfern } from '../../transport';
import { defineOperation } from '../../../shared/operations';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { sellfernSummary } from '../../summary';

const properties: INodeProperties[] = [
	...idLocatorProperties(
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			required: true,
			default: '={{ $json.order_id }}',
			placeholder: '1042',
			description: 'Numeric Sellfern order ID',
		},
		{
			searchListMethod: 'searchQueuedOrders',
			placeholder: '1042',
			idPattern: {
				regex: '\\s*[1-9]\\d*\\s*',
				errorMessage: 'A Sellfern order ID is a whole number such as 1042',
			},
		},
	),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: ORDER_STATUSES.map((status) => ({ name: status, value: status })),
		default: 'Shipped',
		description: 'The status to set. Shipped moves the order out of the production queue.',
	},
	optionsCollection([
		concurrencyOption,
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			description:
				'Sent as Idempotency-Key: the same key and request within 24 hours return the first result',
		},
		summaryOption,
	]),
];

const readParameters = parameterReader(
	properties,
	z.object({
		orderId: positiveInteger('Order ID'),
		status: oneOf('Status', ORDER_STATUSES),
		idempotencyKey: optionalString('Idempotency Key'),
	}),
);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachWrite(this, items, {
		read: (i) => ({ ...readParameters(this, i), addSummary: readAddSummary(this, i) }),
		lane: (params) => String(params.orderId),
		send: async (i, params) => {
			const order = await apiRequest<IDataObject>(this, sellfern, {
				method: 'PATCH',
				path: encodePath`/api/v2/orders/${params.orderId}/status`,
				body: { status: params.status },
				headers: params.idempotencyKey ? { 'Idempotency-Key': params.idempotencyKey } : undefined,
				// Setting a status is idempotent by nature: sending it twice leaves the same state.
				idempotent: true,
				itemIndex: i,
			});
			return summarized(params.addSummary, sellfernSummary, order);
		},
	});
}

export const operation = defineOperation({
	resource: 'order',
	value: 'updateStatus',
	name: 'Update Status',
	action: 'Update the status of an order',
	description: 'Set the status of an order',
	write: true,
	toolDescription:
		'Set the status of one Sellfern order. Needs: Order ID (numeric, such as 1042) and Status, one of Pending Cost, New, In Production, Shipped, Complete, Cancelled (Shipped after production). Returns the order. Safe to repeat: setting the same status again changes nothing. Preview Only returns the request without sending it.',
	properties,
	execute,
});
