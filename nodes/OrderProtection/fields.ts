import type { INodeProperties } from 'n8n-workflow';
import { pathId } from '../shared/validation';

/** Source Order ID, which every fulfillment operation takes: the order's ID in the store platform. */
export function sourceOrderIdProperty(
	description: string,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Source Order ID',
		name: 'sourceOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '5123456789',
		description,
		...overrides,
	};
}

/** Its check: one path segment, named as the panel names it. */
export const sourceOrderId = pathId('Source Order ID');
