import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { idLocatorProperties, readLocator } from '../shared/locator';
import {
	parameterReader,
	positiveInteger,
	positiveIntegerList,
	validateParameters,
	z,
} from '../shared/validation';

/**
 * The fulfillment (shipment) an operation acts on; defaults to the incoming item's `id`. A text field
 * in version 1; from 1.1 also picked from the fulfillments list, with a search.
 */
export function fulfillmentIdProperty(description: string): INodeProperties[] {
	return idLocatorProperties(
		{
			displayName: 'Fulfillment ID',
			name: 'fulfillmentId',
			type: 'string',
			required: true,
			default: '={{ $json.id }}',
			placeholder: '1001',
			description,
		},
		{
			searchListMethod: 'searchFulfillments',
			placeholder: '1001',
			idPattern: {
				regex: '\\s*[1-9]\\d*\\s*',
				errorMessage: 'A fulfillment ID is a whole number such as 1001',
			},
		},
	);
}

/** The fulfillments an item brings to a batched operation; all items' IDs are combined. */
export function fulfillmentIdsProperty(description: string): INodeProperties {
	return {
		displayName: 'Fulfillment IDs',
		name: 'fulfillmentIds',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		placeholder: '1001, 1002',
		description,
	};
}

/** The Fulfillment ID's check, for an operation's parameter schema. */
export const fulfillmentId = positiveInteger('Fulfillment ID');

const idSchema = z.object({ fulfillmentId });

export function readFulfillmentId(ctx: IExecuteFunctions, itemIndex: number): number {
	return validateParameters(
		ctx,
		idSchema,
		{ fulfillmentId: readLocator(ctx, 'fulfillmentId', itemIndex) },
		itemIndex,
	).fulfillmentId;
}

const fulfillmentIds = positiveIntegerList('Fulfillment IDs');

const readIds = parameterReader([fulfillmentIdsProperty('')], z.object({ fulfillmentIds }));

export function readFulfillmentIds(ctx: IExecuteFunctions, itemIndex: number): number[] {
	return readIds(ctx, itemIndex).fulfillmentIds;
}
