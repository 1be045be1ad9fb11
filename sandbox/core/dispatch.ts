import { randomBytes } from 'node:crypto';

import { createControlRouter } from './control';
import { omitFields, type Fault } from './faults';
import { HttpError } from './http-error';
import type { FaultApplied } from './ledger';
import { parseQuery, type RawQuery } from './query';
import { createRequest, parseJsonBody, type SandboxRequest } from './request';
import { json, text, withHeaders, type SandboxResponse } from './response';
import { Router } from './router';
import type { SandboxState } from './state';
import type { VendorModule } from './vendor';

/** A request as read off the socket. */
export interface Incoming {
	method: string;
	/** Path and query as sent. */
	url: string;
	/** Lower-cased names. */
	headers: Record<string, string>;
	body: Buffer;
}

export type Outcome =
	| { kind: 'respond'; response: SandboxResponse }
	| { kind: 'drop' }
	/** Never answer: the server holds the socket until the client closes it. */
	| { kind: 'hang' };

export interface DispatchOptions {
	state: SandboxState;
	/** The HTTP reason phrase for a status. */
	statusText(status: number): string;
	sleep(ms: number): Promise<void>;
}

interface VendorRouters {
	module: VendorModule;
	api: Router;
	control: Router;
}

/** What every request shares before it is routed. */
interface Parsed {
	incoming: Incoming;
	fullPath: string;
	segments: string[];
	query: RawQuery;
	requestId: string;
	/** Builds the request a handler gets. */
	request(fields: Pick<SandboxRequest, 'seq' | 'vendor' | 'path' | 'cause'>): SandboxRequest;
}

type ErrorRenderer = (error: Error) => SandboxResponse;

/**
 * Turns one request into a response or a dropped connection. `/_control/…` goes to the control
 * routes; anything else is a vendor request: recorded in the ledger, checked against the faults, routed.
 */
export function createDispatcher(
	options: DispatchOptions,
): (incoming: Incoming) => Promise<Outcome> {
	const control = createControlRouter(options.state);
	const vendors = new Map<string, VendorRouters>();
	for (const name of options.state.vendorNames()) {
		const module = options.state.vendor(name);
		if (!module) continue;
		const routers = { module, api: new Router(), control: new Router() };
		module.registerRoutes(routers.api);
		module.registerControlRoutes(routers.control);
		vendors.set(name, routers);
	}

	return async (incoming) => {
		const parsed = parse(incoming);
		const outcome =
			parsed.segments[0] === '_control'
				? await dispatchControl(parsed, control, vendors.get(parsed.segments[1]))
				: await dispatchVendor(parsed, options, vendors);
		return outcome.kind !== 'respond'
			? outcome
			: {
					kind: 'respond',
					response: withHeaders(outcome.response, { 'X-Request-Id': parsed.requestId }),
				};
	};
}

function parse(incoming: Incoming): Parsed {
	const queryStart = incoming.url.indexOf('?');
	const fullPath = queryStart < 0 ? incoming.url : incoming.url.slice(0, queryStart);
	const { raw, nested } = parseQuery(queryStart < 0 ? '' : incoming.url.slice(queryStart + 1));
	const requestId = `req_${randomBytes(8).toString('hex')}`;
	return {
		incoming,
		fullPath,
		segments: fullPath.split('/').filter((segment) => segment !== ''),
		query: raw,
		requestId,
		request: (fields) =>
			createRequest({
				...fields,
				requestId,
				method: incoming.method,
				fullPath,
				query: raw,
				nestedQuery: nested,
				headers: incoming.headers,
				body: incoming.body,
			}),
	};
}

async function dispatchControl(
	parsed: Parsed,
	control: Router,
	vendor: VendorRouters | undefined,
): Promise<Outcome> {
	const request = parsed.request({
		seq: 0,
		vendor: vendor?.module.name ?? null,
		path: pathAfter(parsed.segments, vendor ? 2 : 1),
		cause: `control ${parsed.incoming.method} ${parsed.fullPath}`,
	});
	return {
		kind: 'respond',
		response: await route(vendor?.control ?? control, request, renderControlError),
	};
}

