import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { bearerToken } from './bearerToken';

export class SellfernApi implements ICredentialType {
	name = 'sellfernApi';

	displayName = 'Sellfern API';

	icon: Icon = { light: 'file:../icons/sellfern.svg', dark: 'file:../icons/sellfern.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-fulfillment/n8n-nodes-fulfillment/blob/main/docs/sellfern.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sk_live_…',
			description:
				'A Sellfern API token with the scopes fulfillment:read, fulfillment:write and orders:status:write',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.sellfern.com',
			description: 'Change only to use a test environment or the vendor sandbox',
		},
	];

	authenticate: IAuthenticate = bearerToken('apiToken');

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{(($credentials.baseUrl || "").trim() || "https://api.sellfern.com").replace(/\\/+$/, "")}}',
			url: '/api/v2/fulfillment/queue',
			qs: { page: 1, page_size: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Sellfern refused the API token: check that it is complete and not revoked',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API token lacks the fulfillment:read scope' },
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Sellfern API at this Base URL: check the Base URL' },
			},
		],
	};
}
