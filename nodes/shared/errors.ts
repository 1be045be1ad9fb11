import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { isJsonObject } from './validation';
import { isRetryableNetworkError, parseRetryAfter } from './retry';
import type { VendorApi, VendorError } from './types';

/** What we could learn from an error thrown by n8n's HTTP helpers. */
export interface FailedResponse {
	status?: number;
	headers: Record<string, unknown>;
	body: unknown;
	/** Network-level code such as ECONNRESET, when no response came back. */
	code?: string;
	message: string;
	/** Every message the error carries: n8n 1.x replaces a lost connection's "socket hang up" by a
	 * friendly sentence and keeps the original words only in `messages`. */
	messages?: string[];
	/** The token endpoint's answer when fetching an OAuth2 token failed (kept by n8n's OAuth2 client). */
	tokenErrorBody?: unknown;
}

/**
 * n8n's OAuth2 client keeps the token endpoint's answer on its error (`body`); a body that is not
 * OAuth-shaped (`{"error": {"message": …}}`) reaches the message as "[object Object]".
 */
function tokenErrorBodyOf(error: unknown): unknown {
	let current = error as Loose;
	for (let depth = 0; current && depth < 4; depth++) {
		if (
			current.body !== undefined &&
			(current.code === 'EAUTH' || typeof current.status === 'number')
		)
			return current.body;
		current = current.cause as Loose;
	}
	return undefined;
}

type Loose = Record<string, unknown> | undefined;

/** n8n wraps axios errors in NodeApiError; the response may sit on the error or on its cause. */
/** No answer came back: the connection was refused, reset or timed out (by code or by any of its messages). */
export function isNetworkFailure(failure: FailedResponse): boolean {
	return (
		failure.status === undefined &&
		isRetryableNetworkError(failure.code, (failure.messages ?? [failure.message]).join('\n'))
	);
}

/**
 * A 4xx/5xx answer received as a response (`ignoreHttpStatusErrors`), shaped as the request error
 * n8n's helpers throw for it, so `readFailure` reads it the same way.
 */
export function statusAnswer(response: {
	statusCode: number;
	headers: unknown;
	body: unknown;
}): Error {
	return Object.assign(new Error(`Request failed with status code ${response.statusCode}`), {
		response: { status: response.statusCode, headers: response.headers, data: response.body },
	});
}

export function readFailure(error: unknown): FailedResponse {
	const outer = error as Loose;
	const cause = outer?.cause as Loose;
	const response = (outer?.response ?? cause?.response) as Loose;
	const status = Number(response?.status ?? outer?.httpCode ?? NaN);
	// n8n 1.x's NodeApiError puts a network code such as ECONNRESET into httpCode, keeping no cause.
	const networkCode =
		typeof outer?.httpCode === 'string' && !/^\d+$/.test(outer.httpCode)
			? outer.httpCode
			: undefined;
	const code = (cause?.code ?? outer?.code ?? networkCode) as string | undefined;
	const message = String(cause?.message ?? outer?.message ?? 'Unknown error');
	return {
		status: Number.isFinite(status) && status > 0 ? status : undefined,
		headers: lowerCaseKeys((response?.headers as Record<string, unknown>) ?? {}),
		body: decodeBody(response?.data),
		code: typeof code === 'string' ? code : undefined,
		message,
		messages: [message, ...(Array.isArray(outer?.messages) ? outer.messages.map(String) : [])],
		tokenErrorBody: tokenErrorBodyOf(error),
	};
}

function lowerCaseKeys(headers: Record<string, unknown>) {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(headers)) result[key.toLowerCase()] = value;
	return result;
}

/** Error bodies of binary requests arrive as bytes; JSON ones are parsed for the vendor parser. */
export function decodeBody(data: unknown): unknown {
	if (data === undefined || data === null) return data;
	if (Buffer.isBuffer(data) || data instanceof ArrayBuffer) {
		const text = Buffer.from(data as Buffer).toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return data;
}

/**
 * An error body that came as text, made fit for a message: an HTML page (a proxy's "502 Bad
 * Gateway") reduced to its words, whitespace collapsed, cut at 200 characters; `undefined` when empty.
 */
export function textOfBody(body: string): string | undefined {
	const text = body
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<\/?[a-z!][^>]*>/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text ? (text.length > 200 ? `${text.slice(0, 197)}…` : text) : undefined;
}

/** Replaces every secret value found in the text, so no token ends up in an error or a log. */
export function redact(text: string, secrets: string[]): string {
	let result = text;
	// Longest first: a secret that contains another must not be left half-replaced.
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		if (secret.length >= 4) result = result.split(secret).join('***');
	}
	return result;
}

