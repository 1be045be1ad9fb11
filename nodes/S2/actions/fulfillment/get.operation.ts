import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../../shared/description';
import { forEachItem } from '../../../shared/itemLoop';
import { encodePath } from '../../../shared/path';
import { maxRetriesOption } from '../../../shared/retry';
import { apiRequest } from '../../../shared/transport';
import { pathId, validateParameters, z } from '../../../shared/validation';
import { simplifyFulfillment } from '../../simplify';
import { s2 } from '../../transport';
import { simplifyProperty } from '../simplifyOption';

const properties: INodeProperties[] = [
	{
		displayName: 'Fulfillment ID',
		name: 'fulfillmentId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		placeholder: '295dbfaa-de55-40aa-ad6b-71f05972288',
		description: 'The S2 fulfillment ID, as returned by Create',
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxRetriesOption],
	},
];

export const description = showFor('fulfillment', 'get', properties);

const schema = z.object({ fulfillmentId: pathId('Fulfillment ID'), simplify: z.boolean() });

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const params = validateParameters(
			this,
			schema,
			{ fulfillmentId: this.getNodeParameter('fulfillmentId', i), simplify: this.getNodeParameter('simplify', i, false) },
			i,
		);
		const fulfillment = await apiRequest<IDataObject>(this, s2, {
			method: 'GET',
			path: encodePath`/fulfillment/${params.fulfillmentId}`,
			itemIndex: i,
		});
		return params.simplify ? simplifyFulfillment(fulfillment) : fulfillment;
	});
}
