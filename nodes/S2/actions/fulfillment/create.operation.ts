import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { apiRequest, failedAfterUncertainAttempt } from '../../../shared/transport';
import { forEachValidatedItem, readConcurrency } from '../../../shared/items';
import {
	isJsonObject,
	oneOf,
	parameterReader,
	validateParameters,
	z,
} from '../../../shared/validation';
import { findMatchingOnOrder, isAlreadyExists, returnExisting } from '../../existing';
import { readGuard, sendWithReadBack } from '../../../shared/outcome';
import { DEFAULT_CARRIER, DEFAULT_SHIPPING_METHOD, fulfillmentBody } from '../../fulfillmentBody';
import { s2 } from '../../transport';
import { defineOperation } from '../../../shared/operations';
import { concurrencyOption } from '../../../shared/concurrency';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { s2FulfillmentSummary } from '../../summary';
import { organizationHeaders } from '../../organization';

const whenFields = { show: { define: ['fields'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Define Fulfillment',
		name: 'define',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: 'Give the whole request body, as S2 documents it',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		displayOptions: whenFields,
		placeholder: 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd',
		description:
			'The S2 order this fulfillment belongs to. Leave empty for a standalone fulfillment.',
	},
	{
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: whenFields,
		description: 'Full name of the person receiving the shipment',
	},
	{
		displayName: 'Address Line 1',
		name: 'address1',
		type: 'string',
		required: true,
		default: '',
		displayOptions: whenFields,
		description: 'Street and house number',
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		required: true,
		default: '',
		displayOptions: whenFields,
	},
	{
		displayName: 'State / Province',
		name: 'state',
		type: 'string',
		default: '',
		displayOptions: whenFields,
		placeholder: 'ON',
		description: 'State or province, where the country has them',
	},
	{
		displayName: 'Postal Code',
		name: 'postalCode',
		type: 'string',
		default: '',
		displayOptions: whenFields,
	},
	{
		displayName: 'Country Code',
		name: 'countryId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: whenFields,
		placeholder: 'US',
		description:
			'Two-letter ISO 3166-1 alpha-2 code of the destination country, e.g. US, CA, DE or GB',
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		placeholder: 'Add Item',
		displayOptions: whenFields,
		description: 'The products to fulfill',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Product ID',
						name: 'productId',
						type: 'string',
						default: '',
						description: 'S2 product ID',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
					},
				],
			},
		],
	},
	{
		displayName: 'Shipping Method',
		name: 'shippingMethod',
		type: 'string',
		default: DEFAULT_SHIPPING_METHOD,
		displayOptions: whenFields,
		placeholder: 'Expedited',
		description: 'The shipping method S2 should use; "standard" when there is no particular one',
	},
	{
		displayName: 'Additional Address Fields',
		name: 'addressFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: whenFields,
		options: [
			{
				displayName: 'Address Line 2',
				name: 'address2',
				type: 'string',
				default: '',
				description: 'Apartment, suite, unit',
			},
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: whenFields,
		options: [
			{
				displayName: 'Account Code',
				name: 'accountCode',
				type: 'string',
				default: '',
				description: "The code of the related account, as shown on S2's Account page",
			},
			{
				displayName: 'Additional Reference IDs',
				name: 'additionalReferenceIds',
				type: 'string',
				default: '',
				description: 'Further reference IDs for this fulfillment, separated by commas',
			},
			{
				displayName: 'Attachments',
				name: 'attachments',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Attachment',
				options: [
					{
						displayName: 'Attachment',
						name: 'attachment',
						values: [
							{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
							{
								displayName: 'Path',
								name: 'path',
								type: 'string',
								default: '',
								description: 'URL or S2 file path of the attachment',
							},
						],
					},
				],
			},
			{
				displayName: 'Channel Fulfillment ID',
				name: 'channelFulfillmentId',
				type: 'string',
				default: '',
				description:
					'Your own ID for this fulfillment. S2 refuses a second fulfillment with the same ID, which makes retries safe (see Options › If It Already Exists).',
			},
			{ displayName: 'Customer Note', name: 'customerNote', type: 'string', default: '' },
			{
				displayName: 'Method',
				name: 'method',
				type: 'options',
				options: [
					{ name: 'SPD', value: 'SPD', description: 'Small parcel delivery' },
					{ name: 'Pickup', value: 'PICKUP' },
					{ name: 'LTL', value: 'LTL', description: 'Less than truckload freight' },
				],
				default: 'SPD',
				description: 'How the fulfillment is delivered',
			},
			{
				displayName: 'Order Account ID',
				name: 'orderAccountId',
				type: 'string',
				default: '',
				description:
					"The S2 account of a standalone fulfillment. Not needed with an Order ID: the order's account is used.",
			},
			{
				displayName: 'Order Type',
				name: 'orderType',
				type: 'options',
				options: [
					{ name: 'B2C', value: 'B2C' },
					{ name: 'B2B', value: 'B2B' },
					{ name: 'FBA', value: 'FBA', description: 'Fulfillment by Amazon' },
				],
				default: 'B2C',
			},
			{
				displayName: 'RMA ID',
				name: 'rmaId',
				type: 'string',
				default: '',
				description: 'The S2 RMA (return) this fulfillment belongs to, if any',
			},
			{
				displayName: 'Shipments',
				name: 'shipments',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Shipment',
				description:
					'Split the items into shipments. Without shipments, all items go in one shipment.',
				options: [
					{
						displayName: 'Shipment',
						name: 'shipment',
						values: [
							{
								displayName: 'Items',
								name: 'items',
								type: 'string',
								default: '',
								placeholder:
									'3775cc37-30e7-4579-a58e-c9adda6fa880:2, bab7c35b-2ecb-4b40-be82-8dc1e0a86888:1',
								description:
									'The products in this shipment as productId:quantity, separated by commas. Empty: all items of the fulfillment.',
							},
							{
								displayName: 'Prepaid Label File Paths',
								name: 'prepaidLabels',
								type: 'string',
								default: '',
								description:
									'URLs or S2 file paths of pre-generated shipping labels, separated by commas',
							},
							{
								displayName: 'Carrier ID',
								name: 'shippingCarrierId',
								type: 'string',
								default: DEFAULT_CARRIER,
								description: "S2 shipping carrier ID; OTHER when the carrier is not in S2's list",
							},
							{
								displayName: 'Tracking Number',
								name: 'trackingNumber',
								type: 'string',
								default: '',
								description: 'A tracking number you already have for this shipment',
							},
						],
					},
				],
			},
			{
				displayName: 'Signature Required',
				name: 'signatureRequired',
				type: 'boolean',
				default: false,
				description: 'Whether delivery needs a signature',
			},
			{
				displayName: 'Warehouse ID',
				name: 'warehouseId',
				type: 'string',
				default: '',
				description: 'The warehouse to fulfill from. Without it S2 picks one.',
			},
		],
	},
	{
		displayName: 'Fulfillment (JSON)',
		name: 'fulfillmentJson',
		type: 'json',
		required: true,
		default:
			'{\n  "orderId": "",\n  "address": {\n    "name": "",\n    "address1": "",\n    "city": "",\n    "state": "",\n    "postalCode": "",\n    "countryId": "US"\n  },\n  "items": [{ "productId": "", "quantity": 1 }]\n}',
		displayOptions: { show: { define: ['json'] } },
		description:
			'The request body as S2 documents it. The same checks and defaults apply as with fields: missing address keys become "", a missing shipment list becomes one shipment of all items.',
	},
	optionsCollection([
		concurrencyOption,
		{
			displayName: 'If It Already Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{
					name: 'Error',
					value: 'error',
					description: 'Fail when S2 already has a fulfillment with this Channel Fulfillment ID',
				},
				{
					name: 'Return Existing',
					value: 'returnExisting',
					description:
						'Output the existing fulfillment (marked alreadyExists: true) instead of failing, so a retried flow does not stop',
				},
			],
			default: 'error',
			description:
				'What to do when S2 answers that a fulfillment with this Channel Fulfillment ID exists',
		},
		{
			displayName: 'Without Channel Fulfillment ID',
			name: 'withoutKey',
			type: 'options',
			options: [
				{
					name: 'Return a Matching Fulfillment',
					value: 'returnMatching',
					description:
						'Before creating, read the order: a fulfillment with the same items and address is output (alreadyExists: true) instead of creating another, so a retried or re-run flow never creates twice',
				},
				{
					name: 'Always Create',
					value: 'create',
					description:
						'Create without looking: for an order that really gets several identical fulfillments. A retried or re-run flow may then create twice.',
				},
			],
			default: 'returnMatching',
			description:
				'S2 can only refuse a duplicate by its Channel Fulfillment ID. Without one (and with an Order ID), how to keep a retry from creating a second fulfillment.',
		},
		summaryOption,
	]),
];

