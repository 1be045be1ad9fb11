import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runOperation } from '../shared/operations';
import { operations, properties } from './actions';
import { searchFulfillments } from './listSearch';

export class SkuIo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SKU.io',
		name: 'skuIo',
		icon: { light: 'file:../../icons/skuio.svg', dark: 'file:../../icons/skuio.dark.svg' },
		group: ['transform'],
		// 1.1: Fulfillment ID is a resource locator (From List, By ID) and the Status and Fulfillment Type
		// filters are dropdowns; version 1 keeps its text fields.
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read, export, correct and void SKU.io sales order fulfillments, and sync them with sales channels and shipping providers',
		defaults: { name: 'SKU.io' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skuIoApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchFulfillments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, operations);
	}
}
