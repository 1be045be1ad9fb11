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
