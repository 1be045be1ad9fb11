import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { apiRequest, encodePath } from '../../../shared/transport';
import { forEachWrite } from '../../../shared/items';
import {
	booleanFlag,
	isJsonObject,
	optionalString,
	parameterReader,
	z,
} from '../../../shared/validation';
import { isUncertainOutcome, withOutcome } from '../../../shared/outcome';
import { isVoided, readFulfillment } from '../../readBack';
import { explainStatus, readRecord, skuIo, VOID_PATH } from '../../transport';
import { fulfillmentId, fulfillmentIdProperty } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';
import { concurrencyOption } from '../../../shared/concurrency';

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
		concurrencyOption,
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

const readParameters = parameterReader(
	properties,
	z.object({
		fulfillmentId,
		voidReason: optionalString('Void Reason'),
		checkDeletable: booleanFlag('Check Deletable'),
	}),
);

const NOT_VOIDABLE =
	'SKU.io refused to void this shipment: it is not voidable (for example already voided, or shipped — shipped ones can only be voided with Bulk Void and Force). The reasons SKU.io gave are listed below.';

/**
 * SKU.io's reason when a 2xx answer says the shipment was not voided: a `needs_confirmation` entry
 * (shipped), `success: false`, or the fulfillment itself still without `voided_at`.
 */
function notVoided(body: unknown, record: IDataObject): string | undefined {
	const outer = isJsonObject(body) ? body : {};
	const confirmation = outer.needs_confirmation ?? record.needs_confirmation;
	const entries = Array.isArray(confirmation) ? confirmation : confirmation ? [confirmation] : [];
	if (entries.length > 0) {
		const entry = isJsonObject(entries[0]) ? entries[0] : {};
		return `SKU.io asks for confirmation${typeof entry.reason === 'string' ? `: ${entry.reason}` : ''}`;
	}
	if (record.success === false)
		return typeof record.message === 'string' ? record.message : 'SKU.io answered success: false';
	if ('voided_at' in record && !isVoided(record))
		return `SKU.io returned the fulfillment still with status ${String(record.status)}, not voided`;
	return undefined;
}

function refusedWithSuccess(
	ctx: IExecuteFunctions,
	fulfillmentId: number,
	reason: string,
	itemIndex: number,
) {
	return new NodeOperationError(
		ctx.getNode(),
		`SKU.io did not void fulfillment ${fulfillmentId}: ${reason}`,
		{
			itemIndex,
			description:
				'SKU.io answered the void without voiding the shipment; nothing was changed. A shipped shipment can only be voided with Bulk Void and Force.',
		},
	);
}

/**
 * Voiding is a soft, reversible cancel: the record stays with status canceled and voided_at set, its
 * inventory movements are reversed and its fulfillment order reopened.
 */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachWrite(this, items, {
		read: (i) => readParameters(this, i),
		lane: (params) => String(params.fulfillmentId),
		send: async (i, { fulfillmentId, voidReason, checkDeletable }) => {
			let body: IDataObject | undefined;
			try {
				body = await apiRequest<IDataObject | undefined>(this, skuIo, {
					method: 'DELETE',
					path: `${VOID_PATH}${encodePath`/${fulfillmentId}`}`,
					qs: { 'check-deletable': checkDeletable ? 1 : 0 },
					body: voidReason ? { void_reason: voidReason } : undefined,
					// SKU.io does not say re-voiding is harmless (each void reverses inventory), so a void that
					// may have reached the server is never sent again; only a 429 (refused before acting) is.
					idempotent: false,
					itemIndex: i,
				});
			} catch (error) {
				// A lost answer, or a refusal because an earlier try or run voided it: read back the record.
				const refusedAsInvalid = (error as { httpCode?: string }).httpCode === '400';
				if (!isUncertainOutcome(error) && !refusedAsInvalid)
					throw explainStatus(error, 400, NOT_VOIDABLE);
				let record: IDataObject | undefined;
				try {
					record = await readFulfillment(this, fulfillmentId, i);
				} catch {
					record = undefined;
				}
				const voided = record ? isVoided(record) : undefined;
				if (voided === true) {
					return refusedAsInvalid
						? { ...record, alreadyVoided: true }
						: { ...record, outcome: 'applied' };
				}
				if (refusedAsInvalid) throw explainStatus(error, 400, NOT_VOIDABLE);
				throw withOutcome(
					error as Error,
					voided === false ? 'not applied' : 'unknown',
					`fulfillment ${fulfillmentId} in SKU.io`,
				);
			}
			const record = readRecord(body);
			const refusal = notVoided(body, record);
			if (refusal !== undefined) throw refusedWithSuccess(this, fulfillmentId, refusal, i);
			return Object.keys(record).length ? record : { id: fulfillmentId, voided: true };
		},
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'void',
	name: 'Void',
	action: 'Void a fulfillment',
	description: 'Void a shipment: reverse its inventory and reopen its fulfillment order',
	write: true,
	toolDescription:
		'Void one SKU.io fulfillment by its numeric ID (such as 1001): the record stays, status canceled, its inventory movements are reversed and its order reopened. Safe to repeat: SKU.io refuses a second void, and the output is then the fulfillment with alreadyVoided: true. A shipped fulfillment is not voided (an error saying why; only Bulk Void with Force voids it). Preview Only returns the request without sending it.',
	properties,
	execute,
});
