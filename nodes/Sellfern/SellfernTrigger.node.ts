import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { summarizePoll } from '../shared/summary';
import { sellfernSummary } from './summary';
import { NodeConnectionTypes } from 'n8n-workflow';
import { optionsCollection } from '../shared/description';
import { pollNewItems, pollPaging, reEmitOptions, reEmitSettings } from '../shared/polling';
import { booleanFlag, optionalString, validateParameters, z } from '../shared/validation';
import { readQueue } from './queue';
import { QUEUE_STATUSES } from './transport';

const schema = z.object({
	status: z.enum(QUEUE_STATUSES, {
		errorMap: () => ({ message: 'Status must be New or In Production' }),
	}),
	supplierId: optionalString(),
	emitExisting: booleanFlag('Include Orders Already Queued'),
});

export class SellfernTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sellfern Trigger',
		name: 'sellfernTrigger',
		icon: { light: 'file:../../icons/sellfern.svg', dark: 'file:../../icons/sellfern.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Queue: " + $parameter["status"]}}',
		description:
			'Assign suppliers to Sellfern orders and update their status, and start workflows when an order enters the fulfillment queue',
		defaults: { name: 'Sellfern Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sellfernApi', required: true }],
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
			optionsCollection([
				{
					displayName: 'Include Orders Already Queued',
					name: 'emitExisting',
					type: 'boolean',
					default: false,
					description:
						'Whether the first poll after activation emits the orders already in the queue, instead of only those that arrive later',
				},
				...reEmitOptions('an order', 'in the queue'),
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const params = validateParameters(this, schema, {
			status: this.getNodeParameter('status'),
			supplierId: this.getNodeParameter('supplierId', ''),
			emitExisting: this.getNodeParameter('options.emitExisting', false),
		});
		const reEmit = reEmitSettings(this);
		const filters = { status: params.status, supplierId: params.supplierId };
		const emitted = await pollNewItems(
			this,
			{
				// The queue has no "entered at" time, so every poll compares the whole queue with the last one.
				fetch: async ({ sampleSize }) => await readQueue(this, filters, pollPaging(sampleSize)),
				key: (order) => String(order.order_id),
			},
			{
				emitExisting: params.emitExisting,
				// Another status or supplier is another queue: its orders are not new because the setting changed.
				scope: JSON.stringify([params.status, params.supplierId ?? '']),
				// The queue is read oldest first while the flow moves orders out of it.
				toleratePageShifts: true,
				reEmit,
			},
		);
		// Normalized summary (issue 12), beside each emitted order.
		return summarizePoll(emitted, sellfernSummary);
	}
}
