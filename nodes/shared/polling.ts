import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import type { Paging } from './pagination';

export interface PollRequest {
	/** The highest cursor value emitted so far (fetch from it inclusively), if the source uses one. */
	cursor?: string;
	/** Set in manual mode: a small sample is enough. */
	sampleSize?: number;
	/**
	 * The first poll since activation (nothing stored yet): a source that only needs a starting
	 * point can read just the newest item when existing items are not emitted.
	 */
	firstPoll?: boolean;
}

export interface PollSource<T extends IDataObject> {
	fetch(request: PollRequest): Promise<T[]>;
	/** Identity of one emission: an order id, or id + status for "entered status X". */
	key(item: T): string;
	/**
	 * A value that only grows (ISO timestamp, zero-padded id) used to narrow the next fetch. Without
	 * it every poll sees the whole current set (a queue snapshot), and the seen set is that snapshot.
	 */
	cursorOf?(item: T): string | undefined;
}

export interface PollOptions {
	/** Whether the first poll after activation emits what is already there. */
	emitExisting: boolean;
	/** How many keys to remember for incremental sources. */
	seenLimit?: number;
	sampleSize?: number;
	/**
	 * What is being polled (e.g. the queue and the polling mode). When it differs from the stored
	 * one, the stored cursor and seen keys belong to something else: the poll starts afresh, as
	 * after activation, instead of comparing against another queue's items.
	 */
	scope?: string;
	/**
	 * For a snapshot read page by page: an item missing from one poll's snapshot (because the list
	 * shifted between two pages, items before it having left) is remembered for one more poll, so it
	 * is not emitted again when it reappears. The price: an item that leaves and comes back by the
	 * next poll is not emitted again either.
	 */
	toleratePageShifts?: boolean;
}

interface PollState {
	initialized?: boolean;
	cursor?: string;
	seen?: string[];
	/** Snapshot sources: keys of the previous snapshot missing from the last one. */
	gone?: string[];
	scope?: string;
}

const DEFAULT_SEEN_LIMIT = 5000;

/** How much a source reads: everything on a real poll, the sample in manual mode. */
export function pollPaging(sampleSize: number | undefined): Paging {
	return { returnAll: sampleSize === undefined, limit: sampleSize ?? 1 };
}

/**
 * Emits each item once across polls. State lives in the workflow's static data and is written only
 * after a poll fully succeeded, so a failed poll loses nothing; manual mode returns a sample and
 * leaves the state alone.
 */
export async function pollNewItems<T extends IDataObject>(
	ctx: IPollFunctions,
	source: PollSource<T>,
	options: PollOptions,
): Promise<INodeExecutionData[][] | null> {
	if (ctx.getMode() === 'manual') {
		const sampleSize = options.sampleSize ?? 1;
		const sample = (await source.fetch({ sampleSize })).slice(0, sampleSize);
		return sample.length ? [ctx.helpers.returnJsonArray(sample)] : null;
	}

	const state = ctx.getWorkflowStaticData('node') as PollState;
	// State saved before the trigger had a scope is taken as this scope's.
	const sameScope = options.scope === undefined || state.scope === undefined || state.scope === options.scope;
	const stored: PollState = sameScope ? state : {};
	const items = await source.fetch({ cursor: stored.cursor, firstPoll: !stored.initialized });
	const seen = new Set([...(stored.seen ?? []), ...(options.toleratePageShifts ? (stored.gone ?? []) : [])]);
	const fresh: T[] = [];
	for (const item of items) {
		const key = source.key(item);
		if (seen.has(key)) continue;
		seen.add(key);
		fresh.push(item);
	}

	const emit = stored.initialized || options.emitExisting ? fresh : [];
	const cursor = maxCursor(source, items, stored.cursor);
	const limit = options.seenLimit ?? DEFAULT_SEEN_LIMIT;
	if (source.cursorOf) {
		state.seen = [...(stored.seen ?? []), ...fresh.map((item) => source.key(item))].slice(-limit);
	} else {
		const keys = items.map((item) => source.key(item));
		const present = new Set(keys);
		const gone = options.toleratePageShifts ? (stored.seen ?? []).filter((key) => !present.has(key)) : [];
		state.seen = keys;
		if (gone.length) state.gone = gone;
		else delete state.gone;
	}
	if (cursor !== undefined) state.cursor = cursor;
	else if (stored !== state) delete state.cursor;
	if (options.scope !== undefined) state.scope = options.scope;
	state.initialized = true;

	return emit.length ? [ctx.helpers.returnJsonArray(emit)] : null;
}

function maxCursor<T extends IDataObject>(source: PollSource<T>, items: T[], previous: string | undefined) {
	if (!source.cursorOf) return undefined;
	let max = previous;
	for (const item of items) {
		const value = source.cursorOf(item);
		if (value !== undefined && (max === undefined || value > max)) max = value;
	}
	return max;
}