/** The values of the vendor's secret fields; a dotted name reaches into an object (`oauthTokenData.access_token`). */
export function secretsOf(vendor: VendorApi, credentials: Record<string, unknown> | undefined) {
	if (!credentials) return [];
	return vendor.secretFields
		.map((field) =>
			field
				.split('.')
				.reduce<unknown>(
					(value, key) => (isJsonObject(value) ? value[key] : undefined),
					credentials,
				),
		)
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

/** The failure's message, with "[object Object]" replaced by what the token endpoint said. */
function readableTokenError(vendor: VendorApi, failure: FailedResponse): string {
	if (!failure.message.includes('[object Object]') || failure.tokenErrorBody === undefined)
		return failure.message;
	const body = failure.tokenErrorBody;
	const said =
		vendor.parseError(body).message ??
		(typeof body === 'string' ? textOfBody(body) : JSON.stringify(body)?.slice(0, 200));
	return failure.message.replace('[object Object]', said ?? 'no reason given');
}

function requestIdOf(parsed: VendorError, headers: Record<string, unknown>): string | undefined {
	const header = headers['x-request-id'];
	return parsed.requestId ?? (typeof header === 'string' ? header : undefined);
}

const STATUS_WORDS: Record<number, string> = {
	400: 'rejected the request as invalid',
	401: 'did not accept the credentials',
	403: 'refused access',
	404: 'could not find the resource',
	409: 'reported a conflict',
	422: 'could not process the request',
	429: 'is rate limiting requests',
};

/**
 * Turns a vendor failure into a NodeApiError that shows the vendor's code, message and request id.
 * The error is built from plain values only (never the raw HTTP error, whose request carries the
 * credentials) and every text is redacted.
 */
/**
 * n8n's declared failure cause (n8n-workflow 2.x `Failure`): why a request failed, so n8n's poll
 * back-off waits out a throttle (at least the vendor's Retry-After) and stops polling on a refused
 * credential or an impossible configuration until someone acts, instead of guessing from the error.
 * Plain data: n8n 1.x ignores the option.
 */
export type FailureCause =
	| { cause: 'rate-limited' | 'temporarily-unavailable'; retryAfterMs?: number }
	| { cause: 'credential-invalid' | 'configuration-invalid' };

export function failureOf(failure: FailedResponse): FailureCause | undefined {
	const status = failure.status;
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(failure.headers['retry-after']);
		return retryAfterMs !== undefined && retryAfterMs > 0
			? { cause: 'rate-limited', retryAfterMs }
			: { cause: 'rate-limited' };
	}
	if (status === 401 || status === 403) return { cause: 'credential-invalid' };
	if (status === 400 || status === 404) return { cause: 'configuration-invalid' };
	if ((status !== undefined && status >= 500) || isNetworkFailure(failure))
		return { cause: 'temporarily-unavailable' };
	return undefined;
}

export function vendorApiError(
	node: INode,
	vendor: VendorApi,
	failure: FailedResponse,
	secrets: string[],
	itemIndex?: number,
): NodeApiError {
	const parsed = failure.status ? vendor.parseError(failure.body) : {};
	const requestId = requestIdOf(parsed, failure.headers);
	const status = failure.status;
	const what = status
		? `${vendor.displayName} ${STATUS_WORDS[status] ?? (status >= 500 ? 'had a server error' : 'returned an error')} (HTTP ${status}${parsed.code ? ` ${parsed.code}` : ''})`
		: isNetworkFailure(failure)
			? `Could not reach ${vendor.displayName}`
			: `The request to ${vendor.displayName} failed`;
	const vendorMessage =
		parsed.message ?? (status ? undefined : readableTokenError(vendor, failure));
	const message = redact(vendorMessage ? `${what}: ${vendorMessage}` : what, secrets);
	const descriptionParts = [
		status ? vendor.hints?.[status] : undefined,
		parsed.details !== undefined ? `Details: ${JSON.stringify(parsed.details)}` : undefined,
		requestId ? `Request ID: ${requestId}` : undefined,
	].filter(Boolean);
	const description = redact(descriptionParts.join('\n'), secrets) || undefined;
	const errorResponse: JsonObject = {
		message,
		...(parsed.code ? { code: redact(parsed.code, secrets) } : {}),
		...(requestId ? { requestId: redact(requestId, secrets) } : {}),
		...(status ? { httpCode: String(status) } : {}),
		...(failure.code ? { networkCode: failure.code } : {}),
	};
	const cause = failureOf(failure);
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex,
		...(cause ? { failure: cause } : {}),
	});
}
