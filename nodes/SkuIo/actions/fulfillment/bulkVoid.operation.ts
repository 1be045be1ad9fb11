import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { buildBatches, type Batch, type BatchEntry } from '../../../shared/batching';
import { BatchOutput, type ItemOutput } from '../../../shared/batchOutput';
import { batchSizeOption, readBatchSize, type BatchSizeLimits } from '../../../shared/batchSize';
import { optionsCollection, showFor } from '../../../shared/description';
import { isUncertainOutcome, withOutcome } from '../../../shared/outcome';
import { apiRequest } from '../../../shared/transport';
import { oneOf, optionalString, validateParameters, z } from '../../../shared/validation';
import { readBulkVoidAnswer, shipmentResult } from '../../bulkVoidAnswer';
import {
	filterBody,
	filterGroupsProperty,
	filtersProperty,
	hasFilter,
	readFilters,
	type FulfillmentFilters,
} from '../../filters';
import { targetIds, targetItemIndexes, uniqueIds, type IdTarget } from '../../../shared/batchTargets';
import { isVoided, readFulfillment } from '../../readBack';
import { skuIo, VOID_PATH } from '../../transport';
import { fulfillmentIdsProperty, readFulfillmentIds } from '../common';

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
				description: 'Every fulfillment that matches the filters below (at least one filter is required)',
			},
		],
		default: 'ids',
	},
	{
		...fulfillmentIdsProperty('Fulfillment (shipment) IDs this item brings: one ID, a comma-separated list or an array'),
		displayOptions: { show: { target: ['ids'] } },
	},
	{ ...filtersProperty, displayOptions: { show: { target: ['filters'] } } },
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

export const description = showFor('fulfillment', 'bulkVoid', properties);

const itemSchema = z.object({
	target: oneOf('Fulfillments to Void', ['ids', 'filters'] as const),
	voidReason: optionalString('Void Reason'),
	force: z.boolean({ invalid_type_error: 'Force must be true or false' }),
});

interface VoidSettings {
	voidReason?: string;
	force: boolean;
}

interface FilterRequest extends VoidSettings {
	itemIndex: number;
	filters: FulfillmentFilters;
}

const settingsKey = (settings: VoidSettings) => JSON.stringify([settings.force, settings.voidReason ?? '']);

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
	return { force: settings.force, ...(settings.voidReason ? { void_reason: settings.voidReason } : {}) };
}

/** Results of one batch of IDs: one output per ID and item that brought it, paired to that item. */
async function voidBatch(ctx: IExecuteFunctions, batch: Batch<IdTarget, VoidSettings>): Promise<ItemOutput[]> {
	const ids = targetIds(batch);
	const itemIndexes = targetItemIndexes(batch);
	const answer = await sendVoid(ctx, { ids, ...voidBody(batch.group) }, itemIndexes[0]);
	if (answer.kind === 'job') {
		// One background job for the whole batch: a single item, paired to every item that brought an ID.
		return [
			{
				itemIndex: itemIndexes[0],
				data: {
					json: { ...answer.job, result: 'queued', ids },
					pairedItem: itemIndexes.map((item) => ({ item })),
				},
			},
		];
	}
	const results = new Map<number, IDataObject>();
	for (const id of ids) {
		const result = answer.results.get(id) ?? shipmentResult(id, 'not_reported');
		// "Not found or already voided": when an earlier try or run voided it, say so.
		results.set(id, result.result === 'failed' || result.result === 'not_reported' ? await checkVoided(ctx, result, id, itemIndexes[0]) : result);
	}
	return batch.entries.flatMap(({ value: { id, itemIndexes: broughtBy } }) =>
		broughtBy.map((itemIndex) => ({
			itemIndex,
			data: { json: { ...results.get(id) }, pairedItem: { item: itemIndex } },
		})),
	);
}

