import type { INodePropertyOptions } from 'n8n-workflow';
import { z } from '../shared/validation';
import { FULFILLMENT_STATUSES, type FulfillmentStatus } from './transport';

/** "Fulfilled", "in transit", "partially-fulfilled", "partiallyFulfilled" → the documented UPPER_SNAKE value. */
export function normalizeStatus(value: string): string {
	return value
		.trim()
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.replace(/[\s-]+/g, '_')
		.toUpperCase();
}

const titleCase = (status: string) =>
	status
		.toLowerCase()
		.split('_')
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

export const statusOptions: INodePropertyOptions[] = FULFILLMENT_STATUSES.map((status) => ({
	name: titleCase(status),
	value: status,
	...(status === 'NOT_DELIVERED'
		? { description: 'Listed in one copy of the OrderProtection reference only' }
		: {}),
})).sort((a, b) => a.name.localeCompare(b.name));

/** A documented status in any casing; sent as OrderProtection documents it (UPPER_SNAKE). */
export function fulfillmentStatus(label: string) {
	return z.unknown().transform((value, ctx): FulfillmentStatus => {
		const status = typeof value === 'string' ? normalizeStatus(value) : '';
		if ((FULFILLMENT_STATUSES as readonly string[]).includes(status))
			return status as FulfillmentStatus;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be one of ${FULFILLMENT_STATUSES.join(', ')} (got ${JSON.stringify(value) ?? 'nothing'})`,
		});
		return z.NEVER;
	});
}
