import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { BatchOutput, pairedItems, type ItemOutput, type ItemResult } from './items';
import { optionsCollection } from './description';
import { integerAtLeast, parameterReader, z } from './validation';

// The one bulk flow: validate every item → group → batch → send → outputs back in item order,
// errors to the items they concern.

/** One value an input item contributes to a batched request. */
export interface BatchEntry<V> {
	itemIndex: number;
	value: V;
}

export interface Batch<V, G> {
	group: G;
	entries: Array<BatchEntry<V>>;
}

/**
 * Gathers values from many input items into as few requests as possible: entries whose group key
 * matches (same target and settings) share batches of at most `batchSize`, in input order.
 */
export function buildBatches<V, G>(
	entries: Array<BatchEntry<V> & { group: G }>,
	groupKey: (group: G) => string,
	batchSize: number,
): Array<Batch<V, G>> {
	const groups = new Map<string, { group: G; entries: Array<BatchEntry<V>> }>();
	for (const { group, itemIndex, value } of entries) {
		const key = groupKey(group);
		let bucket = groups.get(key);
		if (!bucket) {
			bucket = { group, entries: [] };
			groups.set(key, bucket);
		}
		bucket.entries.push({ itemIndex, value });
	}
	const batches: Array<Batch<V, G>> = [];
	for (const { group, entries: grouped } of groups.values()) {
		for (let start = 0; start < grouped.length; start += batchSize) {
			batches.push({ group, entries: grouped.slice(start, start + batchSize) });
		}
	}
	return batches;
}

/** An ID for a batched request, and every input item that brought it. */
export interface IdTarget {
	id: number;
	itemIndexes: number[];
}

/**
 * One entry per ID and group, however many items bring it: batched, each ID then goes into exactly
 * one request, even when the items that bring it would fall into different batches.
 */
export function uniqueIds<G>(
	entries: Array<BatchEntry<number> & { group: G }>,
	groupKey: (group: G) => string,
): Array<BatchEntry<IdTarget> & { group: G }> {
	const targets = new Map<string, BatchEntry<IdTarget> & { group: G }>();
	for (const { itemIndex, value, group } of entries) {
		const key = JSON.stringify([groupKey(group), value]);
		const target = targets.get(key);
		if (!target)
			targets.set(key, { itemIndex, value: { id: value, itemIndexes: [itemIndex] }, group });
		else if (!target.value.itemIndexes.includes(itemIndex))
			target.value.itemIndexes.push(itemIndex);
	}
	return [...targets.values()];
}

export function targetIds(batch: Batch<IdTarget, unknown>): number[] {
	return batch.entries.map((entry) => entry.value.id);
}

/** Every item a batch serves, each once, in input order. */
export function targetItemIndexes(batch: Batch<IdTarget, unknown>): number[] {
	return [...new Set(batch.entries.flatMap((entry) => entry.value.itemIndexes))].sort(
		(a, b) => a - b,
	);
}

/** How many values one request may carry: the default, and the most the vendor (or we) allow. */
export interface BatchSizeLimits {
	default: number;
	max: number;
}

/** Options › Batch Size of a batched operation. */
export function batchSizeOption(
	{ default: defaultSize, max }: BatchSizeLimits,
	description: string,
): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: max, numberPrecision: 0 },
		default: defaultSize,
		description,
	};
}

/** Options › Batch Size, read once from the first item: all items are batched together. */
export function readBatchSize(ctx: IExecuteFunctions, limits: BatchSizeLimits): number {
	const read = parameterReader(
		[optionsCollection([batchSizeOption(limits, '')])],
		z
			.object({ batchSize: integerAtLeast('Batch Size', 1) })
			.refine((value) => value.batchSize <= limits.max, {
				message: `Batch Size must be at most ${limits.max}`,
			}),
	);
	return read(ctx, 0).batchSize;
}

/** What one validated input item asks of a bulk operation. */
export type BulkRequest<G> =
	/** IDs that share batches with the IDs of every item in the same group. */
	| { ids: number[]; group: G }
	/** Work of its own (e.g. one request by filters), run after the batches; its results are the item's. */
	| { single: () => Promise<ItemResult> };

export interface BulkOperation<G> {
	batchSize: number;
	/** Items whose groups have the same key (same target and settings) share batches. */
	groupKey(group: G): string;
	/** Validates one item; an error fails that item before anything at all is sent. */
	read(itemIndex: number): BulkRequest<G>;
	/** Sends one batch and returns its outputs; `n` counts the batches of its group from 1. */
	sendBatch(batch: Batch<IdTarget, G>, n: number): Promise<ItemOutput[]>;
}

/** Runs a bulk operation over all items; each ID goes into exactly one request however many items bring it. */
export async function runBulk<G>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: BulkOperation<G>,
): Promise<INodeExecutionData[]> {
	const output = new BatchOutput(ctx);
	const entries: Array<BatchEntry<number> & { group: G }> = [];
	const singles: Array<{ itemIndex: number; run: () => Promise<ItemResult> }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const request = operation.read(itemIndex);
			if ('single' in request) singles.push({ itemIndex, run: request.single });
			else
				for (const value of request.ids) entries.push({ itemIndex, value, group: request.group });
		} catch (error) {
			output.fail(error, [itemIndex]);
		}
	}

	const batchCounts = new Map<string, number>();
	const batches = buildBatches(
		uniqueIds(entries, operation.groupKey),
		operation.groupKey,
		operation.batchSize,
	);
	for (const batch of batches) {
		const key = operation.groupKey(batch.group);
		const n = (batchCounts.get(key) ?? 0) + 1;
		batchCounts.set(key, n);
		try {
			output.add(...(await operation.sendBatch(batch, n)));
		} catch (error) {
			output.fail(error, targetItemIndexes(batch));
		}
	}
	for (const { itemIndex, run } of singles) {
		try {
			output.add(...pairedItems(await run(), itemIndex).map((data) => ({ itemIndex, data })));
		} catch (error) {
			output.fail(error, [itemIndex]);
		}
	}
	return output.inItemOrder();
}

/** A batch's outputs when the vendor answers per ID: one per ID and per item that brought it. */
export function outputPerId(
	batch: Batch<IdTarget, unknown>,
	resultFor: (id: number) => IDataObject,
): ItemOutput[] {
	return batch.entries.flatMap(({ value: { id, itemIndexes } }) =>
		itemIndexes.map((itemIndex) => ({
			itemIndex,
			data: { json: { ...resultFor(id) }, pairedItem: { item: itemIndex } },
		})),
	);
}

/** A batch's output when the vendor answers once for all of it (a file, a job): one item paired to every item. */
export function outputPerBatch(
	batch: Batch<IdTarget, unknown>,
	data: INodeExecutionData,
): ItemOutput[] {
	const itemIndexes = targetItemIndexes(batch);
	return [
		{
			itemIndex: itemIndexes[0],
			data: { ...data, pairedItem: itemIndexes.map((item) => ({ item })) },
		},
	];
}
