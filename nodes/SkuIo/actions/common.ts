import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { maxRetriesOption } from '../../shared/retry';
import { integerAtLeast, positiveInteger, validateParameters, z } from '../../shared/validation';
import type { Paging } from '../lists';

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

/** The Options collection every operation has: its own options, then Max Retries. */
export function optionsCollection(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, maxRetriesOption],
	};
}

const pagingSchema = z.object({
	returnAll: z.boolean({ invalid_type_error: 'Return All must be true or false' }),
	limit: integerAtLeast('Limit', 1),
});

/** Return All + Limit of a list operation (Limit is not read when returning all). */
export function readPaging(ctx: IExecuteFunctions, itemIndex: number): Paging {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false);
	const limit = returnAll === true ? 1 : ctx.getNodeParameter('limit', itemIndex, 50);
	return validateParameters(ctx, pagingSchema, { returnAll, limit }, itemIndex);
}

const idSchema = z.object({ fulfillmentId: positiveInteger('Fulfillment ID') });

export function readFulfillmentId(ctx: IExecuteFunctions, itemIndex: number): number {
	return validateParameters(ctx, idSchema, { fulfillmentId: ctx.getNodeParameter('fulfillmentId', itemIndex) }, itemIndex)
		.fulfillmentId;
}
