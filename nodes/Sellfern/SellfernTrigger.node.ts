import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { pollPaging } from '../shared/polling';
import { defineTrigger, POLLING_TRIGGER } from '../shared/trigger';
import { optionalString, z } from '../shared/validation';
import { readQueue } from './queue';
import { sellfernSummary } from './summary';
import { QUEUE_STATUSES } from './transport';

const trigger = defineTrigger({
	item: { one: 'an order', where: 'in the queue' },
	properties: [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'New', value: 'New', description: 'Orders ready for supplier assignment' },
				{
					name: 'In Production',
					value: 'In Production',
					description: 'Orders assigned to a supplier',
				},
			],
			default: 'New',
			description: 'Emit each order when it enters the queue with this status',
		},
		{
			displayName: 'Supplier ID',
			name: 'supplierId',
			type: 'string',
			default: '',
			placeholder: 'sup_789',
			description: 'Only orders of this supplier (useful with In Production)',
		},
	],
	includeExisting: {
		displayName: 'Include Orders Already Queued',
		description:
			'Whether the first poll after activation emits the orders already in the queue, instead of only those that arrive later',
	},
	schema: z.object({
		status: z.enum(QUEUE_STATUSES, {
			errorMap: () => ({ message: 'Status must be New or In Production' }),
		}),
		supplierId: optionalString(),
	}),
	source: (ctx, params) => ({
		// The queue has no "entered at" time, so every poll compares the whole queue with the last one.
		fetch: async ({ sampleSize }) => await readQueue(ctx, params, pollPaging(sampleSize)),
		key: (order) => String(order.order_id),
	}),
	// Another status or supplier is another queue: its orders are not new because the setting changed.
	scope: (params) => JSON.stringify([params.status, params.supplierId ?? '']),
	// The queue is read oldest first while the flow moves orders out of it.
	toleratePageShifts: true,
	summary: sellfernSummary,
});

export class SellfernTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sellfern Trigger',
		name: 'sellfernTrigger',
		icon: { light: 'file:../../icons/sellfern.svg', dark: 'file:../../icons/sellfern.dark.svg' },
		...POLLING_TRIGGER,
		subtitle: '={{"Queue: " + $parameter["status"]}}',
		description:
			'Assign suppliers to Sellfern orders and update their status, and start workflows when an order enters the fulfillment queue',
		defaults: { name: 'Sellfern Trigger' },
		credentials: [{ name: 'sellfernApi', required: true }],
		properties: trigger.properties,
	};

	poll = trigger.poll;
}
