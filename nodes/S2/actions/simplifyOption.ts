import type { INodeProperties } from 'n8n-workflow';

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a smaller object: IDs, statuses, items as product ID, SKU and quantity, and shipments with their carrier, tracking numbers and labels, instead of the nested product, warehouse and organization records',
};
