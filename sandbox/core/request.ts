import { HttpError } from './http-error';
import type { NestedQuery, RawQuery } from './query';

export interface SandboxRequest {
	/** Ledger sequence number of this request; 0 for control requests, which the ledger does not record. */
	readonly seq: number;
	/** Sent back in the `X-Request-Id` header; the vendor decides where else it appears. */
	readonly requestId: string;
	readonly vendor: string | null;
	readonly method: string;
	/** Path inside the vendor (or inside `/_control`), still percent-encoded, e.g. `/api/v2/fulfillment/queue`. */
	readonly path: string;
	/** Path as received, including the vendor prefix. */
	readonly fullPath: string;
	/** Route parameters, URL-decoded. */
	readonly params: Record<string, string>;
	readonly query: RawQuery;
	readonly nestedQuery: NestedQuery;
	/** Lower-cased names. */
	readonly headers: Record<string, string>;
	readonly body: Buffer;
	/** What caused a state change made while handling this request, for the ledger. */
	readonly cause: string;
	header(name: string): string | undefined;
	/** The body parsed as JSON; `undefined` when empty; a 400 HttpError when malformed. */
	json(): unknown;
}

export type RequestInit = Omit<SandboxRequest, 'header' | 'json' | 'params'>;

export function createRequest(init: RequestInit): SandboxRequest {
	return {
		...init,
		params: {},
		header: (name) => init.headers[name.toLowerCase()],
		json: () => parseJsonBody(init.body),
	};
}

export function parseJsonBody(body: Buffer): unknown {
	const source = body.toString('utf8');
	if (source.trim() === '') return undefined;
	let problem: string;
	try {
		return JSON.parse(source);
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new HttpError(400, `Malformed JSON body: ${problem}`, { details: { field: 'body' } });
}
