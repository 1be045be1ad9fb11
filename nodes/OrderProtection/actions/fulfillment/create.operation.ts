import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionalDateTime } from '../../../shared/dates';
import { optionsCollection } from '../../../shared/description';
import { apiRequest, encodePath } from '../../../shared/transport';
import { forEachValidatedItem, readConcurrency } from '../../../shared/items';
import { readGuard, sendWithReadBack } from '../../../shared/outcome';
import {
	optionalString,
	pathId,
	positiveInteger,
	requiredString,
	parameterReader,
	z,
} from '../../../shared/validation';
import { fulfillmentOutput } from '../../fulfillmentOutput';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { orderProtectionSummary } from '../../summary';
import { fulfillmentStatus, statusOptions } from '../../status';
import { orderProtection } from '../../transport';
import { sourceOrderId, sourceOrderIdProperty } from '../../fields';
import { defineOperation } from '../../../shared/operations';
import { concurrencyOption } from '../../../shared/concurrency';

const properties: INodeProperties[] = [
	sourceOrderIdProperty("The order's ID in your store platform (e.g. the Shopify order ID)"),
	{
		displayName: 'Source Fulfillment ID',
		name: 'sourceFulfillmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'fulfillment-123',
		description: 'Your own ID for this fulfillment; Update uses it to change the status later',
	},
	{
		displayName: 'Fulfillment Status',
		name: 'fulfillmentStatus',
		type: 'options',
		options: statusOptions,
		default: 'FULFILLED',
		description:
			'The status of the fulfillment, sent as OrderProtection documents it (e.g. FULFILLED). An expression may give any casing ("Fulfilled", "in transit"); it is converted.',
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		placeholder: 'Add Item',
		description: 'The order items this fulfillment covers',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Source Item ID',
						name: 'sourceItemId',
						type: 'string',
						default: '',
						description: "The order line's ID in your store platform",
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
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Created At',
				name: 'createdAt',
				type: 'dateTime',
				default: '',
				description:
					'When the fulfillment was created. Empty: OrderProtection uses the time it receives it.',
			},
			{
				displayName: 'Tracking',
				name: 'tracking',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Tracking Number',
				options: [
					{
						displayName: 'Tracking Number',
						name: 'entry',
						values: [
							{ displayName: 'Tracking Number', name: 'number', type: 'string', default: '' },
							{
								displayName: 'Tracking URL',
								name: 'url',
								type: 'string',
								default: '',
								placeholder: 'https://example-follow-shipment.com/AB0303456',
								description:
									'Where the shipment can be followed. Give a URL for every tracking number or for none.',
							},
						],
					},
				],
			},
			{
				displayName: 'Tracking Company',
				name: 'trackingCompany',
				type: 'string',
				default: '',
				placeholder: 'FedEx',
			},
			{
				displayName: 'Updated At',
				name: 'updatedAt',
				type: 'dateTime',
				default: '',
				description:
					'When the fulfillment last changed. Empty: OrderProtection uses the time it receives it.',
			},
		],
	},
	optionsCollection([concurrencyOption, summaryOption]),
];

const item = z.object({
	sourceItemId: requiredString('Source Item ID'),
	quantity: positiveInteger('Quantity'),
});
const tracking = z.object({
	number: requiredString('Tracking Number'),
	url: optionalString().refine((url) => url === undefined || /^https?:\/\/\S+$/i.test(url), {
		message: 'Tracking URL must start with http:// or https://',
	}),
});

/** Each entry checked by `schema`, the first problem naming its position: "Item 2: Quantity …". */
function entries<T>(label: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, required: boolean) {
	return z.unknown().transform((value, ctx): T[] => {
		const values = value === undefined || value === null || value === '' ? [] : value;
		if (!Array.isArray(values)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}s must be a list` });
			return z.NEVER;
		}
		if (required && values.length === 0) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${label}s are required: add at least one`,
			});
			return z.NEVER;
		}
		const parsed: T[] = [];
		for (const [index, entry] of values.entries()) {
			const result = schema.safeParse(entry ?? {});
			if (!result.success) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `${label} ${index + 1}: ${result.error.issues[0].message}`,
				});
				return z.NEVER;
			}
			parsed.push(result.data);
		}
		return parsed;
	});
}

function schemaFor(zone: string) {
	return z
		.object({
			sourceOrderId,
			// Update puts it in the URL path.
			sourceFulfillmentId: pathId('Source Fulfillment ID'),
			fulfillmentStatus: fulfillmentStatus('Fulfillment Status'),
			items: entries('Item', item, true),
			trackingCompany: optionalString(),
			tracking: entries('Tracking number', tracking, false),
			createdAt: optionalDateTime('Created At', zone),
			updatedAt: optionalDateTime('Updated At', zone),
		})
		.superRefine((params, ctx) => {
			// Also called when a field already failed; its value is then not a list.
			if (!Array.isArray(params.tracking)) return;
			const withUrl = params.tracking.filter((entry) => entry.url !== undefined).length;
			if (withUrl > 0 && withUrl < params.tracking.length) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message:
						'Tracking URL must be given for every tracking number or for none: OrderProtection pairs numbers and URLs by position',
				});
			}
		});
}

