import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runOperation } from '../shared/operations';
import { operations, properties } from './actions';
import { searchOrderFulfillments } from './listSearch';

export class OrderProtection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OrderProtection',
		name: 'orderProtection',
		icon: {
			light: 'file:../../icons/orderprotection.svg',
			dark: 'file:../../icons/orderprotection.dark.svg',
		},
		group: ['transform'],
		// 1.1: Update's Source Fulfillment ID is a resource locator (From List, By ID); version 1 keeps its text field.
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Report fulfillments and their tracking to OrderProtection and update their status',
		defaults: { name: 'OrderProtection' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orderProtectionOAuth2Api', required: true }],
		properties,
	};

	methods = { listSearch: { searchOrderFulfillments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, operations);
	}
}
