import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { bearerToken } from './bearerToken';

const DEFAULT_BASE_URL = 'https://api.s2sell.io';

/**
 * S2 (Ventmere) signs in with email and password: `POST /login` returns an access token that lives
 * 7 days. n8n calls `preAuthentication` when the hidden token is empty and again after a 401, and
 * stores the token it returns, so one login serves every request until the token expires.
 */
export class S2Api implements ICredentialType {
	name = 's2Api';

	displayName = 'S2 API';

	icon: Icon = { light: 'file:../icons/s2.svg', dark: 'file:../icons/s2.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-fulfillment/n8n-nodes-fulfillment/blob/main/docs/s2.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'The S2 API address. The default is the S2 sandbox; put your production API URL here.',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'The email address you sign in to S2 with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: '95d73baf-76ba-4bea-86ac-1534c5e5d4aa',
			description:
				'Sent as X-S2-Organization. Needed only when your S2 user belongs to several organizations.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = (String(credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL).replace(
			/\/+$/,
			'',
		);
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/login`,
			body: { email: credentials.email, password: credentials.password },
			json: true,
		})) as { accessToken?: unknown; type?: unknown };
		if (typeof response?.accessToken !== 'string' || response.accessToken === '') {
			throw new Error(
				`The S2 login answered without an access token (type: ${String(response?.type)})`,
			);
		}
		return { accessToken: response.accessToken };
	}

	authenticate: IAuthenticate = bearerToken('accessToken');

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{(($credentials.baseUrl || "").trim() || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "")}}`,
			url: '/login',
			method: 'POST',
			body: { email: '={{$credentials.email}}', password: '={{$credentials.password}}' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'S2 refused the email or password' },
			},
		],
	};
}
