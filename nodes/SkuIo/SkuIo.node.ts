import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runOperation } from '../shared/operations';
import { operations, properties } from './actions';

export class SkuIo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SKU.io',
		name: 'skuIo',
		icon: { light: 'file:../../icons/skuio.svg', dark: 'file:../../icons/skuio.dark.svg' },
		group: ['transform'],
		version: 1,
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, operations);
	}
}
