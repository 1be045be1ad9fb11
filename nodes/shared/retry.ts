import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_MAX_RETRIES = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A Retry-After longer than this is not waited out: the error is shown instead. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** The last entry of every Options collection (`optionsCollection`), read as `options.maxRetries`. */
export const maxRetriesOption: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
	default: DEFAULT_MAX_RETRIES,
	description:
		'How many times to retry a request that failed with a network error, a 429 or a 5xx response, waiting longer each time and honoring Retry-After. Writes are retried only when they are safe to repeat.',
};

/** Longer than any answer the vendors need, shorter than the 45 s a stuck proxy was seen to hold a request. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Read as `options.timeout`: each attempt is given up after this long, then retried like a lost connection. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: DEFAULT_TIMEOUT_MS,
	description:
		'How long to wait for each answer, in milliseconds. A request that gets no answer in time counts as a network error: it is retried when that is safe, otherwise the error says the request may have been applied.',
};

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isRetryableNetworkError(code: string | undefined, message: string): boolean {
	if (code && RETRYABLE_NETWORK_CODES.has(code)) return true;
	return /socket hang up|network error|timeout/i.test(message);
}

/**
 * Whether a failed attempt may be sent again. A 429 was refused before the vendor acted, so it is
 * retried for every method; a 5xx or a lost connection may have been acted on, so only requests
 * that are safe to repeat (idempotent by design or carrying an idempotency key) are retried.
 */
export function shouldRetry(failure: { status?: number; network: boolean }, idempotent: boolean) {
	if (failure.status === 429) return true;
	if (!idempotent) return false;
	return failure.network || (failure.status !== undefined && failure.status >= 500);
}

/** Exponential backoff with full jitter between half and all of the step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
