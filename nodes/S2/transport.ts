import type { IDataObject } from 'n8n-workflow';
import { textOfBody } from '../shared/errors';
import { trimBaseUrl } from '../shared/transport';
import type { VendorApi } from '../shared/types';

export const S2_DEFAULT_BASE_URL = 'https://api.s2sell.io';

const REFERENCE_ID = /reference ID[:\s#]*([A-Za-z0-9_-]+)/i;

/** S2 errors: `{"message": "… reference ID …"}`, and `{"code", "message"}` for a duplicate fulfillment. */
export const s2: VendorApi = {
	displayName: 'S2',
	credentialType: 's2Api',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl, S2_DEFAULT_BASE_URL),
	secretFields: ['password', 'accessToken'],
	headers(credentials): Record<string, string> {
		const organization =
			typeof credentials.organizationId === 'string' ? credentials.organizationId.trim() : '';
		return organization ? { 'X-S2-Organization': organization } : {};
	},
	parseError(body) {
		if (typeof body === 'string')
			return { message: textOfBody(body), requestId: REFERENCE_ID.exec(body)?.[1] };
		const error = (body ?? {}) as IDataObject;
		const message = typeof error.message === 'string' ? error.message : undefined;
		return {
			code: typeof error.code === 'string' ? error.code : undefined,
			message,
			requestId: message ? REFERENCE_ID.exec(message)?.[1] : undefined,
		};
	},
	hints: {
		400: 'S2 rejected a field: the message names it. When your user belongs to several organizations, set the Organization ID in the credential.',
		401: 'S2 refused the login or the access token. Check the email, password and Base URL in the S2 credential.',
		403: 'Your S2 user may not access this organization. Check the Organization ID in the credential.',
		409: 'A fulfillment with this Channel Fulfillment ID already exists. To treat this as success (e.g. when retrying a flow), set Options › If It Already Exists to Return Existing.',
	},
};
