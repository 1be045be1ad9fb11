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
	/**
	 * For re-emission by a source with a cursor: every item in the watched set now (e.g. the whole
	 * queue), read only when an emitted item is due to be checked. A snapshot's fetch already is that.
	 */
	current?(): Promise<T[]>;
	/** How many items one page holds: a read of that many or more took several requests. */
	pageSize?: number;
}

/** Re-emission of items emitted but still in the watched set later (their execution never finished). */
export interface ReEmitOptions {
	/** Minutes after an emission; 0 turns re-emission off. */
	afterMinutes: number;
	/** How many times one entry is emitted again at most. */
	maxTimes: number;
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
	 * For a list read page by page while items leave it, which shifts later items onto pages already
	 * read. A snapshot: an item missing from one poll's snapshot is remembered for one more poll, so
	 * it is not emitted again when it reappears (the price: an item that leaves and comes back by the
	 * next poll is not emitted again either). A source with a cursor and a `pageSize`: after a read of
	 * several pages the cursor advances only to where the previous poll's read ended, so the next poll
	 * reads again what a shift may have hidden (the seen keys keep it from being emitted twice).
	 */
	toleratePageShifts?: boolean;
	reEmit?: ReEmitOptions;
}

/** An emitted entry still to be checked: [key, emitted at (epoch ms), times re-emitted]. */
type Outstanding = [string, number, number];

interface PollState {
	initialized?: boolean;
	cursor?: string;
	seen?: string[];
	/** Cursor sources after a read of several pages: its highest cursor, taken on at the next poll. */
	ahead?: string;
	/** Snapshot sources: keys of the previous snapshot missing from the last one. */
	gone?: string[];
	scope?: string;
	/** With re-emission: entries emitted that were still in the watched set at the last check. */
	outstanding?: Outstanding[];
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
	const baseline = activationBaseline(ctx);
	// No state of its own yet: the state the activation poll took, if n8n dropped it (see below).
	const previous = state.initialized ? state : (baseline.read() ?? state);
	// State saved before the trigger had a scope is taken as this scope's.
	const sameScope =
		options.scope === undefined || previous.scope === undefined || previous.scope === options.scope;
	const stored: PollState = sameScope ? previous : {};
	const starting = !stored.initialized;
	const items = await source.fetch({ cursor: stored.cursor, firstPoll: !stored.initialized });
	const seen = new Set([
		...(stored.seen ?? []),
		...(options.toleratePageShifts ? (stored.gone ?? []) : []),
	]);
	const fresh: T[] = [];
	for (const item of items) {
		const key = source.key(item);
		if (seen.has(key)) continue;
		seen.add(key);
		fresh.push(item);
	}

	const emit = stored.initialized || options.emitExisting ? fresh : [];
	const limit = options.seenLimit ?? DEFAULT_SEEN_LIMIT;
	const keys = items.map((item) => source.key(item));
	const present = new Set(keys);
	const gone =
		!source.cursorOf && options.toleratePageShifts
			? (stored.seen ?? []).filter((key) => !present.has(key))
			: [];
	// May read again (a cursor source's recheck): before any state is written, so a failure loses nothing.
	const again = await dueAgain(source, options.reEmit, stored, {
		items,
		emitted: emit,
		gone,
		limit,
	});

	let cursor = maxCursor(source, items, stored.cursor);
	const severalPages = source.pageSize !== undefined && items.length >= source.pageSize;
	if (source.cursorOf && options.toleratePageShifts && severalPages) {
		const ahead = later(cursor, stored.ahead);
		cursor = stored.ahead ?? stored.cursor;
		state.ahead = ahead;
	} else {
		delete state.ahead;
	}
	if (source.cursorOf) {
		state.seen = [...(stored.seen ?? []), ...fresh.map((item) => source.key(item))].slice(-limit);
	} else {
		state.seen = keys;
		if (gone.length) state.gone = gone;
		else delete state.gone;
	}
	if (again.outstanding.length) state.outstanding = again.outstanding;
	else delete state.outstanding;
	if (cursor !== undefined) state.cursor = cursor;
	else delete state.cursor;
	if (options.scope !== undefined) state.scope = options.scope;
	state.initialized = true;
	if (starting) baseline.write(state);
	else baseline.clear();

