import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../../shared/description';
import { apiRequest } from '../../../shared/transport';
import { forEachValidatedItem } from '../../../shared/items';
import { requiredString, validateParameters, z } from '../../../shared/validation';
import { listedLines, orderedLines, rejectedLines, type ItemLine } from '../../orderItems';
import { shipperOne } from '../../transport';
import { listedItemsProperties, orderItemsProperty, readListedItems } from './itemFields';
import { actionResult, orderIdProperties } from './orderFields';
import { readLocator } from '../../../shared/locator';
import { defineOperation } from '../../../shared/operations';
import { readAddSummary, summarized, summaryOption } from '../../../shared/summary';
import { shipperOneSummary } from '../../summary';

const DECISIONS = ['acceptAll', 'rejectAll', 'perItem'] as const;

const properties: INodeProperties[] = [
	...orderIdProperties,
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
	optionsCollection([summaryOption]),
];

const orderSchema = z.object({ orderId: requiredString('Order ID') });
const lineSchemas = {
	acceptAll: z.object({ lines: orderedLines('Order Items') }),
	rejectAll: z.object({ lines: rejectedLines('Order Items') }),
	perItem: z.object({ lines: listedLines('Items', 0) }),
};
const decisionSchema = z.enum(DECISIONS, {
	errorMap: () => ({ message: 'Decision must be Accept All Items, Reject All Items or Per Item' }),
});

function readParameters(
	ctx: IExecuteFunctions,
	i: number,
): { orderId: string; lines: ItemLine[]; addSummary: boolean } {
	const decision = validateParameters(ctx, decisionSchema, ctx.getNodeParameter('decision', i), i);
	const { orderId } = validateParameters(ctx, orderSchema, { orderId: readLocator(ctx, 'orderId', i) }, i);
	const raw = decision === 'perItem' ? readListedItems(ctx, i) : ctx.getNodeParameter('orderItems', i);
	const { lines } = validateParameters(ctx, lineSchemas[decision], { lines: raw }, i);
	return { orderId, lines, addSummary: readAddSummary(ctx, i) };
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachValidatedItem(
		this,
		items,
		(i) => readParameters(this, i),
		async (i, { orderId, lines, addSummary }) => {
			const body = await apiRequest<unknown>(this, shipperOne, {
				method: 'POST',
				path: '/V1/fulfillmentOrder/accept',
				body: { order: { order_id: orderId, items: lines as unknown as IDataObject[] } },
				// Re-sending an applied decision returns the current state: safe to retry.
				idempotent: true,
				itemIndex: i,
			});
			return summarized(addSummary, shipperOneSummary, actionResult(body, orderId, lines));
		},
	);
}

export const operation = defineOperation({
	resource: 'fulfillmentOrder',
	value: 'accept',
	name: 'Accept',
	action: 'Accept or reject a fulfillment order',
	description: 'Accept or reject the items of a fulfillment order (quantity 0 rejects an item)',
	properties,
	execute,
});
