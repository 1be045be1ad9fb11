import type { Batch, BatchEntry } from './batching';

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
		if (!target) targets.set(key, { itemIndex, value: { id: value, itemIndexes: [itemIndex] }, group });
		else if (!target.value.itemIndexes.includes(itemIndex)) target.value.itemIndexes.push(itemIndex);
	}
	return [...targets.values()];
}

export function targetIds(batch: Batch<IdTarget, unknown>): number[] {
	return batch.entries.map((entry) => entry.value.id);
}

/** Every item a batch serves, each once, in input order. */
export function targetItemIndexes(batch: Batch<IdTarget, unknown>): number[] {
	return [...new Set(batch.entries.flatMap((entry) => entry.value.itemIndexes))].sort((a, b) => a - b);
}
