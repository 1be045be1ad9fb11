import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

/** Any n8n context our transport can send requests from. */
export type ApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** What a vendor's error body says, once parsed. */
export interface VendorError {
	code?: string;
	message?: string;
	details?: unknown;
	requestId?: string;
}

/** The vendor-specific half of the transport: everything else is shared. */
export interface VendorApi {
	/** Shown in error messages, e.g. "Sellfern". */
	displayName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Credential fields whose values must never appear in an error text; `a.b` names a field inside an object. */
	secretFields: string[];
	parseError(body: unknown): VendorError;
	/** Unwraps the success envelope, if the vendor has one. */
	unwrap?(body: unknown): unknown;
	/**
	 * The credential field sent as `Authorization: Bearer …`, for a credential that is nothing more:
	 * the transport then sets the header itself and calls `httpRequest`, sparing n8n a second
	 * credential read (a database query, a decryption and, in a poll, an expression isolate) per request.
	 */
	bearerField?: string;
	/** Extra headers every request carries (e.g. an organization header from the credential). */
	headers?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/** Clearer words for status codes, e.g. which scope a 403 usually means. */
	hints?: Partial<Record<number, string>>;
	/** The vendor's own dry run of a write (a request that changes nothing), shown by Preview Only. */
	dryRun?(request: ApiRequest): ApiRequest | undefined;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, built with `encodePath` so ids can never change the route. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/**
	 * Whether sending the request twice is harmless. Defaults: GET, HEAD, PUT, DELETE yes; POST and
	 * PATCH only when they carry an Idempotency-Key header.
	 */
	idempotent?: boolean;
	/**
	 * 'arraybuffer' returns the body as a Buffer; 'stream' as a readable stream, for files that must
	 * never be held in memory whole (hand it to `prepareBinaryData`).
	 */
	encoding?: 'json' | 'arraybuffer' | 'stream';
	itemIndex?: number;
	/** Whether the request changes state (Preview Only holds it back). Default: all but GET, HEAD, OPTIONS. */
	changesState?: boolean;
	/**
	 * Receive a 4xx/5xx answer instead of n8n's request error, so the vendor's error body (e.g. its
	 * error code) is read on every n8n version: n8n 1.x's authenticated request helper drops it.
	 */
	readErrorBody?: boolean;
}

export interface ApiResponse<T = unknown> {
	body: T;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}
