import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { positiveInteger, positiveIntegerList, validateParameters, z } from '../../shared/validation';

/** The fulfillment (shipment) an operation acts on; defaults to the incoming item's `id`. */
export function fulfillmentIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Fulfillment ID',
		name: 'fulfillmentId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		placeholder: '1001',
		description,
	};
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

const idSchema = z.object({ fulfillmentId: positiveInteger('Fulfillment ID') });

export function readFulfillmentId(ctx: IExecuteFunctions, itemIndex: number): number {
	return validateParameters(ctx, idSchema, { fulfillmentId: ctx.getNodeParameter('fulfillmentId', itemIndex) }, itemIndex)
		.fulfillmentId;
}

const idsSchema = z.object({ fulfillmentIds: positiveIntegerList('Fulfillment IDs') });

export function readFulfillmentIds(ctx: IExecuteFunctions, itemIndex: number): number[] {
	return validateParameters(ctx, idsSchema, { fulfillmentIds: ctx.getNodeParameter('fulfillmentIds', itemIndex) }, itemIndex)
		.fulfillmentIds;
}
