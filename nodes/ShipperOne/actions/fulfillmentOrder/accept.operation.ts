import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { forEachWrite } from '../../../shared/items';
import { parameterReader, requiredString, validateParameters, z } from '../../../shared/validation';
import { listedLines, orderedLines, rejectedLines, type ItemLine } from '../../orderItems';
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
import { readAddSummary, summaryOption } from '../../../shared/summary';

const DECISIONS = ['acceptAll', 'rejectAll', 'perItem'] as const;
const READ_FROM = {
	pending_accept:
		"Order Items was empty: the order's items were read from ShipperOne's Pending Accept queue",
	pending_shipment:
		"Order Items was empty and the order was no longer in ShipperOne's Pending Accept queue but in Pending Shipment (already accepted): the decision was re-sent with the items read there, and ShipperOne answered with the order's current state",
};

const properties: INodeProperties[] = [
	...orderIdProperties('pending_accept'),
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Accept All Items',
				value: 'acceptAll',
				description: 'Accept every item of the order at its ordered quantity',
			},
			{
				name: 'Reject All Items',
				value: 'rejectAll',
				description: 'Reject every item (qty 0); ShipperOne may reroute them to another location',
			},
			{
				name: 'Per Item',
				value: 'perItem',
				description: 'List items with the quantity to accept; quantity 0 rejects that item',
			},
		],
		default: 'acceptAll',
	},
	orderItemsProperty(
		{ decision: ['acceptAll', 'rejectAll'] },
		' and, to accept, its ordered quantity (qty_ordered, qty or quantity)',
	),
	...listedItemsProperties(
		{ decision: ['perItem'] },
		{
			min: 0,
			description:
				'Quantity to accept; 0 rejects the item. Must equal the ordered quantity unless partial acceptance is enabled for the order.',
		},
	),
	optionsCollection([concurrencyOption, summaryOption]),
];

const readOrderAndDecision = parameterReader(
	properties,
	z.object({
		decision: z.enum(DECISIONS, {
			errorMap: () => ({
				message: 'Decision must be Accept All Items, Reject All Items or Per Item',
			}),
		}),
		orderId: requiredString('Order ID'),
	}),
);
const readOrderItems = orderItemsReader(properties);
const readListedItems = listedItemsReader(properties);
const lineSchemas = {
	acceptAll: z.object({ lines: orderedLines('Order Items') }),
	rejectAll: z.object({ lines: rejectedLines('Order Items') }),
	perItem: z.object({ lines: listedLines('Items', 0) }),
};

interface AcceptParameters {
	orderId: string;
	decision: (typeof DECISIONS)[number];
	/** Undefined when Order Items was left empty: the order's items are then read from the queue. */
	lines?: ItemLine[];
	addSummary: boolean;
}

function readParameters(ctx: IExecuteFunctions, i: number): AcceptParameters {
	const { decision, orderId } = readOrderAndDecision(ctx, i);
	const raw = decision === 'perItem' ? readListedItems(ctx, i) : readOrderItems(ctx, i);
	const addSummary = readAddSummary(ctx, i);
	if (decision !== 'perItem' && itemsNotGiven(raw)) return { orderId, decision, addSummary };
	const { lines } = validateParameters(ctx, lineSchemas[decision], { lines: raw }, i);
	return { orderId, decision, lines, addSummary };
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
					path: '/V1/fulfillmentOrder/accept',
					queue: 'pending_accept',
					schema: lineSchemas[params.decision],
					repeatQueues: ['pending_shipment'],
					readFrom: READ_FROM,
					body: (lines) => ({
						order: { order_id: params.orderId, items: lines as unknown as IDataObject[] },
					}),
				},
				i,
			),
	});
}

export const operation = defineOperation({
	resource: 'fulfillmentOrder',
	value: 'accept',
	name: 'Accept',
	action: 'Accept or reject a fulfillment order',
	description: 'Accept or reject the items of a fulfillment order (quantity 0 rejects an item)',
	write: true,
	toolDescription:
		"Accept (or reject) a ShipperOne fulfillment order. Needs only the Order ID (order_id text such as FO-000012345): when no items are given, the order's items are read from ShipperOne's Pending Accept queue and each is accepted at its ordered quantity (the output says itemsReadFrom). Returns the order's current state. Safe to repeat: an order already accepted and in Pending Shipment gets the same decision re-sent, which changes nothing and returns its current state; an order in neither queue (awaiting ERP allocation, rejected) is an error unless its items are given. Preview Only returns the request without sending it.",
	properties,
	execute,
});
