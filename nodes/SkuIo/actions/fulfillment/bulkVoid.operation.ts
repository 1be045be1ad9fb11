import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	batchSizeOption,
	outputPerBatch,
	outputPerId,
	readBatchSize,
	runBulk,
	targetIds,
	targetItemIndexes,
	type Batch,
	type BatchSizeLimits,
	type IdTarget,
} from '../../../shared/bulk';
import type { ItemOutput } from '../../../shared/items';
import { optionsCollection } from '../../../shared/description';
import { isUncertainOutcome, withOutcome } from '../../../shared/outcome';
import { apiRequest } from '../../../shared/transport';
import { booleanFlag, oneOf, optionalString, parameterReader, z } from '../../../shared/validation';
import { readBulkVoidAnswer, shipmentResult } from '../../bulkVoidAnswer';
import {
	filterBody,
	filterGroupsProperty,
	filtersProperties,
	hasFilter,
	readFilters,
	type FulfillmentFilters,
} from '../../filters';
import { isVoided, readFulfillment } from '../../readBack';
import { skuIo, VOID_PATH } from '../../transport';
import { fulfillmentIdsProperty, readFulfillmentIds } from '../../fulfillmentId';
import { defineOperation } from '../../../shared/operations';

/** Up to this many shipments SKU.io voids at once and answers per shipment; more become a background job. */
export const SYNC_LIMIT = 30;
const BATCH_SIZE: BatchSizeLimits = { default: SYNC_LIMIT, max: 1000 };

const properties: INodeProperties[] = [
	{
		displayName: 'Fulfillments to Void',
		name: 'target',
		type: 'options',
		options: [
			{
				name: 'Fulfillments From Input Items',
				value: 'ids',
				description: 'The IDs each input item brings, combined into as few requests as possible',
			},
			{
				name: 'All Matching Filters',
				value: 'filters',
				description:
					'Every fulfillment that matches the filters below (at least one filter is required)',
			},
		],
		default: 'ids',
	},
	{
		...fulfillmentIdsProperty(
			'Fulfillment (shipment) IDs this item brings: one ID, a comma-separated list or an array',
		),
		displayOptions: { show: { target: ['ids'] } },
	},
	...filtersProperties({ target: ['filters'] }),
	{ ...filterGroupsProperty, displayOptions: { show: { target: ['filters'] } } },
	{
		displayName: 'Void Reason',
		name: 'voidReason',
		type: 'string',
		default: '',
		placeholder: 'Duplicate shipments',
		description: 'Why the shipments are voided; kept on each record for its history',
	},
	{
		displayName: 'Force',
		name: 'force',
		type: 'boolean',
		default: false,
		description:
			'Whether to void shipped shipments too. Without it, SKU.io leaves shipped ones alone and reports them as needing confirmation.',
	},
	optionsCollection([
		batchSizeOption(
			BATCH_SIZE,
			'Max shipment IDs per request. Up to 30, SKU.io answers with a result per shipment; above 30 it starts a background job and answers with its tracked_job_log_id. Read from the first item.',
		),
	]),
];

const readParameters = parameterReader(
	properties,
	z.object({
		target: oneOf('Fulfillments to Void', ['ids', 'filters'] as const),
		voidReason: optionalString('Void Reason'),
		force: booleanFlag('Force'),
	}),
);

interface VoidSettings {
	voidReason?: string;
	force: boolean;
}

const settingsKey = (settings: VoidSettings) =>
	JSON.stringify([settings.force, settings.voidReason ?? '']);

async function sendVoid(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const response = await apiRequest(ctx, skuIo, {
		method: 'DELETE',
		path: VOID_PATH,
		body,
		// Not safe to repeat: SKU.io does not say a second void of the same shipments is harmless.
		idempotent: false,
		itemIndex,
	});
	return readBulkVoidAnswer(response);
}

function voidBody(settings: VoidSettings): IDataObject {
	return {
		force: settings.force,
		...(settings.voidReason ? { void_reason: settings.voidReason } : {}),
	};
}

/** Results of one batch of IDs: what SKU.io said of each ID, or one queued job for the whole batch. */
async function voidBatch(
	ctx: IExecuteFunctions,
	batch: Batch<IdTarget, VoidSettings>,
): Promise<ItemOutput[]> {
	const ids = targetIds(batch);
	const itemIndexes = targetItemIndexes(batch);
	const answer = await sendVoid(ctx, { ids, ...voidBody(batch.group) }, itemIndexes[0]);
	if (answer.kind === 'job')
		return outputPerBatch(batch, { json: { ...answer.job, result: 'queued', ids } });
	const results = new Map<number, IDataObject>();
	for (const id of ids) {
		const result = answer.results.get(id) ?? shipmentResult(id, 'not_reported');
		// "Not found or already voided": when an earlier try or run voided it, say so.
		results.set(
			id,
			result.result === 'failed' || result.result === 'not_reported'
				? await checkVoided(ctx, result, id, itemIndexes[0])
				: result,
		);
	}
	return outputPerId(batch, (id) => results.get(id) ?? shipmentResult(id, 'not_reported'));
}

