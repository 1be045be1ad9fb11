import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { integerAtLeast, validateParameters, z } from './validation';

/** How many values one request may carry: the default, and the most the vendor (or we) allow. */
export interface BatchSizeLimits {
	default: number;
	max: number;
}

/** Options › Batch Size of a batched operation. */
export function batchSizeOption({ default: defaultSize, max }: BatchSizeLimits, description: string): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: max, numberPrecision: 0 },
		default: defaultSize,
		description,
	};
}

/** Options › Batch Size, read once from the first item: all items are batched together. */
export function readBatchSize(ctx: IExecuteFunctions, limits: BatchSizeLimits): number {
	const schema = z
		.object({ batchSize: integerAtLeast('Batch Size', 1) })
		.refine((value) => value.batchSize <= limits.max, { message: `Batch Size must be at most ${limits.max}` });
	return validateParameters(ctx, schema, { batchSize: ctx.getNodeParameter('options.batchSize', 0, limits.default) })
		.batchSize;
}
