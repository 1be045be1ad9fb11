import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { readFailure, redact, secretsOf, textOfBody, vendorApiError } from './errors';
import { markUncertain, operationName } from './outcome';
import { readNodeParameter } from './parameters';
import {
	backoffDelay,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
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

/** A whole-number option; anything else (text, −5, 1.5, an object) is an error naming it, never the default. */
function integerOption(
	ctx: ApiContext,
	name: string,
	label: string,
	range: [number, number],
	fallback: number,
	itemIndex: number | undefined,
): number {
	const value = readNodeParameter<unknown>(ctx, `options.${name}`, itemIndex, fallback);
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1]) return value;
	const item = itemIndex !== undefined && 'getInputData' in ctx ? ` [item ${itemIndex}]` : '';
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	throw new NodeOperationError(
		ctx.getNode(),
		`${label} must be a whole number from ${range[0]} to ${range[1]} (got ${shown ?? String(value)})${item}`,
		{ itemIndex },
	);
}

const maxRetriesFor = (ctx: ApiContext, itemIndex: number | undefined) =>
	integerOption(ctx, 'maxRetries', 'Max Retries', [0, 10], DEFAULT_MAX_RETRIES, itemIndex);

const timeoutFor = (ctx: ApiContext, itemIndex: number | undefined) =>
	integerOption(ctx, 'timeout', 'Timeout', [1, 600_000], DEFAULT_TIMEOUT_MS, itemIndex);

const isWrite = (request: ApiRequest) => request.method !== 'GET' && request.method !== 'HEAD';

/** "SKU.io Void" or, in a trigger, "SKU.io". */
function whatFailed(ctx: ApiContext, vendor: VendorApi, request: ApiRequest): string {
	const operation = operationName(ctx, request.itemIndex);
	return operation ? `${vendor.displayName} ${operation}` : vendor.displayName;
}

/**
 * A 2xx whose body is not JSON (cut off mid-answer, an HTML page from a proxy): axios hands such a
 * body over as text. Taken as success it would become made-up output, so it is an error; for a write
 * the vendor may have acted on it.
 */
function unreadableAnswer(
	ctx: ApiContext,
	vendor: VendorApi,
	request: ApiRequest,
	statusCode: number,
	body: unknown,
	secrets: string[],
): NodeApiError {
	const write = isWrite(request);
	const message = `${whatFailed(ctx, vendor, request)}: ${vendor.displayName} answered HTTP ${statusCode} with a body that is not the JSON it documents${write ? ' - the request may have been applied' : ''}`;
	const shown = typeof body === 'string' ? textOfBody(body) : undefined;
	const description = [
		shown ? `Received: ${redact(shown, secrets)}` : 'Received a body without text.',
		write
			? `Check in ${vendor.displayName} whether the change was made before running again.`
			: 'Nothing was output. Running again is safe.',
	].join('\n');
	const error = new NodeApiError(
		ctx.getNode(),
		{ message, httpCode: String(statusCode) },
		{ message, description, httpCode: String(statusCode), itemIndex: request.itemIndex },
	);
	error.context.unreadableAnswer = true;
	return write ? markUncertain(error) : error;
}

/** A body the JSON parser left as text. */
function isUnreadable(body: unknown): boolean {
	// An empty body is how some vendors answer a write; only text that is not JSON is unreadable.
	if (typeof body !== 'string' || body === '') return false;
	try {
		JSON.parse(body);
		return false;
	} catch {
		return true;
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
		timeout: timeoutFor(ctx, request.itemIndex),
	};
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
			if (request.encoding !== 'arraybuffer' && isUnreadable(response.body)) {
				const secrets = [...secretsOf(vendor, credentials), ...(await storedSecrets(ctx, vendor))];
				throw unreadableAnswer(ctx, vendor, request, response.statusCode, response.body, secrets);
			}
			const body = vendor.unwrap && request.encoding !== 'arraybuffer' ? vendor.unwrap(response.body) : response.body;
			return { body: body as T, headers: response.headers, statusCode: response.statusCode };
		} catch (error) {
			const unreadable = error instanceof NodeApiError && error.context?.unreadableAnswer ? error : undefined;
			if (unreadable) {
				// Read again when that is safe; a write is not repeated on a guess.
				if (!idempotent || attempt >= maxRetries) throw unreadable;
				resentAfterUncertainFailure = true;
				await sleep(backoffDelay(attempt), cancelSignalOf(ctx));
				continue;
			}
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
				const uncertain = network || (failure.status !== undefined && failure.status >= 500);
				if (isWrite(request) && uncertain) {
					apiError.message = `${whatFailed(ctx, vendor, request)}: ${apiError.message} - the request may have been applied`;
					markUncertain(apiError);
				} else if (network || failure.status === 429 || (failure.status ?? 0) >= 500) {
					apiError.message = `${whatFailed(ctx, vendor, request)}: ${apiError.message}`;
				}
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
