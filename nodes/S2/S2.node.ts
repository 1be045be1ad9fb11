import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runOperation } from '../shared/operations';
import { operations, properties } from './actions';
import { organizationProperty, searchOrganizations } from './organization';

export class S2 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'S2',
		name: 's2',
		icon: { light: 'file:../../icons/s2.svg', dark: 'file:../../icons/s2.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create S2 (Ventmere) fulfillments and read orders with their tracking numbers',
		defaults: { name: 'S2' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 's2Api', required: true }],
		properties: [...properties, organizationProperty],
	};

	methods = { listSearch: { searchOrganizations } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, operations);
	}
}
