import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { forEachWrite } from '../../../shared/items';
import { parameterReader, requiredString, validateParameters, z } from '../../../shared/validation';
import { listedLines, orderedLines, type ItemLine } from '../../orderItems';
import {
	listedItemsProperties,
	listedItemsReader,
	orderItemsProperty,
	orderItemsReader,
} from '../../itemFields';
import { orderIdProperties, sendOrderAction } from '../../orderFields';
import { defineOperation } from '../../../shared/operations';
import { concurrencyOption } from '../../../shared/concurrency';
import { itemsNotGiven } from '../../orderLookup';

const READ_FROM = {
	pending_shipment:
		"Order Items was empty: the order's items were read from ShipperOne's Pending Shipment queue",
};
import { readAddSummary, summaryOption } from '../../../shared/summary';

const properties: INodeProperties[] = [
	...orderIdProperties('pending_shipment'),
	{
		displayName: 'Items to Ship',
		name: 'itemsToShip',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Items of the Order',
				value: 'order',
				description: 'Every item of the input order at its ordered quantity',
			},
			{
				name: 'Listed Items',
				value: 'listed',
				description:
					'Only the items and quantities you list (a partial shipment, if enabled for the order)',
			},
		],
		default: 'order',
	},
	orderItemsProperty(
		{ itemsToShip: ['order'] },
		' and its ordered quantity (qty_ordered, qty or quantity)',
	),
	...listedItemsProperties(
		{ itemsToShip: ['listed'] },
		{ min: 1, description: 'Quantity dispatched in this shipment' },
	),
	{
		displayName: 'Tracks',
		name: 'tracks',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Track',
		required: true,
		default: { track: [{ carrier_code: '', title: '', track_number: '' }] },
		description: 'One or more tracking numbers for this shipment',
		options: [
			{
				displayName: 'Track',
				name: 'track',
				values: [
					{
						displayName: 'Carrier Code',
						name: 'carrier_code',
						type: 'string',
						default: '',
						placeholder: 'dhl',
						description: 'The carrier code ShipperOne knows the carrier by',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: 'DHL Express',
						description: 'The carrier or service name shown with the tracking number',
					},
					{
						displayName: 'Track Number',
						name: 'track_number',
						type: 'string',
						default: '',
						placeholder: 'JD0123456789',
					},
				],
			},
		],
	},
	optionsCollection([
		concurrencyOption,
		{
			displayName: 'Additional Shipment Fields',
			name: 'additionalFields',
			type: 'json',
			default: '{}',
			description:
				'More fields of the ship call as a JSON object, e.g. the optional COD amount or package value; use the names from your ShipperOne API reference (this guide does not publish them)',
		},
		summaryOption,
	]),
];

const TRACK_FIELDS = [
	['carrier_code', 'Carrier Code'],
	['title', 'Title'],
	['track_number', 'Track Number'],
] as const;

const tracksSchema = z.unknown().transform((value, ctx) => {
	const tracks = Array.isArray(value) ? (value as IDataObject[]) : [];
	if (tracks.length === 0) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: 'Tracks needs at least one track (carrier code, title, track number)',
		});
		return z.NEVER;
	}
	const result: IDataObject[] = [];
	for (const [index, track] of tracks.entries()) {
		const entry: IDataObject = {};
		for (const [field, label] of TRACK_FIELDS) {
			const raw = track?.[field];
			const text =
				typeof raw === 'number' && Number.isFinite(raw)
					? String(raw)
					: typeof raw === 'string'
						? raw.trim()
						: '';
			if (text === '') {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `Tracks: track ${index + 1} needs a ${label}`,
				});
				return z.NEVER;
			}
			entry[field] = text;
		}
		result.push(entry);
	}
	return result;
});

const RESERVED_FIELDS = ['order_id', 'items', 'tracks'];

const additionalFieldsSchema = z.unknown().transform((value, ctx) => {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = value.trim() === '' ? {} : JSON.parse(value);
		} catch (error) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `Additional Shipment Fields is not valid JSON: ${(error as Error).message}`,
			});
			return z.NEVER;
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: 'Additional Shipment Fields must be a JSON object',
		});
		return z.NEVER;
	}
	const reserved = Object.keys(parsed).filter((key) => RESERVED_FIELDS.includes(key));
	if (reserved.length) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `Additional Shipment Fields cannot set ${reserved.join(', ')}: use the node's own fields`,
		});
		return z.NEVER;
	}
	return parsed as IDataObject;
});

const readShipParameters = parameterReader(
	properties,
	z.object({
		itemsToShip: z.enum(['order', 'listed'], {
			errorMap: () => ({ message: 'Items to Ship must be All Items of the Order or Listed Items' }),
		}),
		orderId: requiredString('Order ID'),
		tracks: tracksSchema,
		additionalFields: additionalFieldsSchema,
	}),
);
const readOrderItems = orderItemsReader(properties);
const readListedItems = listedItemsReader(properties);
const lineSchemas = {
	order: z.object({ lines: orderedLines('Order Items') }),
	listed: z.object({ lines: listedLines('Items', 1) }),
};

interface ShipParameters {
	orderId: string;
	/** Undefined when Order Items was left empty: the order's items are then read from the queue. */
	lines?: ItemLine[];
	tracks: IDataObject[];
	additionalFields: IDataObject;
	addSummary: boolean;
}

function readParameters(ctx: IExecuteFunctions, i: number): ShipParameters {
	const { itemsToShip: source, ...params } = readShipParameters(ctx, i);
	const addSummary = readAddSummary(ctx, i);
	const raw = source === 'listed' ? readListedItems(ctx, i) : readOrderItems(ctx, i);
	if (source === 'order' && itemsNotGiven(raw)) return { ...params, addSummary };
	const { lines } = validateParameters(ctx, lineSchemas[source], { lines: raw }, i);
	return { ...params, lines, addSummary };
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachWrite(this, items, {
		read: (i) => readParameters(this, i),
		lane: (params) => String(params.orderId),
		send: async (i, params) =>
			await sendOrderAction(
				this,
				params,
				{
					path: '/V1/fulfillmentOrder/ship',
					queue: 'pending_shipment',
					schema: lineSchemas.order,
					readFrom: READ_FROM,
					body: (lines) => ({
						shipment: {
							...params.additionalFields,
							order_id: params.orderId,
							items: lines as unknown as IDataObject[],
							tracks: params.tracks,
						},
					}),
				},
				i,
			),
	});
}

export const operation = defineOperation({
	resource: 'fulfillmentOrder',
	value: 'ship',
	name: 'Ship',
	action: 'Ship a fulfillment order',
	description: 'Report a shipment with its tracking numbers; fewer items make a partial shipment',
	write: true,
	toolDescription:
		"Report the shipment of a ShipperOne fulfillment order with its tracking. Needs: Order ID (order_id text such as FO-000012345) and a track (carrier code such as dhl, carrier title such as DHL Express, tracking number). When no items are given, the order's items are read from ShipperOne's Pending Shipment queue and all are shipped at their ordered quantity (the output says itemsReadFrom). The order must be accepted and allocated (in Pending Shipment). Safe to repeat with the items given: ShipperOne answers a re-sent shipment with the order's current state and changes nothing. With only the Order ID, a repeat after the order shipped is an error sending nothing (a shipped order leaves the partner's queues, so its items cannot be read). Preview Only returns the request without sending it.",
	properties,
	execute,
});
