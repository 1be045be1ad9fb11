import type { IDataObject } from 'n8n-workflow';
import {
	DEMO_EMAIL,
	DEMO_SIGN_IN,
	MAIN_ORGANIZATION_ID,
	MULTI_ORG_EMAIL,
	ORDER_ACCOUNT_ID,
} from '../../sandbox/vendors/s2/catalog';
import {
	createParams,
	creates,
	PRODUCT_A,
	PRODUCT_B,
	requests,
	s2,
	seedOrder,
	useS2,
} from './helpers';
import { fulfillment } from '../support/params';

const FULL_ADDRESS = {
	name: 'Jane Doe',
	company: '',
	address1: '100 Main Street',
	address2: '',
	city: 'Toronto',
	state: 'ON',
	postalCode: 'M5V 2T6',
	countryId: 'CA',
	phone: '',
	email: '',
};

/** The items S2 requires, and the one shipment (no carrier, no labels) it is completed with. */
const oneShipment = (items: IDataObject[]) => ({
	items,
	shipments: [{ items, prepaidLabels: [], shippingCarrierId: 'OTHER' }],
});

describe('S2 › Fulfillment › Create', () => {
	const env = useS2();
	const create = (
		parameters = createParams(),
		input: IDataObject[] = [{}],
		continueOnFail = false,
	) => env.harness.runNode({ nodeType: 's2', parameters, input, continueOnFail });

	it('creates from order ID, address and items, completing the body S2 requires', async () => {
		const order = seedOrder(env);
		const result = await create(createParams(), [{ orderId: order.id }]);

		expect(result.status).toBe('success');
		expect(creates(env)).toHaveLength(1);
		expect(creates(env)[0].body).toEqual({
			orderId: order.id,
			address: FULL_ADDRESS,
			shippingMethod: 'standard',
			...oneShipment([{ productId: PRODUCT_A, quantity: 2 }]),
			attachments: [],
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toMatchObject({
			status: 'CREATED',
			orderId: order.id,
			address: FULL_ADDRESS,
			shipments: [
				{
					status: 'CREATED',
					shippingCarrier: { id: 'OTHER' },
					items: [{ product: { id: PRODUCT_A }, quantity: 2 }],
				},
			],
		});
		expect(s2(env).store.allFulfillments()).toHaveLength(1);
	});

	it('sends every documented field from the full form', async () => {
		const order = seedOrder(env);
		const result = await create(
			createParams({
				orderId: order.id,
				countryId: ' ca ',
				items: {
					item: [
						{ productId: PRODUCT_A, quantity: 2 },
						{ productId: PRODUCT_B, quantity: '1' },
					],
				},
				shippingMethod: 'Expedited',
				addressFields: {
					company: 'Acme',
					address2: 'Suite 5',
					phone: '+1 555 0100',
					email: 'jane@example.com',
				},
				additionalFields: {
					rmaId: 'rma-1',
					warehouseId: '9cae310d-c440-4d78-bdc0-bf306ec33888',
					channelFulfillmentId: 'shop-ful-1',
					orderAccountId: ORDER_ACCOUNT_ID,
					accountCode: 'test_account_code',
					orderType: 'B2B',
					method: 'LTL',
					signatureRequired: true,
					customerNote: 'Leave at the door',
					additionalReferenceIds: 'ref-1, ref-2',
					attachments: { attachment: [{ fileName: 'invoice.pdf', path: 'org/2024/invoice.pdf' }] },
					shipments: {
						shipment: [
							{
								items: `${PRODUCT_A}:2`,
								prepaidLabels: 'https://labels.example.com/a.png, https://labels.example.com/b.png',
								shippingCarrierId: 'UPS',
								trackingNumber: '1ZTRACK1',
							},
							{
								items: `${PRODUCT_B}:1`,
								prepaidLabels: '',
								shippingCarrierId: 'OTHER',
								trackingNumber: '',
							},
						],
					},
				},
			}),
		);

		expect(result.status).toBe('success');
		expect(creates(env)[0].body).toEqual({
			orderId: order.id,
			rmaId: 'rma-1',
			address: {
				...FULL_ADDRESS,
				company: 'Acme',
				address2: 'Suite 5',
				phone: '+1 555 0100',
				email: 'jane@example.com',
			},
			warehouseId: '9cae310d-c440-4d78-bdc0-bf306ec33888',
			channelFulfillmentId: 'shop-ful-1',
			orderAccountId: ORDER_ACCOUNT_ID,
			accountCode: 'test_account_code',
			orderType: 1,
			shippingMethod: 'Expedited',
			items: [
				{ productId: PRODUCT_A, quantity: 2 },
				{ productId: PRODUCT_B, quantity: 1 },
			],
			shipments: [
				{
					items: [{ productId: PRODUCT_A, quantity: 2 }],
					prepaidLabels: [
						{ filePath: 'https://labels.example.com/a.png' },
						{ filePath: 'https://labels.example.com/b.png' },
					],
					shippingCarrierId: 'UPS',
					trackingNumber: '1ZTRACK1',
				},
				{
					items: [{ productId: PRODUCT_B, quantity: 1 }],
					prepaidLabels: [],
					shippingCarrierId: 'OTHER',
				},
			],
			attachments: [{ fileName: 'invoice.pdf', path: 'org/2024/invoice.pdf' }],
			additionalReferenceIds: ['ref-1', 'ref-2'],
			signatureRequired: true,
			method: 2,
			customerNote: 'Leave at the door',
		});
		const output = result.items[0].json;
		expect(output).toMatchObject({
			channelFulfillmentId: 'shop-ful-1',
			customerNote: 'Leave at the door',
		});
		expect(output.shipments).toMatchObject([
			{
				trackingNumber: '1ZTRACK1',
				shippingCarrier: { id: 'UPS' },
				labels: [{ type: 'PREPAID' }, { type: 'PREPAID' }],
			},
			{ trackingNumber: '', labels: [] },
		]);
	});

	it('creates a standalone fulfillment when the order ID is empty', async () => {
		const result = await create(
			createParams({ orderId: '', additionalFields: { orderAccountId: ORDER_ACCOUNT_ID } }),
		);
		expect(result.status).toBe('success');
		expect(creates(env)[0].body).not.toHaveProperty('orderId');
		expect(result.items[0].json).toMatchObject({ orderId: null, orderAccountId: ORDER_ACCOUNT_ID });
	});

	it('takes the whole body as JSON, with the same checks and defaults', async () => {
		const order = seedOrder(env);
		const body = {
			orderId: order.id,
			address: {
				name: 'Jane Doe',
				address1: '1 Rue de Rivoli',
				city: 'Paris',
				postalCode: '75001',
				countryId: 'FR',
			},
			items: [{ productId: PRODUCT_B, quantity: 3 }],
			shippingMethod: 'Expedited',
			orderType: 2,
		};
		const result = await create(
			fulfillment('create', { define: 'json', fulfillmentJson: JSON.stringify(body) }),
		);

		expect(result.status).toBe('success');
		expect(creates(env)[0].body).toEqual({
			orderId: order.id,
			address: {
				name: 'Jane Doe',
				company: '',
				address1: '1 Rue de Rivoli',
				address2: '',
				city: 'Paris',
				state: '',
				postalCode: '75001',
				countryId: 'FR',
				phone: '',
				email: '',
			},
			orderType: 2,
			shippingMethod: 'Expedited',
			...oneShipment([{ productId: PRODUCT_B, quantity: 3 }]),
			attachments: [],
		});
	});

	it('takes the JSON body as an object from an expression', async () => {
		const order = seedOrder(env);
		const result = await create(
			fulfillment('create', { define: 'json', fulfillmentJson: '={{ $json.body }}' }),
			[
				{
					body: {
						orderId: order.id,
						address: { ...FULL_ADDRESS },
						items: [{ productId: PRODUCT_A, quantity: 1 }],
						shipments: [],
					},
				},
			],
		);
		expect(result.status).toBe('success');
		expect(creates(env)[0].body).toMatchObject({
			orderId: order.id,
			shipments: [{ items: [{ productId: PRODUCT_A, quantity: 1 }] }],
		});
	});

	describe('bad input fails clearly and sends nothing', () => {
		it.each([
			[
				'a missing recipient name',
				{ recipientName: '={{ $json.name }}' },
				'Recipient Name (address.name) is required (got nothing) [item 0]',
			],
			['a missing city', { city: '  ' }, 'City (address.city) is required'],
			[
				'an unknown country code',
				{ countryId: 'XX' },
				'Country Code (address.countryId) must be an ISO 3166-1 alpha-2 country code such as US or DE (got "XX")',
			],
			['"UK" for the United Kingdom', { countryId: 'UK' }, 'did you mean GB?'],
			[
				'a three-letter country code',
				{ countryId: 'USA' },
				'must be an ISO 3166-1 alpha-2 country code',
			],
			[
				'quantity 0',
				{ items: { item: [{ productId: PRODUCT_A, quantity: 0 }] } },
				'Item 1: Quantity must be a positive integer (got 0)',
			],
			['no items', { items: {} }, 'Items are required: add at least one product ID and quantity'],
			[
				'an item without product ID',
				{
					items: {
						item: [
							{ productId: PRODUCT_A, quantity: 1 },
							{ productId: '', quantity: 1 },
						],
					},
				},
				'Item 2: Product ID is required',
			],
			[
				'a bad email',
				{ addressFields: { email: 'not-an-email' } },
				'Email (address.email) must be an email address',
			],
			[
				'a shipment item written wrongly',
				{
					additionalFields: {
						shipments: {
							shipment: [
								{ items: `${PRODUCT_A} x2`, prepaidLabels: '', shippingCarrierId: 'OTHER' },
							],
						},
					},
				},
				'Shipment 1: Item 1: write it as productId:quantity',
			],
			[
				'an attachment without path',
				{ additionalFields: { attachments: { attachment: [{ fileName: 'a.pdf', path: '' }] } } },
				'Attachment 1: Path is required',
			],
		])('%s', async (_, overrides, message) => {
			const result = await create(createParams({ orderId: '', ...overrides }));
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(message);
			// Not even a login: nothing reaches S2.
			expect(requests(env)).toEqual([]);
		});

		it('checks the JSON body: not JSON, not an object, a missing address', async () => {
			const json = (fulfillmentJson: string) =>
				create(fulfillment('create', { define: 'json', fulfillmentJson }));
			expect((await json('{ "address": ')).error?.message).toMatch(
				/^Fulfillment \(JSON\) is not valid JSON: .* \[item 0\]$/,
			);
			expect((await json('[1, 2]')).error?.message).toBe(
				'The fulfillment must be an object (got [1,2]) [item 0]',
			);
			expect(
				(await json(JSON.stringify({ items: [{ productId: PRODUCT_A, quantity: 1 }] }))).error
					?.message,
			).toContain('Address must be an object (got nothing)');
			expect(
				(
					await json(
						JSON.stringify({
							address: FULL_ADDRESS,
							items: [{ productId: PRODUCT_A, quantity: 1 }],
							orderType: 'B2X',
						}),
					)
				).error?.message,
			).toContain('Order Type (orderType) must be one of B2C (0), B2B (1), FBA (2) (got "B2X")');
			expect(requests(env)).toEqual([]);
		});

		it('checks every item before creating any: item 3 invalid → nothing sent for items 0-2', async () => {
			const order = seedOrder(env);
			const result = await create(createParams({ countryId: '={{ $json.country }}' }), [
				{ orderId: order.id, country: 'CA' },
				{ orderId: order.id, country: 'US' },
				{ orderId: order.id, country: 'DE' },
				{ orderId: order.id, country: 'ZZ' },
			]);
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain('(got "ZZ") [item 3]');
			expect(requests(env)).toEqual([]);
		});
	});

	it('under continueOnFail, reports the invalid item and creates the valid ones', async () => {
		const order = seedOrder(env);
		const result = await create(
			createParams({ countryId: '={{ $json.country }}' }),
			[
				{ orderId: order.id, country: 'CA' },
				{ orderId: order.id, country: 'Canada' },
				{ orderId: order.id, country: 'US' },
			],
			true,
		);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json.status).toBe('CREATED');
		expect(result.items[1].json.error).toContain('(got "Canada") [item 1]');
		expect(result.items[2].json.status).toBe('CREATED');
		expect(creates(env)).toHaveLength(2);
	});

	it("shows S2's own validation errors: an unknown product", async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const result = await create(
			createParams({ orderId: '', items: { item: [{ productId: unknown, quantity: 1 }] } }),
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			new RegExp(
				`^S2 rejected the request as invalid \\(HTTP 400\\): Product '${unknown}' not found \\(items\\)`,
			),
		);
		expect(result.error?.description).toMatch(/Request ID: req_[0-9a-f]+/);
		// A 400 is not retried.
		expect(creates(env)).toHaveLength(1);
	});

	it('answers an unknown order with a 404 naming it', async () => {
		const result = await create(createParams({ orderId: 'no-such-order' }));
		expect(result.error?.message).toContain(
			"S2 could not find the resource (HTTP 404): Order 'no-such-order' not found",
		);
	});

	describe('organizations', () => {
		/** A standalone create as the user these credential values sign in. */
		const createAs = (values: Record<string, string>) =>
			env.harness.runNode({
				nodeType: 's2',
				parameters: createParams({ orderId: '' }),
				credentials: { s2Api: { baseUrl: env.sandbox.vendorUrl('s2'), ...values } },
			});

		it('sends X-S2-Organization from the credential', async () => {
			const result = await createAs({
				email: MULTI_ORG_EMAIL,
				password: DEMO_SIGN_IN,
				organizationId: ` ${MAIN_ORGANIZATION_ID} `,
			});
			expect(result.status).toBe('success');
			expect(creates(env)[0].headers['x-s2-organization']).toBe(MAIN_ORGANIZATION_ID);
		});

		it('sends no header without an Organization ID, and explains the error of a user of several', async () => {
			const result = await createAs({ email: MULTI_ORG_EMAIL, password: DEMO_SIGN_IN });
			expect(creates(env)[0].headers).not.toHaveProperty('x-s2-organization');
			expect(result.error?.message).toContain('X-S2-Organization header is required');
			expect(result.error?.description).toContain('set the Organization ID in the credential');
		});

		it('refuses an organization the user is not in with a 403 and a hint', async () => {
			const result = await createAs({
				email: DEMO_EMAIL,
				password: DEMO_SIGN_IN,
				organizationId: 'someone-elses-org',
			});
			expect(result.error?.message).toContain(
				"S2 refused access (HTTP 403): You are not a member of organization 'someone-elses-org'",
			);
			expect(result.error?.description).toContain('Check the Organization ID');
		});
	});
});