async function dispatchVendor(
	parsed: Parsed,
	options: DispatchOptions,
	vendors: Map<string, VendorRouters>,
): Promise<Outcome> {
	const { incoming, fullPath } = parsed;
	const routers = vendors.get(parsed.segments[0]);
	const record = options.state.ledger.recordRequest({
		vendor: routers?.module.name ?? null,
		requestId: parsed.requestId,
		method: incoming.method,
		path: fullPath,
		query: parsed.query,
		headers: incoming.headers,
		body: ledgerBody(incoming.body),
	});
	if (!routers) {
		record.status = 404;
		const known = [...vendors.keys()].map((name) => `/${name}`).join(', ');
		return {
			kind: 'respond',
			response: json(404, { error: { message: `No vendor at ${fullPath}; vendors: ${known}` } }),
		};
	}

	const { module } = routers;
	const renderVendorError: ErrorRenderer = (error) =>
		renderError(module, error, parsed.requestId, options.statusText);
	const fault = options.state.faults.take({
		vendor: module.name,
		method: incoming.method,
		path: fullPath,
	});
	if (fault) record.fault = applied(fault);
	if (fault?.latencyMs) await options.sleep(fault.latencyMs);
	const handle = async () =>
		await route(
			routers.api,
			parsed.request({
				seq: record.seq,
				vendor: module.name,
				path: pathAfter(parsed.segments, 1),
				cause: `request #${record.seq} ${incoming.method} ${fullPath}`,
			}),
			renderVendorError,
		);
	const handled = fault?.afterHandling || fault?.truncate ? await handle() : undefined;
	if (fault?.drop) return { kind: 'drop' };
	if (fault?.hang) return { kind: 'hang' };

	const response = fault?.truncate
		? truncated(handled!, fault.status)
		: fault?.omit
			? withFieldsOmitted(handled ?? (await handle()), fault.omit)
			: fault?.status !== undefined
				? faultResponse(fault.status, fault, renderVendorError, options.statusText)
				: (handled ?? (await handle()));
	record.status = response.status;
	return { kind: 'respond', response };
}

async function route(
	router: Router,
	request: SandboxRequest,
	renderError: ErrorRenderer,
): Promise<SandboxResponse> {
	try {
		const match = router.match(request.method, request.path);
		if (match.kind === 'not-found')
			throw new HttpError(404, `No route for ${request.method} ${request.path}`);
		if (match.kind === 'method-not-allowed')
			throw new HttpError(405, `${request.method} is not allowed on ${request.path}`, {
				headers: { Allow: match.allowed.join(', ') },
			});
		return await match.handler({ ...request, params: match.params });
	} catch (error) {
		return renderError(error as Error);
	}
}

function renderError(
	module: VendorModule,
	error: Error,
	requestId: string,
	statusText: (status: number) => string,
): SandboxResponse {
	const http = asHttpError(error);
	const rendered = module.renderError(
		{
			status: http.status,
			reason: statusText(http.status),
			message: http.message || undefined,
			code: http.extra.code,
			details: http.extra.details,
		},
		requestId,
	);
	return withHeaders(rendered, http.extra.headers);
}

function renderControlError(error: Error): SandboxResponse {
	const http = asHttpError(error);
	const { code, details, headers } = http.extra;
	return json(http.status, { error: { message: http.message, code, details } }, headers);
}

function asHttpError(error: Error): HttpError {
	return error instanceof HttpError ? error : new HttpError(500, `Sandbox error: ${error.message}`);
}

function faultResponse(
	status: number,
	fault: Fault,
	renderVendorError: ErrorRenderer,
	statusText: (status: number) => string,
): SandboxResponse {
	const base = fault.html
		? htmlPage(status, statusText(status))
		: fault.body === undefined
			? renderVendorError(new HttpError(status, ''))
			: typeof fault.body === 'string'
				? text(status, fault.body)
				: json(status, fault.body);
	return withHeaders(base, fault.headers);
}

function applied(fault: Fault): FaultApplied {
	return {
		id: fault.id,
		status: fault.status,
		latencyMs: fault.latencyMs,
		drop: fault.drop,
		afterHandling: fault.afterHandling,
		truncate: fault.truncate,
		html: fault.html,
		hang: fault.hang,
		omit: fault.omit,
	};
}

function withFieldsOmitted(response: SandboxResponse, paths: string[]): SandboxResponse {
	return { ...response, body: omitFields(response.body, paths).body };
}

/** The vendor's own answer cut off half-way, as a connection closed mid-body delivers it. */
function truncated(response: SandboxResponse, status: number | undefined): SandboxResponse {
	const body = Buffer.from(response.body);
	return {
		...response,
		status: status ?? response.status,
		body: body.subarray(0, Math.floor(body.length / 2)),
	};
}

function htmlPage(status: number, reason: string): SandboxResponse {
	const title = `${status} ${reason}`;
	return text(
		status,
		`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
		'text/html',
	);
}

/** The path without its first `count` segments (the vendor or control prefix). */
function pathAfter(segments: string[], count: number): string {
	return `/${segments.slice(count).join('/')}`;
}

function ledgerBody(body: Buffer): unknown {
	if (body.length === 0) return undefined;
	try {
		return parseJsonBody(body);
	} catch {
		return body.toString('utf8');
	}
}
