import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { bearerToken } from './bearerToken';

export class ShipperOneApi implements ICredentialType {
	name = 'shipperOneApi';

	displayName = 'ShipperOne API';

	icon: Icon = { light: 'file:../icons/shipperone.svg', dark: 'file:../icons/shipperone.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-fulfillment/n8n-nodes-fulfillment/blob/main/docs/shipperone.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://acme.shipper.one',
			description:
				'The address of your ShipperOne instance, without /rest/…: requests go to {Base URL}/rest/{Store Code}/V1/…',
		},
		{
			displayName: 'Store Code',
			name: 'storeCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'default',
			description: 'The store code issued together with your token',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The static Bearer token from your ShipperOne account manager. Live, dev and staging each have their own token.',
		},
	];

	authenticate: IAuthenticate = bearerToken('accessToken');

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/rest(\\/[^/]+(\\/V1)?)?$/i, "") + "/rest/" + encodeURIComponent($credentials.storeCode.trim())}}',
			url: '/V1/fulfillmentOrders/pending_accept',
			qs: { page: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ShipperOne refused the access token for this store code: check the Access Token (each environment — live, dev, staging — has its own) and the Store Code issued with it',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token lacks the ACL resource Shipper_FulfillmentOrder::api_pending_accept: ask ShipperOne support to extend its scope',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'ShipperOne does not know this store code at this Base URL: check the Store Code issued with your token and the Base URL (your instance, without /rest/…)',
				},
			},
		],
	};
}
