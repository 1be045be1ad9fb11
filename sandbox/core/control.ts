import type { FaultSpec } from './faults';
import { HttpError } from './http-error';
import type { LedgerFilter } from './ledger';
import type { SandboxRequest } from './request';
import { json } from './response';
import { Router } from './router';
import type { SandboxState } from './state';
import type { VendorName } from './vendor';

/** The vendor-neutral control routes, relative to `/_control`. Vendor-specific ones live under `/_control/<vendor>`. */
export function createControlRouter(state: SandboxState): Router {
	return new Router()
		.get('/', (request) => json(200, overview(state, request)))
		.get('/ledger', (request) => json(200, { entries: state.ledger.list(ledgerFilter(request)) }))
		.delete('/ledger', () => {
			state.ledger.clear();
			return json(200, { cleared: 'ledger' });
		})
		.get('/faults', () => json(200, { faults: state.faults.list() }))
		.post('/faults', (request) =>
			json(201, { fault: state.faults.add(objectBody(request) as FaultSpec) }),
		)
		.delete('/faults', () => {
			state.faults.clear();
			return json(200, { cleared: 'faults' });
		})
		.delete('/faults/:id', (request) => {
			if (!state.faults.remove(request.params.id))
				throw new HttpError(404, `No fault ${request.params.id}`);
			return json(200, { removed: request.params.id });
		})
		.post('/reset', (request) => {
			const { vendor } = objectBody(request);
			if (vendor !== undefined) state.reset(vendorName(state, vendor));
			else state.reset();
			return json(200, { reset: vendor ?? 'all' });
		})
		.post('/seed', (request) => {
			const { vendor, ...options } = objectBody(request);
			const name = vendorName(state, vendor);
			return json(201, { vendor: name, created: state.seed(name, options) });
		});
}

function overview(state: SandboxState, request: SandboxRequest): object {
	const base = `http://${request.header('host') ?? 'localhost'}`;
	const vendors = state.vendorNames().flatMap((name) => {
		const module = state.vendor(name);
		return module
			? [{ name, title: module.title, baseUrl: `${base}/${name}`, credentials: module.credentials }]
			: [];
	});
	return { vendors, control: `${base}/_control` };
}

function ledgerFilter(request: SandboxRequest): LedgerFilter {
	const { vendor, type, since } = request.query;
	if (Array.isArray(vendor) || Array.isArray(type) || Array.isArray(since))
		throw new HttpError(400, 'vendor, type and since may each be given once');
	if (type !== undefined && type !== 'request' && type !== 'change')
		throw new HttpError(400, 'type must be "request" or "change"');
	if (since !== undefined && !/^\d+$/.test(since))
		throw new HttpError(400, 'since must be a sequence number');
	return { vendor, type, since: since === undefined ? undefined : Number(since) };
}

function objectBody(request: SandboxRequest): Record<string, unknown> {
	const body = request.json() ?? {};
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw new HttpError(400, 'The body must be a JSON object');
	return body as Record<string, unknown>;
}

function vendorName(state: SandboxState, value: unknown): VendorName {
	const names = state.vendorNames();
	if (typeof value !== 'string' || !names.includes(value))
		throw new HttpError(400, `vendor must be one of ${names.join(', ')}`);
	return value;
}