/** A collection as n8n gives it: the options the user added, each passed on as given. */
const collection = z.unknown().transform((value) => (isJsonObject(value) ? value : {}));

/**
 * The form's fields in the body shape `fulfillmentBody` checks. The two collections are read whole:
 * an option the user did not add is left out of the body, where its editor default (Method SPD,
 * Order Type B2C…) read on its own would be sent.
 */
const readFields = parameterReader(
	properties,
	z
		.object({
			orderId: z.unknown(),
			recipientName: z.unknown(),
			address1: z.unknown(),
			city: z.unknown(),
			state: z.unknown(),
			postalCode: z.unknown(),
			countryId: z.unknown(),
			items: z.unknown(),
			shippingMethod: z.unknown(),
			addressFields: collection,
			additionalFields: collection,
		})
		.transform(({ addressFields: address, additionalFields, recipientName, ...fields }) => {
			const { shipments, attachments, ...additional } = additionalFields;
			return {
				orderId: fields.orderId,
				...additional,
				address: {
					name: recipientName,
					company: address.company,
					address1: fields.address1,
					address2: address.address2,
					city: fields.city,
					state: fields.state,
					postalCode: fields.postalCode,
					countryId: fields.countryId,
					phone: address.phone,
					email: address.email,
				},
				items: fields.items,
				shippingMethod: fields.shippingMethod,
				shipments: (shipments as IDataObject | undefined)?.shipment ?? [],
				attachments: (attachments as IDataObject | undefined)?.attachment ?? [],
			};
		}),
);

