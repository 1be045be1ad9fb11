import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { encodeSegment, trimBaseUrl } from '../shared/transport';
import { textOfBody } from '../shared/errors';
import type { VendorApi, VendorError } from '../shared/types';

/**
 * `{base}/rest/{store_code}`: operation paths start at `/V1/…` as in the vendor's endpoint list. A
 * base URL pasted with its `/rest/<store>/V1` tail is accepted as well.
 */
export function restBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const base = trimBaseUrl(credentials.baseUrl, '').replace(/\/rest(\/[^/]+(\/V1)?)?$/i, '');
	const storeCode = typeof credentials.storeCode === 'string' ? credentials.storeCode.trim() : '';
	if (!/^https?:\/\//i.test(base)) {
		throw new UserError(
			'The ShipperOne credential needs the Base URL of your ShipperOne instance (https://…)',
		);
	}
	if (storeCode === '' || storeCode === '.' || storeCode === '..') {
		throw new UserError('The ShipperOne credential needs the Store Code issued with your token');
	}
	return `${base}/rest/${encodeSegment(storeCode)}`;
}

/** Magento-style placeholders: `%1` takes parameters[0], `%resources` takes parameters.resources. */
function fillParameters(message: string, parameters: unknown): string {
	if (Array.isArray(parameters)) {
		return message.replace(/%(\d+)/g, (match, n: string) => {
			const value: unknown = parameters[Number(n) - 1];
			return value === undefined ? match : String(value);
		});
	}
	if (parameters && typeof parameters === 'object') {
		const named = parameters as IDataObject;
		return message.replace(/%([A-Za-z_]\w*)/g, (match, name: string) =>
			named[name] === undefined ? match : String(named[name]),
		);
	}
	return message;
}

function messageOf(entry: unknown): string | undefined {
	if (typeof entry === 'string') return entry.trim() || undefined;
	const object = (entry ?? {}) as IDataObject;
	if (typeof object.message === 'string') return fillParameters(object.message, object.parameters);
	if (object.error !== undefined) return messageOf(object.error);
	return undefined;
}

/**
 * ShipperOne answers errors as JSON without a published shape; its REST layer is Magento's:
 * `{message, parameters?, errors?: [{message, parameters}], trace?}`. Other shapes are read too.
 */
export function parseShipperOneError(body: unknown): VendorError {
	const object = (body ?? {}) as IDataObject;
	const errors = Array.isArray(object.errors) ? object.errors.map(messageOf).filter(Boolean) : [];
	const code = object.code ?? (object.error as IDataObject | undefined)?.code;
	return {
		message: typeof body === 'string' ? textOfBody(body) : messageOf(body)?.slice(0, 500),
		code: typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
		details: errors.length ? errors : undefined,
	};
}

export const shipperOne: VendorApi = {
	displayName: 'ShipperOne',
	credentialType: 'shipperOneApi',
	bearerField: 'accessToken',
	baseUrl: restBaseUrl,
	secretFields: ['accessToken'],
	parseError: parseShipperOneError,
	hints: {
		400: 'Check that every item ID belongs to the fulfillment order, and that every item is listed at its ordered quantity unless partial accept/ship is enabled for the order (or tenant-wide).',
		401: 'Check the Access Token in the ShipperOne credential. Tokens are issued per environment (live, dev, staging) together with a store code.',
		403: 'The token lacks the ACL resource named in the message (e.g. Shipper_FulfillmentOrder::api_pending_accept). Ask ShipperOne support to extend the token’s scope.',
		404: 'Check the Base URL (your ShipperOne instance, without /rest/…), the Store Code and the fulfillment order ID.',
		500: 'ShipperOne had an unexpected error. Accept and ship are safe to retry; Max Retries (in Options) retries them automatically.',
	},
};
