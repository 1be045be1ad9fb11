import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { isJsonObject } from '../shared/validation';
import { encodePath, trimBaseUrl } from '../shared/transport';
import { textOfBody } from '../shared/errors';
import type { ApiContext, VendorApi } from '../shared/types';

export const SKUIO_DEFAULT_TENANT = 'app';

/** `/api/v2/sales-order-fulfillments`: every fulfillment route except the void routes. */
export const FULFILLMENTS_PATH = '/api/v2/sales-order-fulfillments';
/** A route below one fulfillment, e.g. `/api/v2/sales-order-fulfillments/1001/detail`. */
export function fulfillmentPath(fulfillmentId: number, route: string): string {
	return `${FULFILLMENTS_PATH}${encodePath`/${fulfillmentId}`}/${route}`;
}

/** The void routes live under `/api/`, not `/api/v2/`. */
export const VOID_PATH = '/api/sales-order-fulfillments';

/**
 * SKU.io publishes no page size limit; 100 is the largest we ask for (the sandbox caps there too),
 * and a smaller page from the server still paginates correctly.
 */
export const MAX_PAGE_SIZE = 100;

/**
 * The credential's Base URL when set; otherwise the tenant: a subdomain (`acme` → `https://acme.sku.io`),
 * a host (`acme.sku.io`) or a full URL pasted into the tenant field.
 */
export function skuIoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const baseUrl = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (baseUrl) return trimBaseUrl(baseUrl, '');
	const tenant =
		typeof credentials.tenant === 'string' && credentials.tenant.trim()
			? credentials.tenant.trim()
			: SKUIO_DEFAULT_TENANT;
	if (/^https?:\/\//i.test(tenant)) return trimBaseUrl(tenant, '');
	if (tenant.includes('.')) return trimBaseUrl(`https://${tenant}`, '');
	return `https://${tenant}.sku.io`;
}

/** Laravel-style error bodies: `{message, errors: {field: [..]}}`; HTML or text pages become short text. */
function parseError(body: unknown) {
	if (typeof body === 'string') return { message: textOfBody(body) };
	const data = (body ?? {}) as IDataObject;
	const error = data.error;
	const message =
		typeof data.message === 'string' && data.message
			? data.message
			: typeof error === 'string'
				? error
				: typeof (error as IDataObject | undefined)?.message === 'string'
					? ((error as IDataObject).message as string)
					: undefined;
	return {
		code: typeof data.code === 'string' ? data.code : undefined,
		message,
		details: data.errors ?? data.reasons,
	};
}

export const skuIo: VendorApi = {
	displayName: 'SKU.io',
	credentialType: 'skuIoApi',
	bearerField: 'accessToken',
	baseUrl: skuIoBaseUrl,
	secretFields: ['accessToken'],
	parseError,
	hints: {
		401: 'Check the Personal Access Token and the tenant in the SKU.io credential.',
		403: 'The user who owns the Personal Access Token is not allowed to do this in SKU.io.',
		404: 'No such fulfillment (or route) on this tenant: check the ID and the tenant in the credential.',
		422: 'SKU.io rejected one or more values; the details list each field and why.',
	},
};

/**
 * A paginated list as SKU.io answers it (Laravel paginator: `{data, total, …}` or `{data, meta: {total}}`).
 * Any other answer is an error: read as an empty list, it would pass for "nothing found".
 */
export function readPage(
	ctx: ApiContext,
	body: unknown,
	itemIndex?: number,
): { items: IDataObject[]; total?: number } {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	if (!isJsonObject(body) || !Array.isArray(body.data)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'SKU.io answered with something other than a list',
			{
				itemIndex,
				description: `Received: ${JSON.stringify(body)?.slice(0, 300)}`,
			},
		);
	}
	const meta = (body.meta ?? {}) as IDataObject;
	const total = Number(body.total ?? meta.total);
	return { items: body.data as IDataObject[], total: Number.isFinite(total) ? total : undefined };
}

/** One record, unwrapped from `{data: {...}}` when SKU.io wraps it. */
export function readRecord(body: unknown): IDataObject {
	const data = (body ?? {}) as IDataObject;
	const inner = data.data;
	if (isJsonObject(inner)) return inner;
	return isJsonObject(body) ? data : {};
}

/**
 * Gives an operation's own explanation of a status instead of the vendor-wide hint, e.g. what a 400
 * from Void means. Other errors pass through unchanged.
 */
export function explainStatus(error: unknown, status: number, explanation: string): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== String(status)) return error;
	const generic = skuIo.hints?.[status];
	const rest = (error.description ?? '')
		.split('\n')
		.filter((line) => line !== '' && line !== generic);
	error.description = [explanation, ...rest].join('\n');
	return error;
}
