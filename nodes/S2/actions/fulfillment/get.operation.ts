import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection, showFor } from '../../../shared/description';
import { simplifyFulfillment } from '../../simplify';
import { getRecordExecute, simplifyProperty } from '../getRecord';

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
	optionsCollection(),
];

export const description = showFor('fulfillment', 'get', properties);

export const execute = getRecordExecute({
	idParameter: 'fulfillmentId',
	idLabel: 'Fulfillment ID',
	collectionPath: '/fulfillment',
	simplify: simplifyFulfillment,
});
