import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { booleanFlag, z } from './validation';

/** Return All + Limit, as every list operation has them. */
export function returnAllAndLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** Return All + Limit as list operations check them: spread into the operation's schema. */
export const returnAllAndLimitSchema = {
	returnAll: booleanFlag('Return All'),
	limit: z
		.number({ invalid_type_error: 'Limit must be a number', required_error: 'Limit must be a number' })
		.int('Limit must be a whole number')
		.positive('Limit must be at least 1'),
};

/** The item's Return All and Limit, unchecked; Limit is not read when returning all. */
export function readReturnAllAndLimit(ctx: IExecuteFunctions, itemIndex: number) {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	return { returnAll, limit: returnAll ? 1 : ctx.getNodeParameter('limit', itemIndex) };
}
