import type { IDataObject } from 'n8n-workflow';
import { textOfBody } from '../shared/errors';
import { trimBaseUrl } from '../shared/transport';
import type { VendorApi } from '../shared/types';

export const ORDER_PROTECTION_DEFAULT_BASE_URL = 'https://api.production.orderprotection.com';

/** The message of an error body whatever its shape: `{message}`, `{error: {message}}`, `{error, error_description}`, or text. */
function messageOf(body: IDataObject): string | undefined {
	const nested =
		typeof body.error === 'object' && body.error !== null ? (body.error as IDataObject) : {};
	const candidates = [body.message, nested.message, body.error_description, body.error];
	for (const candidate of candidates) {
		if (typeof candidate === 'string' && candidate !== '') return candidate;
		if (Array.isArray(candidate) && candidate.length) return candidate.map(String).join('; ');
	}
	return undefined;
}

/** OrderProtection does not publish its error shape, so the parser takes the common ones. */
export const orderProtection: VendorApi = {
	displayName: 'OrderProtection',
	credentialType: 'orderProtectionOAuth2Api',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl, ORDER_PROTECTION_DEFAULT_BASE_URL),
	secretFields: ['clientSecret', 'oauthTokenData.access_token', 'oauthTokenData.refresh_token'],
	parseError(body) {
		if (typeof body === 'string') return { message: textOfBody(body) };
		const error = (body ?? {}) as IDataObject;
		const nested =
			typeof error.error === 'object' && error.error !== null ? (error.error as IDataObject) : {};
		const code = nested.code ?? error.code;
		return {
			code: typeof code === 'string' ? code : undefined,
			message: messageOf(error),
			details: error.details ?? nested.details,
			requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
		};
	},
	hints: {
		401: 'OrderProtection did not accept the access token, also after n8n fetched a new one. Check the client ID, client secret and store ID in the credential.',
		403: 'The app lacks a scope on this store: fulfillments need read_orders (writing them may need write_orders). Reinstall the app with those scopes.',
		404: 'Check the source order ID (and source fulfillment ID): OrderProtection uses the IDs of your store platform.',
	},
};

/** The fulfillment statuses OrderProtection documents. */
export const FULFILLMENT_STATUSES = [
	'DELIVERED',
	'FULFILLED',
	'UNFULFILLED',
	'PARTIALLY_FULFILLED',
	'AWAITING_SHIPMENT',
	'SCHEDULED',
	'ON_HOLD',
	'ATTEMPTED_DELIVERY',
	'CARRIER_PICKED_UP',
	'CONFIRMED',
	'DELAYED',
	'FAILURE',
	'IN_TRANSIT',
	'LABEL_PRINTED',
	'LABEL_PURCHASED',
	'OUT_FOR_DELIVERY',
	'PICKED_UP',
	'READY_FOR_PICKUP',
	// Listed in one copy of OrderProtection's reference only.
	'NOT_DELIVERED',
] as const;

export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];
