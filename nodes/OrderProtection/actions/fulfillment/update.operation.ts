import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { idLocatorProperties } from '../../../shared/locator';
import { apiRequest, encodePath } from '../../../shared/transport';
import { forEachWrite } from '../../../shared/items';
import { parameterReader, pathId, z } from '../../../shared/validation';
import { sourceOrderId, sourceOrderIdProperty } from '../../fields';
import { fulfillmentOutput } from '../../fulfillmentOutput';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { orderProtectionSummary } from '../../summary';
import { fulfillmentStatus, statusOptions } from '../../status';
import { orderProtection } from '../../transport';
import { defineOperation } from '../../../shared/operations';
import { concurrencyOption } from '../../../shared/concurrency';

const properties: INodeProperties[] = [
	sourceOrderIdProperty("The order's ID in your store platform", {
		default: '={{ $json.sourceOrderId }}',
		placeholder: undefined,
	}),
	...idLocatorProperties(
		{
			displayName: 'Source Fulfillment ID',
			name: 'sourceFulfillmentId',
			type: 'string',
			required: true,
			default: '={{ $json.sourceFulfillmentId }}',
			description: 'The ID the fulfillment was created with',
		},
		{ searchListMethod: 'searchOrderFulfillments', placeholder: 'fulfillment-123' },
	),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: statusOptions,
		default: 'IN_TRANSIT',
		description:
			'The new fulfillment status, sent in the documented form (e.g. IN_TRANSIT). An expression may give any casing ("In Transit"); it is converted.',
	},
	optionsCollection([concurrencyOption, summaryOption]),
];

const readParameters = parameterReader(
	properties,
	z.object({
		sourceOrderId,
		sourceFulfillmentId: pathId('Source Fulfillment ID'),
		status: fulfillmentStatus('Status'),
	}),
);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachWrite(this, items, {
		read: (i) => ({ ...readParameters(this, i), addSummary: readAddSummary(this, i) }),
		lane: (params) => params.sourceOrderId,
		send: async (i, params) => {
			const response = await apiRequest<unknown>(this, orderProtection, {
				method: 'PUT',
				path: encodePath`/v1/orders/${params.sourceOrderId}/fulfillments/${params.sourceFulfillmentId}`,
				body: { status: params.status },
				itemIndex: i,
			});
			const output = fulfillmentOutput(response, {
				sourceOrderId: params.sourceOrderId,
				sourceFulfillmentId: params.sourceFulfillmentId,
				fulfillmentStatus: params.status,
			});
			return summarized(params.addSummary, orderProtectionSummary, output);
		},
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'update',
	name: 'Update',
	action: 'Update the status of a fulfillment',
	description: 'Set the status of a fulfillment',
	write: true,
	toolDescription:
		'Update the status of a fulfillment already reported to OrderProtection, found by Source Order ID and Source Fulfillment ID. Safe to repeat: the same status again leaves the same state. Preview Only returns the request without sending it.',
	properties,
	execute,
});