async function checkVoided(ctx: IExecuteFunctions, result: IDataObject, id: number, itemIndex: number): Promise<IDataObject> {
	try {
		const record = await readFulfillment(ctx, id, itemIndex);
		return isVoided(record)
			? { ...result, result: 'already_voided', voided_at: record.voided_at, void_reason: record.void_reason }
			: result;
	} catch {
		return result;
	}
}

/**
 * Voids a batch; when the answer is lost, reads every shipment back: all voided → their results
 * (outcome applied); otherwise the error says which were and which were not.
 */
async function voidBatchWithReadBack(ctx: IExecuteFunctions, batch: Batch<IdTarget, VoidSettings>): Promise<ItemOutput[]> {
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
	try {
		for (const id of ids) (isVoided(await readFulfillment(ctx, id, itemIndex)) ? voided : open).push(id);
	} catch {
		throw withOutcome(error, 'unknown', `fulfillments ${ids.join(', ')} in SKU.io`);
	}
	if (open.length === 0) {
		return batch.entries.flatMap(({ value: { id, itemIndexes: broughtBy } }) =>
			broughtBy.map((item) => ({
				itemIndex: item,
				data: { json: { ...shipmentResult(id, 'voided'), outcome: 'applied' }, pairedItem: { item } },
			})),
		);
	}
	if (voided.length === 0) throw withOutcome(error, 'not applied', `fulfillments ${ids.join(', ')} in SKU.io`);
	throw withOutcome(
		error,
		'unknown',
		`fulfillments ${open.join(', ')} in SKU.io (${voided.join(', ')} were voided, these were not yet)`,
	);
}

async function voidMatching(ctx: IExecuteFunctions, request: FilterRequest): Promise<ItemOutput[]> {
	const answer = await sendVoid(
		ctx,
		{ apply_to_all: true, filters: filterBody(request.filters), ...voidBody(request) },
		request.itemIndex,
	);
	const results = answer.kind === 'job' ? [{ ...answer.job, result: 'queued' }] : [...answer.results.values()];
	return results.map((json) => ({ itemIndex: request.itemIndex, data: { json, pairedItem: { item: request.itemIndex } } }));
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const output = new BatchOutput(this);
	const batchSize = readBatchSize(this, BATCH_SIZE);

	// Every item is checked before the first request, so invalid input never voids anything.
	const entries: Array<BatchEntry<number> & { group: VoidSettings }> = [];
	const filterRequests: FilterRequest[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const params = validateParameters(
				this,
				itemSchema,
				{
					target: this.getNodeParameter('target', i),
					voidReason: this.getNodeParameter('voidReason', i, ''),
					force: this.getNodeParameter('force', i, false),
				},
				i,
			);
			const settings: VoidSettings = { voidReason: params.voidReason, force: params.force };
			if (params.target === 'ids') {
				for (const id of readFulfillmentIds(this, i)) entries.push({ itemIndex: i, value: id, group: settings });
			} else {
				const filters = readFilters(this, i);
				if (!hasFilter(filters)) {
					throw new NodeOperationError(
						this.getNode(),
						`Add a filter (Status, Fulfillment Type or a Filter Groups condition) to void all matching fulfillments [item ${i}]`,
						{ itemIndex: i, description: 'Bulk Void never voids every fulfillment of the account.' },
					);
				}
				filterRequests.push({ itemIndex: i, filters, ...settings });
			}
		} catch (error) {
			output.fail(error, [i]);
		}
	}

	for (const batch of buildBatches(uniqueIds(entries, settingsKey), settingsKey, batchSize)) {
		try {
			output.add(...(await voidBatchWithReadBack(this, batch)));
		} catch (error) {
			output.fail(error, targetItemIndexes(batch));
		}
	}
	for (const request of filterRequests) {
		try {
			output.add(...(await voidMatching(this, request)));
		} catch (error) {
			output.fail(error, [request.itemIndex]);
		}
	}

	return output.inItemOrder();
}
