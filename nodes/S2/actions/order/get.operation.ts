import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../../shared/description';
import { forEachItem } from '../../../shared/itemLoop';
import { encodePath } from '../../../shared/path';
import { maxRetriesOption } from '../../../shared/retry';
import { apiRequest } from '../../../shared/transport';
import { pathId, validateParameters, z } from '../../../shared/validation';
import { simplifyOrder } from '../../simplify';
import { s2 } from '../../transport';
import { simplifyProperty } from '../simplifyOption';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '={{ $json.orderId }}',
		placeholder: 'ae52b0ab-8f0c-4b11-9c13-c5c221228ecd',
		description: 'The S2 order ID. The order comes with its fulfillments, their shipments, tracking numbers and labels.',
	},
	{
		...simplifyProperty,
		description:
			"Whether to return the order's plain fields, a list of all tracking numbers, and its fulfillments in short form (IDs, statuses, items, shipments with carrier, tracking and labels)",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxRetriesOption],
	},
];

export const description = showFor('order', 'get', properties);

const schema = z.object({ orderId: pathId('Order ID'), simplify: z.boolean() });

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const params = validateParameters(
			this,
			schema,
			{ orderId: this.getNodeParameter('orderId', i), simplify: this.getNodeParameter('simplify', i, false) },
			i,
		);
		const order = await apiRequest<IDataObject>(this, s2, { method: 'GET', path: encodePath`/order/${params.orderId}`, itemIndex: i });
		return params.simplify ? simplifyOrder(order) : order;
	});
}
