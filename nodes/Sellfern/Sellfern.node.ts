import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runOperation } from '../shared/operations';
import { operations, properties } from './actions';
import { searchQueuedOrders } from './listSearch';

export class Sellfern implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sellfern',
		name: 'sellfern',
		icon: { light: 'file:../../icons/sellfern.svg', dark: 'file:../../icons/sellfern.dark.svg' },
		group: ['transform'],
		// 1.1: Update Status's Order ID is a resource locator (From List, By ID); version 1 keeps its text field.
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read the Sellfern fulfillment queue, assign suppliers in bulk and update order status',
		defaults: { name: 'Sellfern' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sellfernApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchQueuedOrders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, operations);
	}
}
