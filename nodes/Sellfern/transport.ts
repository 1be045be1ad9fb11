import type { IDataObject } from 'n8n-workflow';
import { textOfBody } from '../shared/errors';
import { trimBaseUrl } from '../shared/transport';
import type { VendorApi } from '../shared/types';

export const SELLFERN_DEFAULT_BASE_URL = 'https://api.sellfern.com';

/** Sellfern: `{success, data, meta: {request_id}}` and `{success: false, error: {code, message, details}}`. */
export const sellfern: VendorApi = {
	displayName: 'Sellfern',
	credentialType: 'sellfernApi',
	bearerField: 'apiToken',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl, SELLFERN_DEFAULT_BASE_URL),
	secretFields: ['apiToken'],
	unwrap: (body) => (body as IDataObject | undefined)?.data ?? body,
	parseError(body) {
		const envelope = (body ?? {}) as IDataObject;
		const error = (envelope.error ?? {}) as IDataObject;
		const meta = (envelope.meta ?? {}) as IDataObject;
		return {
			code: typeof error.code === 'string' ? error.code : undefined,
			message:
				typeof error.message === 'string'
					? error.message
					: typeof body === 'string'
						? textOfBody(body)
						: undefined,
			details: error.details,
			requestId: typeof meta.request_id === 'string' ? meta.request_id : undefined,
		};
	},
	// Assign has Sellfern's own dry run. Sent without the Idempotency-Key: Sellfern would keep the
	// dry-run answer under it and replay it to the real request.
	dryRun: (request) =>
		request.method === 'POST' && request.path === '/api/v2/fulfillment/assign'
			? {
					...request,
					qs: { ...request.qs, dry_run: true },
					headers: Object.fromEntries(
						Object.entries(request.headers ?? {}).filter(
							([name]) => name.toLowerCase() !== 'idempotency-key',
						),
					),
					idempotent: true,
					changesState: false,
				}
			: undefined,
	hints: {
		401: 'Check the API token in the Sellfern credential.',
		403: 'The API token lacks a scope: reading the queue needs fulfillment:read, assigning needs fulfillment:write, order status needs orders:status:write.',
		422: 'The Idempotency-Key was already used for a different request within 24 hours. Use a new key.',
	},
};

export const QUEUE_STATUSES = ['New', 'In Production'] as const;
export const ORDER_STATUSES = [
	'Pending Cost',
	'New',
	'In Production',
	'Shipped',
	'Complete',
	'Cancelled',
] as const;
/** Not published by Sellfern; the sandbox and our tests use 100 (see README). */
export const QUEUE_MAX_PAGE_SIZE = 100;
