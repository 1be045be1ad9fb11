import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { OrderProtectionOAuth2Api } from '../../credentials/OrderProtectionOAuth2Api.credentials';
import { S2Api } from '../../credentials/S2Api.credentials';
import { SellfernApi } from '../../credentials/SellfernApi.credentials';
import { ShipperOneApi } from '../../credentials/ShipperOneApi.credentials';
import { SkuIoApi } from '../../credentials/SkuIoApi.credentials';
import { orderProtection } from '../../nodes/OrderProtection/transport';
import { s2 } from '../../nodes/S2/transport';
import { sellfern } from '../../nodes/Sellfern/transport';
import { shipperOne } from '../../nodes/ShipperOne/transport';
import { skuIo } from '../../nodes/SkuIo/transport';
import type { VendorApi } from '../../nodes/shared/types';
import { fixtureDescription } from '../harness/fixtures/nodes';

// The base URL is written twice for each vendor: as an n8n expression in the credential (its test
// request, which n8n evaluates) and as code in the vendor's transport. Both must agree on every input.

const noOpNode: INodeType = {
	description: fixtureDescription('No Op', 'noOp', { description: '' }),
};

const workflow = new Workflow({
	nodes: [
		{ id: '1', name: 'No Op', type: 'noOp', typeVersion: 1, position: [0, 0], parameters: {} },
	],
	connections: {},
	active: false,
	nodeTypes: {
		getByName: () => noOpNode,
		getByNameAndVersion: () => noOpNode,
		getKnownTypes: () => ({}),
	},
});

/** What n8n makes of the credential test's baseURL for these credential values. */
function credentialBaseUrl(
	credential: ICredentialType,
	data: ICredentialDataDecryptedObject,
): string {
	const expression = credential.test!.request.baseURL!;
	return String(
		workflow.expression.getParameterValue(expression, null, 0, 0, 'No Op', [], 'internal', {
			$credentials: data,
		}),
	);
}

const cases: Array<{
	vendor: VendorApi;
	credential: ICredentialType;
	base: ICredentialDataDecryptedObject;
	inputs: Array<[ICredentialDataDecryptedObject, string]>;
}> = [
	{
		vendor: sellfern,
		credential: new SellfernApi(),
		base: { apiToken: 't' },
		inputs: [
			[{ baseUrl: 'https://api.sellfern.com' }, 'https://api.sellfern.com'],
			[{ baseUrl: 'https://api.sellfern.com///' }, 'https://api.sellfern.com'],
			[{ baseUrl: '  https://eu.sellfern.com/  ' }, 'https://eu.sellfern.com'],
			[{ baseUrl: '' }, 'https://api.sellfern.com'],
			[{ baseUrl: '   ' }, 'https://api.sellfern.com'],
		],
	},
	{
		vendor: shipperOne,
		credential: new ShipperOneApi(),
		base: { accessToken: 't' },
		inputs: [
			[{ baseUrl: 'https://one.example.com', storeCode: 'eu' }, 'https://one.example.com/rest/eu'],
			[
				{ baseUrl: 'https://one.example.com/ ', storeCode: ' eu ' },
				'https://one.example.com/rest/eu',
			],
			[
				{ baseUrl: 'https://one.example.com/rest/eu/V1', storeCode: 'eu' },
				'https://one.example.com/rest/eu',
			],
			[
				{ baseUrl: 'https://one.example.com/rest/default/v1/', storeCode: 'us' },
				'https://one.example.com/rest/us',
			],
			[
				{ baseUrl: 'https://one.example.com/REST', storeCode: 'a b' },
				'https://one.example.com/rest/a%20b',
			],
		],
	},
	{
		vendor: skuIo,
		credential: new SkuIoApi(),
		base: { accessToken: 't' },
		inputs: [
			[{ tenant: 'acme', baseUrl: '' }, 'https://acme.sku.io'],
			[{ tenant: ' acme ', baseUrl: '' }, 'https://acme.sku.io'],
			[{ tenant: '', baseUrl: '' }, 'https://app.sku.io'],
			[{ tenant: 'acme.example.com', baseUrl: '' }, 'https://acme.example.com'],
			[{ tenant: 'https://acme.example.com/', baseUrl: '' }, 'https://acme.example.com'],
			[
				{ tenant: 'acme', baseUrl: ' http://127.0.0.1:4010/skuio// ' },
				'http://127.0.0.1:4010/skuio',
			],
		],
	},
	{
		vendor: s2,
		credential: new S2Api(),
		base: { email: 'a@b.c', password: 'p' },
		inputs: [
			[{ baseUrl: 'https://api.s2sell.io' }, 'https://api.s2sell.io'],
			[{ baseUrl: ' https://api.s2sell.io// ' }, 'https://api.s2sell.io'],
			[{ baseUrl: '' }, 'https://api.s2sell.io'],
			[{ baseUrl: '  ' }, 'https://api.s2sell.io'],
		],
	},
	{
		vendor: orderProtection,
		credential: new OrderProtectionOAuth2Api(),
		base: { clientId: 'c', clientSecret: 's', storeId: 'st' },
		inputs: [
			[
				{ baseUrl: 'https://api.production.orderprotection.com/' },
				'https://api.production.orderprotection.com',
			],
			[
				{ baseUrl: '  https://api.staging.orderprotection.com  ' },
				'https://api.staging.orderprotection.com',
			],
			[{ baseUrl: '' }, 'https://api.production.orderprotection.com'],
			[{ baseUrl: ' ' }, 'https://api.production.orderprotection.com'],
		],
	},
];

describe.each(cases)('$vendor.displayName base URL', ({ vendor, credential, base, inputs }) => {
	it.each(inputs)('credential test and transport agree on %j', (fields, expected) => {
		const data = { ...base, ...fields };
		expect(vendor.baseUrl(data)).toBe(expected);
		expect(credentialBaseUrl(credential, data)).toBe(expected);
	});
});
