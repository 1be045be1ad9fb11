import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

const DEFAULT_BASE_URL = 'https://api.production.orderprotection.com';
const BASE_URL = `(($self.baseUrl || "").trim() || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "")`;

/**
 * OrderProtection's OAuth 2.0 client-credentials grant on n8n's own OAuth2 credential: n8n fetches
 * the access token from `POST /v1/oauth/token`, stores it, and fetches a new one when the API
 * answers 401 (tokens live 3600 s). OrderProtection also needs `store_id` in the token request;
 * n8n's client-credentials flow adds `additionalBodyProperties` to the token request body, so the
 * store ID travels there.
 */
export class OrderProtectionOAuth2Api implements ICredentialType {
	name = 'orderProtectionOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'OrderProtection OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/orderprotection.svg',
		dark: 'file:../icons/orderprotection.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-fulfillment/n8n-nodes-fulfillment/blob/main/docs/orderprotection.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to use a test environment or the vendor sandbox',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'op_app_…',
			description: "Your app's client ID, from the app's page in the OrderProtection dashboard",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'op_secret_…',
		},
		{
			displayName: 'Store ID',
			name: 'storeId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'store_xyz789',
			description:
				'The store your app is installed on. The client-credentials grant needs an installation of your app on this store.',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${BASE_URL} + "/v1/oauth/token"}}`,
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: true,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '={{ JSON.stringify({ store_id: $self.storeId }) }}',
		},
	];

	// A client-credentials token request, exactly as OrderProtection documents it (JSON body).
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${BASE_URL.replace(/\$self/g, '$credentials')}}}`,
			url: '/v1/oauth/token',
			method: 'POST',
			body: {
				grant_type: 'client_credentials',
				client_id: '={{$credentials.clientId}}',
				client_secret: '={{$credentials.clientSecret}}',
				store_id: '={{$credentials.storeId}}',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"OrderProtection refused the Client ID or Client Secret: copy both again from your app's page in the OrderProtection dashboard",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'OrderProtection refused the token request: check the Store ID (your app must be installed on that store)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No OrderProtection API at this Base URL: check the Base URL',
				},
			},
		],
	};
}
