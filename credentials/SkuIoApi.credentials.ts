import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { bearerToken } from './bearerToken';

export class SkuIoApi implements ICredentialType {
	name = 'skuIoApi';

	displayName = 'SKU.io API';

	icon: Icon = { light: 'file:../icons/skuio.svg', dark: 'file:../icons/skuio.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-fulfillment/n8n-nodes-fulfillment/blob/main/docs/skuio.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'A Personal Access Token created in SKU.io; it is sent as a Bearer token',
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: 'app',
			placeholder: 'acme',
			description: 'Your SKU.io subdomain: "acme" for https://acme.sku.io',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.sku.io',
			description:
				'A full base URL to use instead of the tenant, e.g. for a custom domain or the vendor sandbox',
		},
	];

	authenticate: IAuthenticate = bearerToken('accessToken');

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ (($credentials.baseUrl || "").trim() || (/^https?:\\/\\//i.test(($credentials.tenant || "").trim()) ? ($credentials.tenant || "").trim() : (($credentials.tenant || "").trim().includes(".") ? "https://" + $credentials.tenant.trim() : "https://" + (($credentials.tenant || "").trim() || "app") + ".sku.io"))).replace(/\\/+$/, "") }}',
			url: '/api/v2/sales-order-fulfillments',
			qs: { per_page: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'SKU.io refused the personal access token: check that it is complete and not revoked',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'SKU.io refused access to fulfillments for this token: check the user’s permissions in SKU.io',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No SKU.io API at this tenant or Base URL: check the tenant name',
				},
			},
		],
	};
}
