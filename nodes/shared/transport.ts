import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { readFailure, secretsOf, vendorApiError } from './errors';
import { previewInstead } from './preview';
import {
	backoffDelay,
	DEFAULT_MAX_RETRIES,
	isRetryableNetworkError,
	MAX_RETRY_AFTER_MS,
	parseRetryAfter,
	shouldRetry,
} from './retry';
import type { ApiContext, ApiRequest, ApiResponse, VendorApi } from './types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

function isIdempotent(request: ApiRequest): boolean {
	if (request.idempotent !== undefined) return request.idempotent;
	if (SAFE_METHODS.has(request.method)) return true;
	return Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'idempotency-key');
}

function maxRetriesFor(ctx: ApiContext, itemIndex: number | undefined): number {
	const value = readNodeParameter(ctx, 'options.maxRetries', itemIndex, DEFAULT_MAX_RETRIES);
	const retries = Number(value);
	return Number.isInteger(retries) && retries >= 0 ? Math.min(retries, 10) : DEFAULT_MAX_RETRIES;
}

/**
 * Reads a node parameter from any context: per item where the context has items, once where it has
 * not (poll, load options), and the fallback where the parameter does not exist.
 */
function readNodeParameter<T>(ctx: ApiContext, name: string, itemIndex: number | undefined, fallback: T): T {
	try {
		if ('getInputData' in ctx) {
			return (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex ?? 0, fallback) as T;
		}
		return (ctx.getNodeParameter as (name: string, fallback: unknown) => unknown)(name, fallback) as T;
	} catch {
		return fallback;
	}
}

const resentErrors = new WeakSet<object>();

/**
 * Whether the request that failed with this error had been sent again after a 5xx or a lost
 * connection, which the vendor may have acted on: a conflict (e.g. "already exists") may then be with
 * the request's own earlier attempt.
 */
export function failedAfterUncertainAttempt(error: unknown): boolean {
	return typeof error === 'object' && error !== null && resentErrors.has(error);
}

/**
 * The secrets as stored now: n8n's pre-authentication or OAuth2 refresh may have fetched a new token
 * during the request, after the credentials were read for it.
 */
async function storedSecrets(ctx: ApiContext, vendor: VendorApi): Promise<string[]> {
	try {
		return secretsOf(vendor, (await ctx.getCredentials(vendor.credentialType)) as ICredentialDataDecryptedObject);
	} catch {
		return [];
	}
}

/**
 * The one HTTP path of the pack: vendor base URL and headers, retries with backoff and Retry-After,
 * vendor errors turned into redacted NodeApiErrors, success envelopes unwrapped.
 */
export async function sendRequest<T = unknown>(
	ctx: ApiContext,
	vendor: VendorApi,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const credentials = (await ctx.getCredentials(vendor.credentialType)) as ICredentialDataDecryptedObject;
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: vendor.baseUrl(credentials),
		url: request.path,
		qs: request.qs,
		body: request.body,
		headers: {
			Accept: request.encoding === 'arraybuffer' ? '*/*' : 'application/json',
			...vendor.headers?.(credentials),
			...request.headers,
		},
		json: request.encoding !== 'arraybuffer',
		encoding: request.encoding === 'arraybuffer' ? 'arraybuffer' : undefined,
		returnFullResponse: true,
	};
	await previewInstead(ctx, vendor, request, {
		baseUrl: options.baseURL ?? '',
		headers: options.headers as Record<string, string>,
		secrets: secretsOf(vendor, credentials),
		send: async (dryRun) => await apiRequest(ctx, vendor, dryRun),
	});
	const idempotent = isIdempotent(request);
	const maxRetries = maxRetriesFor(ctx, request.itemIndex);
	let resentAfterUncertainFailure = false;

	for (let attempt = 0; ; attempt++) {
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				vendor.credentialType,
				{ ...options, headers: { ...options.headers } },
			)) as { body: unknown; headers: ApiResponse['headers']; statusCode: number };
			const body = vendor.unwrap && request.encoding !== 'arraybuffer' ? vendor.unwrap(response.body) : response.body;
			return { body: body as T, headers: response.headers, statusCode: response.statusCode };
		} catch (error) {
			const failure = readFailure(error);
			const network = failure.status === undefined && isRetryableNetworkError(failure.code, failure.message);
			const retryAfter = parseRetryAfter(failure.headers['retry-after']);
			const canRetry =
				attempt < maxRetries &&
				shouldRetry({ status: failure.status, network }, idempotent) &&
				(retryAfter === undefined || retryAfter <= MAX_RETRY_AFTER_MS);
			if (!canRetry) {
				const secrets = [...secretsOf(vendor, credentials), ...(await storedSecrets(ctx, vendor))];
				const apiError = vendorApiError(ctx.getNode(), vendor, failure, secrets, request.itemIndex);
				if (resentAfterUncertainFailure) resentErrors.add(apiError);
				throw apiError;
			}
			// A 429 was refused before anything happened; after a 5xx or a lost connection the vendor may have acted.
			if (failure.status !== 429) resentAfterUncertainFailure = true;
			// A stopped execution ends the wait at once (the sleep rejects with the cancel reason).
			await sleep(retryAfter ?? backoffDelay(attempt), cancelSignalOf(ctx));
		}
	}
}

function cancelSignalOf(ctx: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

/** `sendRequest` for the common case: just the (unwrapped) body. */
export async function apiRequest<T = unknown>(ctx: ApiContext, vendor: VendorApi, request: ApiRequest): Promise<T> {
	return (await sendRequest<T>(ctx, vendor, request)).body;
}

/** Base URL from a credential field, without a trailing slash. */
export function trimBaseUrl(value: unknown, fallback: string): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return text.replace(/\/+$/, '');
}

/**
 * Builds a URL path whose interpolated values are each one encoded segment:
 * encodePath`/orders/${id}/status` with id "../x?y" gives "/orders/..%2Fx%3Fy/status".
 * "." and ".." are refused: URL parsers treat them (even percent-encoded) as dot segments.
 */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	return strings.reduce((path, literal, i) => {
		if (i === 0) return literal;
		return path + encodeSegment(values[i - 1]) + literal;
	}, '');
}

export function encodeSegment(value: string | number): string {
	const text = String(value);
	if (text === '' || text === '.' || text === '..') {
		throw new Error(`"${text}" cannot be used as an identifier in a URL path`);
	}
	return encodeURIComponent(text);
}
