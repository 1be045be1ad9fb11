import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ApiContext } from './types';

/**
 * Marks errors after which a write may or may not have happened: the connection was lost or timed
 * out, the vendor answered 5xx, or its 2xx answer could not be read. Operations read back such writes.
 * The mark is a hidden member of the error itself, so it goes wherever the error goes.
 */
const UNCERTAIN = Symbol('outcome uncertain');

export function markUncertain<E extends object>(error: E): E {
	Object.defineProperty(error, UNCERTAIN, { value: true });
	return error;
}

export function isUncertainOutcome(error: unknown): boolean {
	return typeof error === 'object' && error !== null && UNCERTAIN in error;
}

/** What a read-back after an uncertain failure found. */
export type ReadBack = 'applied' | 'not applied' | 'unknown';

export interface ReadBackOptions<T> {
	/** Sends the write. */
	send: () => Promise<T>;
	/**
	 * Reads the vendor's state after an uncertain failure: true when the write took effect, false when
	 * it did not, undefined when that cannot be told. A failing read counts as undefined.
	 */
	applied: () => Promise<boolean | undefined>;
	/** What a person should check when the outcome stays unknown, e.g. "fulfillment 1001 in SKU.io". */
	check: string;
}

/**
 * Sends a write; when it fails in a way that leaves its outcome open, reads back whether it was
 * applied. Applied: the result is `{ outcome: 'applied' }` (the caller outputs what it read back).
 * Not applied or unknown: the error is thrown again, saying which, and what to check.
 */
export async function sendWithReadBack<T>(
	options: ReadBackOptions<T>,
): Promise<{ outcome: 'sent'; result: T } | { outcome: 'applied' }> {
	let failure: unknown;
	try {
		return { outcome: 'sent', result: await options.send() };
	} catch (error) {
		failure = error;
	}
	// Errors come from the transport (NodeApiError); only an open outcome is read back.
	if (!isUncertainOutcome(failure)) throw failure;
	let found: boolean | undefined;
	try {
		found = await options.applied();
	} catch {
		found = undefined;
	}
	if (found === true) return { outcome: 'applied' };
	throw withOutcome(failure as Error, found === false ? 'not applied' : 'unknown', options.check);
}

/** Says in the error what the read-back found: a plain failure would leave the user guessing. */
export function withOutcome<E extends Error>(error: E, outcome: ReadBack, check: string): E {
	const described = error as E & { description?: string | null; context?: Record<string, unknown> };
	const line =
		outcome === 'not applied'
			? `Outcome: not applied. Reading ${check} back showed the change was not made; running again is safe.`
			: `Outcome: unknown. Whether the change was made could not be read back: check ${check} before running again.`;
	described.description = [line, described.description].filter(Boolean).join('\n');
	if (described.context) described.context.outcome = outcome;
	return error;
}

/**
 * Runs the read a guard takes before a write (does it exist already? was it done already?). When the
 * vendor's answer lacks what the guard needs (`read` throws a plain Error), nothing is sent: the item
 * stops with outcome unknown. Request errors (NodeApiError) pass as they are; nothing was sent either.
 */
export async function readGuard<T>(
	ctx: ApiContext,
	itemIndex: number,
	check: string,
	read: () => Promise<T>,
): Promise<T> {
	let failure: unknown;
	try {
		return await read();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) throw failure;
	throw guardUnreadable(ctx, itemIndex, check, (failure as Error).message);
}

/** The guard before a write could not tell whether the write is needed: nothing is sent. */
export function guardUnreadable(
	ctx: ApiContext,
	itemIndex: number,
	check: string,
	reason: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Not sent: ${reason}`, {
		itemIndex,
		description: `Outcome: unknown. Before sending, the node reads ${check} so as not to make the change twice, but the answer lacks what it needs; nothing was sent. Check ${check} before running again.`,
	});
}
