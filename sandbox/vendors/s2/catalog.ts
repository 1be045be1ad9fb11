/** The fixed S2 data the sandbox always has: organizations, users, products, warehouses, accounts. */

export interface Organization {
	id: string;
	name: string;
	createdAt: string;
	updatedAt: string;
}

export interface User {
	id: string;
	email: string;
	password: string;
	organizationIds: string[];
}

export interface Product {
	id: string;
	organizationId: string;
	sku: string;
	name: string;
	gtin: string;
}

export interface Warehouse {
	id: string;
	organizationId: string;
	name: string;
}

export const MAIN_ORGANIZATION_ID = '95d73baf-76ba-4bea-86ac-1534c5e5d4aa';
export const SECOND_ORGANIZATION_ID = 'e8b021f4-9ab3-4fc2-af71-f35930759880';
/** The sandbox users' sign-in word (not a real secret). */
export const DEMO_SIGN_IN = 's2-sandbox-password';
/** A user of one organization: X-S2-Organization is optional. */
export const DEMO_EMAIL = 'demo@s2sell.test';
/** A user of two organizations: X-S2-Organization is required. */
export const MULTI_ORG_EMAIL = 'multi@s2sell.test';

const STAMP = '2024-04-01T14:09:14.732646Z';

export const ORGANIZATIONS: Organization[] = [
	{ id: MAIN_ORGANIZATION_ID, name: 'Sandbox Organization', createdAt: STAMP, updatedAt: STAMP },
	{ id: SECOND_ORGANIZATION_ID, name: 'Second Organization', createdAt: STAMP, updatedAt: STAMP },
];

export const USERS: User[] = [
	{
		id: 'user-demo',
		email: DEMO_EMAIL,
		password: DEMO_SIGN_IN,
		organizationIds: [MAIN_ORGANIZATION_ID],
	},
	{
		id: 'user-multi',
		email: MULTI_ORG_EMAIL,
		password: DEMO_SIGN_IN,
		organizationIds: [MAIN_ORGANIZATION_ID, SECOND_ORGANIZATION_ID],
	},
];

export const PRODUCTS: Product[] = [
	{
		id: '3775cc37-30e7-4579-a58e-c9adda6fa888',
		organizationId: MAIN_ORGANIZATION_ID,
		sku: 'TEST-1',
		name: 'Test Product',
		gtin: '7888888888888',
	},
	{
		id: 'bab7c35b-2ecb-4b40-be82-8dc1e0a86888',
		organizationId: MAIN_ORGANIZATION_ID,
		sku: 'SKU-GREY',
		name: 'SKU Grey',
		gtin: '',
	},
	{
		id: 'c5a1e0de-77f4-4c41-9a0e-2b8f4d1c9e01',
		organizationId: MAIN_ORGANIZATION_ID,
		sku: 'SKU-BLUE',
		name: 'SKU Blue',
		gtin: '',
	},
	{
		id: 'f00dcafe-2222-4333-8444-555566667777',
		organizationId: SECOND_ORGANIZATION_ID,
		sku: 'SECOND-1',
		name: 'Second Org Product',
		gtin: '',
	},
];

export const WAREHOUSES: Warehouse[] = [
	{
		id: '9cae310d-c440-4d78-bdc0-bf306ec33888',
		organizationId: MAIN_ORGANIZATION_ID,
		name: 'Oakville Warehouse',
	},
	{
		id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
		organizationId: SECOND_ORGANIZATION_ID,
		name: 'Second Warehouse',
	},
];

export const ORDER_ACCOUNT_ID = '1ac48942-405a-4841-a7d8-708f50dbe888';

export function productRecord(product: Product) {
	const organization = ORGANIZATIONS.find((org) => org.id === product.organizationId);
	return {
		id: product.id,
		organization,
		sku: product.sku,
		gtin: product.gtin,
		name: product.name,
		condition: 'NEW',
		unknown: false,
		createdAt: STAMP,
		updatedAt: STAMP,
		otherIds: [],
	};
}

export function warehouseRecord(warehouse: Warehouse) {
	return {
		id: warehouse.id,
		organization: ORGANIZATIONS.find((org) => org.id === warehouse.organizationId),
		name: warehouse.name,
		dropshipper: true,
		fulfillmentCenter: true,
		rmaCenter: true,
		unitSystem: 'METRIC',
		createdAt: STAMP,
		updatedAt: STAMP,
	};
}