async function checkVoided(
	ctx: IExecuteFunctions,
	result: IDataObject,
	id: number,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		const record = await readFulfillment(ctx, id, itemIndex);
		if (isVoided(record))
			return {
				...result,
				result: 'already_voided',
				voided: true,
				message: 'Already voided before this request',
				voided_at: record.voided_at,
				void_reason: record.void_reason,
			};
		return result.result === 'not_reported'
			? {
					...result,
					voided: false,
					message: 'Not voided: SKU.io returned no result for this shipment, and it is not voided.',
				}
			: result;
	} catch {
		return result;
	}
}

/**
 * Voids a batch; when the answer is lost, reads every shipment back: all voided → their results
 * (outcome applied); otherwise the error says which were and which were not.
 */
async function voidBatchWithReadBack(
	ctx: IExecuteFunctions,
	batch: Batch<IdTarget, VoidSettings>,
): Promise<ItemOutput[]> {
	let failure: unknown;
	try {
		return await voidBatch(ctx, batch);
	} catch (error) {
		failure = error;
	}
	if (!isUncertainOutcome(failure)) throw failure;
	const error = failure as Error;
	const ids = targetIds(batch);
	const itemIndex = targetItemIndexes(batch)[0];
	const voided: number[] = [];
	const open: number[] = [];
	const unseen: number[] = [];
	try {
		for (const id of ids) {
			const state = isVoided(await readFulfillment(ctx, id, itemIndex));
			(state === true ? voided : state === false ? open : unseen).push(id);
		}
	} catch {
		throw withOutcome(error, 'unknown', `fulfillments ${ids.join(', ')} in SKU.io`);
	}
	if (open.length === 0 && unseen.length === 0)
		return outputPerId(batch, (id) => ({ ...shipmentResult(id, 'voided'), outcome: 'applied' }));
	// Only a record that shows voided_at empty says "not voided"; one without the field says nothing.
	if (voided.length === 0 && unseen.length === 0)
		throw withOutcome(error, 'not applied', `fulfillments ${ids.join(', ')} in SKU.io`);
	const pending = [...open, ...unseen];
	throw withOutcome(
		error,
		'unknown',
		voided.length > 0
			? `fulfillments ${pending.join(', ')} in SKU.io (${voided.join(', ')} were voided, these were not yet or could not be read)`
			: `fulfillments ${pending.join(', ')} in SKU.io`,
	);
}

async function voidMatching(
	ctx: IExecuteFunctions,
	filters: FulfillmentFilters,
	settings: VoidSettings,
	itemIndex: number,
) {
	const answer = await sendVoid(
		ctx,
		{ apply_to_all: true, filters: filterBody(filters), ...voidBody(settings) },
		itemIndex,
	);
	return answer.kind === 'job'
		? [{ ...answer.job, result: 'queued' }]
		: [...answer.results.values()];
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Every item is checked before the first request, so invalid input never voids anything.
	return await runBulk<VoidSettings>(this, items, {
		batchSize: readBatchSize(this, BATCH_SIZE),
		groupKey: settingsKey,
		read: (i) => {
			const params = readParameters(this, i);
			const settings: VoidSettings = { voidReason: params.voidReason, force: params.force };
			if (params.target === 'ids') return { ids: readFulfillmentIds(this, i), group: settings };
			const filters = readFilters(this, i);
			if (!hasFilter(filters)) {
				throw new NodeOperationError(
					this.getNode(),
					`Add a filter (Status, Fulfillment Type or a Filter Groups condition) to void all matching fulfillments [item ${i}]`,
					{ itemIndex: i, description: 'Bulk Void never voids every fulfillment of the account.' },
				);
			}
			return { single: async () => await voidMatching(this, filters, settings, i) };
		},
		sendBatch: async (batch) => await voidBatchWithReadBack(this, batch),
	});
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'bulkVoid',
	name: 'Bulk Void',
	action: 'Bulk void fulfillments',
	description: 'Void many shipments at once, by IDs from the input items or by filters',
	write: true,
	toolDescription:
		'Void many SKU.io fulfillments at once, by numeric fulfillment IDs (such as 1001) or by filters: reverses their inventory and reopens their orders. Returns one result per fulfillment with voided true or false; a shipped one is not voided without Force (result needs_confirmation, message giving the reason SKU.io gave). More than 30 IDs per request start a background job (result queued). Not safe to repeat blindly. Use Preview Only first to see the request without sending it.',
	properties,
	execute,
});