const readJson = parameterReader(
	properties,
	z.object({
		fulfillmentJson: z.unknown().transform((value, ctx) => {
			if (typeof value !== 'string') return value;
			try {
				return JSON.parse(value) as unknown;
			} catch (error) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `Fulfillment (JSON) is not valid JSON: ${(error as Error).message}`,
				});
				return z.NEVER;
			}
		}),
	}),
);

const readDefine = parameterReader(properties, z.object({ define: z.unknown() }));

const readRepeatOptions = parameterReader(
	properties,
	z.object({
		ifExists: oneOf('If It Already Exists', ['error', 'returnExisting'] as const),
		withoutKey: oneOf('Without Channel Fulfillment ID', ['returnMatching', 'create'] as const),
	}),
);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const claimed = new Set<string>();
	return await forEachValidatedItem(
		this,
		items,
		(i) => {
			const { define } = readDefine(this, i);
			const body = validateParameters(
				this,
				fulfillmentBody,
				define === 'json' ? readJson(this, i).fulfillmentJson : readFields(this, i),
				i,
			);
			return {
				body,
				...readRepeatOptions(this, i),
				addSummary: readAddSummary(this, i),
				headers: organizationHeaders(this, i),
			};
		},
		async (i, { body, ifExists, withoutKey, addSummary, headers }) => {
			const keyless =
				typeof body.channelFulfillmentId !== 'string' && typeof body.orderId === 'string';
			if (keyless && withoutKey === 'returnMatching') {
				const claim = (fulfillment: IDataObject | undefined) => {
					if (fulfillment?.id !== undefined) claimed.add(String(fulfillment.id));
					return fulfillment;
				};
				const check = `the fulfillments of order ${body.orderId as string} in S2`;
				const existing = claim(
					await readGuard(
						this,
						i,
						check,
						async () => await findMatchingOnOrder(this, body, i, claimed),
					),
				);
				const summary = (record: IDataObject) =>
					summarized(addSummary, s2FulfillmentSummary, record);
				if (existing) return summary({ ...existing, alreadyExists: true });
				const sent = await sendWithReadBack({
					send: async () =>
						await apiRequest<IDataObject>(this, s2, {
							method: 'POST',
							path: '/fulfillment',
							body,
							headers,
							idempotent: false,
							itemIndex: i,
						}),
					applied: async () => (await findMatchingOnOrder(this, body, i, claimed)) !== undefined,
					check,
				});
				if (sent.outcome === 'sent') return summary(claim(sent.result) ?? sent.result);
				return summary({
					...claim(await findMatchingOnOrder(this, body, i, claimed)),
					outcome: 'applied',
				});
			}
			try {
				const created = await apiRequest<IDataObject>(this, s2, {
					method: 'POST',
					path: '/fulfillment',
					body,
					headers,
					// A repeated create with a Channel Fulfillment ID cannot make a second fulfillment: S2 answers 409.
					idempotent: typeof body.channelFulfillmentId === 'string',
					// S2's 409 code ALREADY_EXISTS tells a duplicate from another conflict, on n8n 1.x too.
					readErrorBody: true,
					itemIndex: i,
				});
				return summarized(addSummary, s2FulfillmentSummary, created);
			} catch (error) {
				// A 409 to our own retry after a 5xx or a lost connection means the first attempt created it.
				const existing = ifExists === 'returnExisting' || failedAfterUncertainAttempt(error);
				if (existing && isAlreadyExists(error)) {
					const existing = await returnExisting(this, body, error, i);
					// Without an id it is the note that the fulfillment exists, not the fulfillment.
					return summarized(
						addSummary && existing.id !== undefined,
						s2FulfillmentSummary,
						existing,
					);
				}
				// The transport's errors are NodeApiErrors already: this returns the same error.
				throw new NodeApiError(this.getNode(), error as JsonObject);
			}
		},
		{ concurrency: readConcurrency(this), lane: ({ body }) => String(body.orderId ?? '') },
	);
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'create',
	name: 'Create',
	action: 'Create a fulfillment',
	description: 'Create a fulfillment for an order, or a standalone one',
	write: true,
	toolDescription:
		'Create an S2 (Ventmere) fulfillment: an order to ship items (product IDs and quantities) to an address (recipient name, address line 1, city, country code such as US). Order ID is an S2 order UUID (such as ae52b0ab-8f0c-4b11-9c13-c5c221228ecd), or empty for a standalone fulfillment. Creates a record: repeating it creates another one unless a Channel Fulfillment ID is given (then S2 refuses the duplicate, or with If It Already Exists set to Return Existing the existing one is returned with alreadyExists: true). Preview Only validates and returns the request without creating anything.',
	properties,
	execute,
});
