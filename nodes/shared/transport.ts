import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { bufferStreamedErrorBody } from './download';
import {
	isNetworkFailure,
	readFailure,
	redact,
	statusAnswer,
	secretsOf,
	textOfBody,
	vendorApiError,
} from './errors';
import { markUncertain } from './outcome';
import { changesState, previewInstead } from './preview';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, shouldRetry } from './retry';
import { runOf, type RunContext } from './run';
import type { ApiContext, ApiRequest, ApiResponse, VendorApi } from './types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

function isIdempotent(request: ApiRequest): boolean {
	if (request.idempotent !== undefined) return request.idempotent;
	if (SAFE_METHODS.has(request.method)) return true;
	return Object.keys(request.headers ?? {}).some(
		(name) => name.toLowerCase() === 'idempotency-key',
	);
}

/** "SKU.io Void" or, in a trigger, "SKU.io". */
function whatFailed(run: RunContext, vendor: VendorApi): string {
	const operation = run.operationName;
	return operation ? `${vendor.displayName} ${operation}` : vendor.displayName;
}

/**
 * A 2xx whose body is not JSON (cut off mid-answer, an HTML page from a proxy): axios hands such a
 * body over as text. Taken as success it would become made-up output, so it is an error; for a write
 * the vendor may have acted on it.
 */
function unreadableAnswer(
	ctx: ApiContext,
	run: RunContext,
	vendor: VendorApi,
	request: ApiRequest,
	statusCode: number,
	body: unknown,
	secrets: string[],
): NodeApiError {
	const write = changesState(request);
	const message = `${whatFailed(run, vendor)}: ${vendor.displayName} answered HTTP ${statusCode} with a body that is not the JSON it documents${write ? ' - the request may have been applied' : ''}`;
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

const RESENT = Symbol('sent again after an uncertain attempt');

/**
 * Whether the request that failed with this error had been sent again after a 5xx or a lost
 * connection, which the vendor may have acted on: a conflict (e.g. "already exists") may then be with
 * the request's own earlier attempt.
 */
export function failedAfterUncertainAttempt(error: unknown): boolean {
	return typeof error === 'object' && error !== null && RESENT in error;
}

/**
 * The secrets as stored now: n8n's pre-authentication or OAuth2 refresh may have fetched a new token
 * during the request, after the credentials were read for it.
 */
async function storedSecrets(ctx: ApiContext, vendor: VendorApi): Promise<string[]> {
	try {
		return secretsOf(
			vendor,
			(await ctx.getCredentials(vendor.credentialType)) as ICredentialDataDecryptedObject,
		);
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
	const run = runOf(ctx);
	const credentials = await run.credentials(vendor.credentialType);
	const binary = request.encoding === 'arraybuffer' || request.encoding === 'stream';
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: vendor.baseUrl(credentials),
		url: request.path,
		qs: request.qs,
		body: request.body,
		headers: {
			Accept: binary ? '*/*' : 'application/json',
			...vendor.headers?.(credentials),
			...request.headers,
		},
		json: !binary,
		encoding: binary ? request.encoding : undefined,
		returnFullResponse: true,
		timeout: run.timeout(request.itemIndex),
	};
	await previewInstead(run, vendor, request, {
		baseUrl: options.baseURL ?? '',
		headers: options.headers as Record<string, string>,
		secrets: secretsOf(vendor, credentials),
		send: async (dryRun) => await apiRequest(ctx, vendor, dryRun),
	});
	// The secrets as stored now too: a token may have been refreshed during the request.
	const allSecrets = async () => [
		...secretsOf(vendor, credentials),
		...(await storedSecrets(ctx, vendor)),
	];
	const idempotent = isIdempotent(request);
	const maxRetries = run.maxRetries(request.itemIndex);
	let resentAfterUncertainFailure = false;

	for (let attempt = 0; ; attempt++) {
		try {
			await run.limiter?.gate(cancelSignalOf(ctx));
			const send = async (ignoreHttpStatusErrors: boolean) => {
				const sent = { ...options, headers: { ...options.headers }, ignoreHttpStatusErrors };
				return (
					vendor.bearerField
						? await ctx.helpers.httpRequest(withBearer(sent, credentials[vendor.bearerField]))
						: await ctx.helpers.httpRequestWithAuthentication.call(ctx, vendor.credentialType, sent)
				) as { body: unknown; headers: ApiResponse['headers']; statusCode: number };
			};
			let response = await send(request.readErrorBody === true);
			// n8n renews a logged-in credential's token only on a thrown 401 (nothing was done: safe to resend).
			if (response.statusCode === 401 && !vendor.bearerField) response = await send(false);
			if (response.statusCode >= 400) throw statusAnswer(response);
			if (!binary && isUnreadable(response.body)) {
				throw unreadableAnswer(
					ctx,
					run,
					vendor,
					request,
					response.statusCode,
					response.body,
					await allSecrets(),
				);
			}
			const body = vendor.unwrap && !binary ? vendor.unwrap(response.body) : response.body;
			return { body: body as T, headers: response.headers, statusCode: response.statusCode };
		} catch (error) {
			const unreadable =
				error instanceof NodeApiError && error.context?.unreadableAnswer ? error : undefined;
			if (unreadable) {
				// Read again when that is safe; a write is not repeated on a guess.
				if (!idempotent || attempt >= maxRetries) throw unreadable;
				resentAfterUncertainFailure = true;
				await sleep(backoffDelay(attempt), cancelSignalOf(ctx));
				continue;
			}
			await bufferStreamedErrorBody(error);
			const failure = readFailure(error);
			const network = isNetworkFailure(failure);
			const retryAfter = parseRetryAfter(failure.headers['retry-after']);
			// Every request of this node run slows down, not only the one that was refused.
			if (failure.status === 429) run.limiter?.throttled(retryAfter ?? backoffDelay(attempt));
			const canRetry =
				attempt < maxRetries &&
				shouldRetry({ status: failure.status, network }, idempotent) &&
				(retryAfter === undefined || retryAfter <= MAX_RETRY_AFTER_MS);
			if (!canRetry) {
				const apiError = vendorApiError(
					ctx.getNode(),
					vendor,
					failure,
					await allSecrets(),
					request.itemIndex,
				);
				if (resentAfterUncertainFailure) Object.defineProperty(apiError, RESENT, { value: true });
				const uncertain = network || (failure.status !== undefined && failure.status >= 500);
				if (changesState(request) && uncertain) {
					apiError.message = `${whatFailed(run, vendor)}: ${apiError.message} - the request may have been applied`;
					markUncertain(apiError);
				} else if (network || failure.status === 429 || (failure.status ?? 0) >= 500) {
					apiError.message = `${whatFailed(run, vendor)}: ${apiError.message}`;
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

/** The request with `Authorization: Bearer <token>`, as the credential's own `authenticate` would send it. */
function withBearer(options: IHttpRequestOptions, token: unknown): IHttpRequestOptions {
	return {
		...options,
		headers: { ...options.headers, Authorization: `Bearer ${String(token ?? '')}` },
	};
}

function cancelSignalOf(ctx: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

/** `sendRequest` for the common case: just the (unwrapped) body. */
export async function apiRequest<T = unknown>(
	ctx: ApiContext,
	vendor: VendorApi,
	request: ApiRequest,
): Promise<T> {
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
export function encodePath(
	strings: TemplateStringsArray,
	...values: Array<string | number>
): string {
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