type CreateParams = z.output<ReturnType<typeof schemaFor>>;

/** The documented body: tracking pairs become the parallel arrays trackingNumber[] and trackingUrl[]. */
function bodyOf(params: CreateParams): IDataObject {
	const body: IDataObject = {
		sourceItemIds: params.items,
		fulfillmentStatus: params.fulfillmentStatus,
		sourceFulfillmentId: params.sourceFulfillmentId,
	};
	if (params.trackingCompany) body.trackingCompany = params.trackingCompany;
	if (params.tracking.length) {
		body.trackingNumber = params.tracking.map((entry) => entry.number);
		if (params.tracking[0].url !== undefined)
			body.trackingUrl = params.tracking.map((entry) => entry.url as string);
	}
	if (params.createdAt)
		body.createdAt = params.createdAt.toUTC().toISO({ suppressMilliseconds: true });
	if (params.updatedAt)
		body.updatedAt = params.updatedAt.toUTC().toISO({ suppressMilliseconds: true });
	return body;
}

function idsOf(params: CreateParams) {
	return { sourceOrderId: params.sourceOrderId, sourceFulfillmentId: params.sourceFulfillmentId };
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// The workflow's time zone is known only when it runs.
	const readParameters = parameterReader(properties, schemaFor(this.getTimezone()));
	return await forEachValidatedItem(
		this,
		items,
		(i) => ({ ...readParameters(this, i), addSummary: readAddSummary(this, i) }),
		async (i, params) => {
			// The Source Fulfillment ID is the natural key: one that the order already lists was created by
			// an earlier try or run, and is output instead of posting a second fulfillment.
			const existing = async () => {
				const list = await apiRequest<unknown>(this, orderProtection, {
					method: 'GET',
					path: encodePath`/v1/orders/${params.sourceOrderId}/fulfillments`,
					itemIndex: i,
				});
				// An entry without its sourceFulfillmentId could be this one: no evidence, so fail closed.
				if (
					!Array.isArray(list) ||
					!list.every((entry) => typeof (entry as IDataObject)?.sourceFulfillmentId === 'string')
				)
					throw new Error("OrderProtection did not list the order's fulfillments with their IDs");
				return (list as IDataObject[]).find(
					(entry) => entry?.sourceFulfillmentId === params.sourceFulfillmentId,
				);
			};
			const check = `the fulfillments of order ${params.sourceOrderId} in OrderProtection`;
			const found = await readGuard(this, i, check, existing);
			if (found) return { ...found, ...idsOf(params), alreadyExists: true };
			const sent = await sendWithReadBack({
				send: async () =>
					await apiRequest<unknown>(this, orderProtection, {
						method: 'POST',
						path: encodePath`/v1/orders/${params.sourceOrderId}/fulfillments`,
						body: bodyOf(params),
						itemIndex: i,
					}),
				applied: async () => (await existing()) !== undefined,
				check,
			});
			if (sent.outcome === 'applied')
				return { ...((await existing()) ?? {}), ...idsOf(params), outcome: 'applied' };
			const response = sent.result;
			const output = fulfillmentOutput(response, {
				sourceOrderId: params.sourceOrderId,
				sourceFulfillmentId: params.sourceFulfillmentId,
				fulfillmentStatus: params.fulfillmentStatus,
			});
			// OrderProtection answers only {status: "ok"}: items and tracking come from what was sent.
			return summarized(params.addSummary, orderProtectionSummary, output, {
				...bodyOf(params),
				...output,
			});
		},
		{ concurrency: readConcurrency(this), lane: (params) => params.sourceOrderId },
	);
}

export const operation = defineOperation({
	resource: 'fulfillment',
	value: 'create',
	name: 'Create',
	action: 'Create a fulfillment',
	description: 'Report a fulfillment of an order, with its items and tracking',
	write: true,
	toolDescription:
		"Report a fulfillment of an order to OrderProtection: Source Order ID (your store's order ID, such as 5123456789), Source Fulfillment ID (your own ID for this fulfillment, such as fulfillment-123), status, items (source item ID and quantity) and optional tracking. Creates a record at OrderProtection. Safe to repeat: a Source Fulfillment ID the order already lists is returned as it is (alreadyExists: true), not created again. Preview Only validates and returns the request without sending it.",
	properties,
	execute,
});
