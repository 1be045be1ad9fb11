import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runOperation } from '../shared/operations';
import { operations, properties } from './actions';
import { searchPendingAccept, searchPendingShipment } from './listSearch';

export class ShipperOne implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ShipperOne',
		name: 'shipperOne',
		icon: {
			light: 'file:../../icons/shipperone.svg',
			dark: 'file:../../icons/shipperone.dark.svg',
		},
		group: ['transform'],
		// 1.1: Order ID is a resource locator (From List, By ID); version 1 keeps its text field.
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read ShipperOne fulfillment order queues, accept or reject items and report shipments with tracking',
		defaults: { name: 'ShipperOne' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shipperOneApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchPendingAccept, searchPendingShipment } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, operations);
	}
}
