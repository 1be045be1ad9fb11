import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { apiRequest, encodePath } from '../../../shared/transport';
import { forEachValidatedItem } from '../../../shared/items';
import { booleanFlag, optionalString, validateParameters, z } from '../../../shared/validation';
import { explainStatus, readRecord, skuIo, VOID_PATH } from '../../transport';
import { fulfillmentIdProperty, readFulfillmentId } from '../common';
import { defineOperation } from '../../../shared/operations';

const properties: INodeProperties[] = [
	...fulfillmentIdProperty('The ID of the fulfillment (shipment) to void'),
	{
		displayName: 'Void Reason',
		name: 'voidReason',
		type: 'string',
		default: '',
		placeholder: 'Customer cancelled before pickup',
		description: 'Why the shipment is voided; kept on the record for its history',
	},
	optionsCollection([
		{
			displayName: 'Check Deletable',
			name: 'checkDeletable',
			type: 'boolean',
			default: true,
			description:
				'Whether SKU.io first checks that the shipment can be voided and refuses with its reasons if not (on unless turned off here)',
		},
	]),
];

const schema = z.object({
	voidReason: optionalString(),
	checkDeletable: booleanFlag('Check Deletable'),
});

const NOT_VOIDABLE =
	'SKU.io refused to void this shipment: it is not voidable (for example already voided, or shipped — shipped ones can only be voided with Bulk Void and Force). The reasons SKU.io gave are listed below.';

function readParameters(ctx: IExecuteFunctions, i: number) {
	const fulfillmentId = readFulfillmentId(ctx, i);
	const params = validateParameters(
		ctx,
		schema,
		{
			voidReason: ctx.getNodeParameter('voidReason', i, ''),
			checkDeletable: ctx.getNodeParameter('options.checkDeletable', i, true),
		},
		i,
	);
	return { fulfillmentId, ...params };
}

/**
 * Voiding is a soft, reversible cancel: the record stays with status canceled and voided_at set, its
 * inventory movements are reversed and its fulfillment order reopened.
 */
async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachValidatedItem(
		this,
		items,
		(i) => readParameters(this, i),
		async (i, { fulfillmentId, voidReason, checkDeletable }) => {
			try {
				const body = await apiRequest<IDataObject | undefined>(this, skuIo, {
					method: 'DELETE',
					path: `${VOID_PATH}${encodePath`/${fulfillmentId}`}`,
					qs: { 'check-deletable': checkDeletable ? 1 : 0 },
					body: voidReason ? { void_reason: voidReason } : undefined,
					// SKU.io does not say re-voiding is harmless (each void reverses inventory), so a void that
					// may have reached the server is never sent again; only a 429 (refused before acting) is.
					idempotent: false,
					itemIndex: i,
				});
				const record = readRecord(body);
				return Object.keys(record).length ? record : { id: fulfillmentId, voided: true };
			} catch (error) {
				throw explainStatus(error, 400, NOT_VOIDABLE);
			}
		},
	);
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'void',
	name: 'Void',
	action: 'Void a fulfillment',
	description: 'Void a shipment: reverse its inventory and reopen its fulfillment order',
	properties,
	execute,
});
