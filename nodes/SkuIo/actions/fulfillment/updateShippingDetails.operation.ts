import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { apiRequest } from '../../../shared/transport';
import { forEachWrite } from '../../../shared/items';
import { parameterReader, z } from '../../../shared/validation';
import { explainStatus, fulfillmentPath, readRecord, skuIo } from '../../transport';
import { fulfillmentId, fulfillmentIdProperty } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';
import { concurrencyOption } from '../../../shared/concurrency';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { skuIoSummary } from '../../summary';

const properties: INodeProperties[] = [
	...fulfillmentIdProperty(
		'The ID of the fulfillment (shipment) to correct; it may already be shipped or closed',
	),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Cost',
				name: 'cost',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'The shipping cost of this shipment',
			},
			{
				displayName: 'Tracking Number',
				name: 'trackingNumber',
				type: 'string',
				default: '',
				placeholder: '1Z999AA10123456784',
				description: 'The carrier tracking number',
			},
		],
	},
	optionsCollection([concurrencyOption, summaryOption]),
];

const updateFields = z
	.object({
		trackingNumber: z
			.unknown()
			.transform((value) =>
				typeof value === 'number' && Number.isFinite(value) ? String(value) : value,
			)
			.pipe(
				z
					.string({ invalid_type_error: 'Tracking Number must be text' })
					.trim()
					.min(1, 'Tracking Number must not be empty (leave the field out to keep the current one)')
					.optional(),
			),
		cost: z
			.unknown()
			.transform((value) =>
				typeof value === 'string' && value.trim() !== '' ? Number(value) : value,
			)
			.pipe(
				z
					.number({ invalid_type_error: 'Cost must be a number' })
					.finite('Cost must be a number')
					.nonnegative('Cost must be at least 0')
					.optional(),
			),
	})
	.refine((fields) => fields.trackingNumber !== undefined || fields.cost !== undefined, {
		message: 'Add Tracking Number or Cost under Update Fields',
	});

const UNPROCESSABLE =
	'SKU.io did not accept the shipping details: the tracking number or cost is not valid (a cost must be a number of at least 0). The details list each field and why.';

// Update Fields is read whole: an option the user did not add is not sent, where read on its own it
// would read as its editor default (Cost 0).
const readParameters = parameterReader(
	properties,
	z
		.object({ fulfillmentId, updateFields })
		.transform(({ fulfillmentId, updateFields: { trackingNumber, cost } }) => {
			const body: IDataObject = {};
			if (trackingNumber !== undefined) body.tracking_number = trackingNumber;
			if (cost !== undefined) body.cost = cost;
			return { fulfillmentId, body };
		}),
);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachWrite(this, items, {
		read: (i) => ({ ...readParameters(this, i), addSummary: readAddSummary(this, i) }),
		lane: (params) => String(params.fulfillmentId),
		send: async (i, { fulfillmentId, body, addSummary }) => {
			try {
				const response = await apiRequest(this, skuIo, {
					method: 'PATCH',
					path: fulfillmentPath(fulfillmentId, 'shipping-details'),
					body,
					// Setting the same tracking number and cost again leaves the same state.
					idempotent: true,
					itemIndex: i,
				});
				return summarized(addSummary, skuIoSummary, readRecord(response));
			} catch (error) {
				throw explainStatus(error, 422, UNPROCESSABLE);
			}
		},
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'updateShippingDetails',
	name: 'Update Shipping Details',
	action: 'Update the shipping details of a fulfillment',
	description: 'Correct the tracking number or shipping cost, even after shipping',
	write: true,
	toolDescription:
		'Correct the tracking number or shipping cost of one SKU.io fulfillment (numeric ID such as 1001), even after shipping. Safe to repeat: the same values again leave the same state. Preview Only returns the request without sending it.',
	properties,
	execute,
});