	const output = [...emit, ...again.items];
	return output.length ? [ctx.helpers.returnJsonArray(output)] : null;
}

/**
 * n8n 2.x's durable poller (`N8N_POLLER_DURABLE_CURSORS_ENABLED`) keeps a trigger's node static data
 * in its `poller_state` table and commits it only after a scheduled poll: the poll at activation
 * runs as a test, so the starting point it takes (what is there already, not to be emitted) is
 * dropped when it emits nothing. The first scheduled poll would then take a new starting point and
 * swallow everything that arrived in between. The workflow's global static data is still saved
 * after activation (and after every emission), so the starting point is kept there too, per node,
 * and taken up by a poll that finds no node state; the first poll with node state of its own clears it.
 */
function activationBaseline(ctx: IPollFunctions) {
	const global = ctx.getWorkflowStaticData('global') as Record<string, unknown>;
	const node = ctx.getNode();
	const key = `pollStart:${node.id ?? node.name}`;
	return {
		read(): PollState | undefined {
			const saved = global[key];
			if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return undefined;
			return (saved as PollState).initialized === true ? (saved as PollState) : undefined;
		},
		write(state: PollState) {
			global[key] = JSON.parse(JSON.stringify(state)) as PollState;
		},
		clear() {
			if (key in global) delete global[key];
		},
	};
}

/**
 * Re-emission: every emitted entry is remembered with its time. One still in the watched set
 * `afterMinutes` later was never finished (its execution died with n8n or a worker, or failed) and
 * is emitted again, marked `reEmitted` with its `emitAttempt`, at most `maxTimes` times. One that left
 * the set is forgotten. A snapshot's own read tells what is still there; a source with a cursor reads
 * its whole set (`current`) only when some entry is due.
 */
async function dueAgain<T extends IDataObject>(
	source: PollSource<T>,
	reEmit: ReEmitOptions | undefined,
	stored: PollState,
	poll: { items: T[]; emitted: T[]; gone: string[]; limit: number },
): Promise<{ items: IDataObject[]; outstanding: Outstanding[] }> {
	if (!reEmit || reEmit.afterMinutes <= 0 || reEmit.maxTimes <= 0)
		return { items: [], outstanding: [] };
	if (source.cursorOf && !source.current) return { items: [], outstanding: [] };
	const now = Date.now();
	const afterMs = reEmit.afterMinutes * 60_000;
	const outstanding = stored.outstanding ?? [];
	const emittedKeys = new Set(poll.emitted.map((item) => source.key(item)));
	let current: T[] | undefined;
	if (!source.cursorOf) current = poll.items;
	else if (outstanding.some(([, at]) => now - at >= afterMs)) current = await source.current!();
	const byKey = new Map(current?.map((item) => [source.key(item), item]));
	// Missing from a snapshot because the list shifted between its pages: still there, checked next poll.
	const shifted = new Set(poll.gone);

	const items: IDataObject[] = [];
	const kept: Outstanding[] = [];
	for (const entry of outstanding) {
		const [key, at, times] = entry;
		// Emitted anew in this poll (it left and came back): tracked afresh below.
		if (emittedKeys.has(key)) continue;
		if (current) {
			const item = byKey.get(key);
			if (!item) {
				if (shifted.has(key)) kept.push(entry);
				continue;
			}
			if (now - at >= afterMs) {
				if (times < reEmit.maxTimes) {
					items.push({ ...item, reEmitted: true, emitAttempt: times + 2 });
					kept.push([key, now, times + 1]);
				}
				continue;
			}
		}
		kept.push(entry);
	}
	for (const key of emittedKeys) kept.push([key, now, 0]);
	return { items, outstanding: kept.slice(-poll.limit) };
}

export const RE_EMIT_DEFAULTS: ReEmitOptions = { afterMinutes: 60, maxTimes: 3 };

function later(a: string | undefined, b: string | undefined) {
	return a === undefined || (b !== undefined && b > a) ? b : a;
}

function maxCursor<T extends IDataObject>(
	source: PollSource<T>,
	items: T[],
	previous: string | undefined,
) {
	if (!source.cursorOf) return undefined;
	let max = previous;
	for (const item of items) {
		const value = source.cursorOf(item);
		if (value !== undefined && (max === undefined || value > max)) max = value;
	}
	return max;
}
