/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only test code, not shipped */
import { readdirSync, statSync } from 'fs';
import path from 'path';
import type {
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { operations as orderProtectionOperations } from '../../nodes/OrderProtection/actions';
import { OrderProtection } from '../../nodes/OrderProtection/OrderProtection.node';
import { operations as s2Operations } from '../../nodes/S2/actions';
import { operations as sellfernOperations } from '../../nodes/Sellfern/actions';
import { operations as shipperOneOperations } from '../../nodes/ShipperOne/actions';
import { operations as skuIoOperations } from '../../nodes/SkuIo/actions';
import { S2 } from '../../nodes/S2/S2.node';
import { Sellfern } from '../../nodes/Sellfern/Sellfern.node';
import { ShipperOne } from '../../nodes/ShipperOne/ShipperOne.node';
import { SkuIo } from '../../nodes/SkuIo/SkuIo.node';
import type { Operation } from '../../nodes/shared/operations';
import { nodeProperties, runOperation } from '../../nodes/shared/operations';

const NODES_DIR = path.resolve(__dirname, '../../nodes');

/** Every action node, with its vendor folder and the operation list its actions/index.ts declares. */
const actionNodes: Array<{ folder: string; node: INodeType; operations: Operation[] }> = [
	{ folder: 'Sellfern', node: new Sellfern(), operations: sellfernOperations },
	{ folder: 'ShipperOne', node: new ShipperOne(), operations: shipperOneOperations },
	{ folder: 'SkuIo', node: new SkuIo(), operations: skuIoOperations },
	{ folder: 'S2', node: new S2(), operations: s2Operations },
	{ folder: 'OrderProtection', node: new OrderProtection(), operations: orderProtectionOperations },
];

function operationFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return operationFiles(full);
		return name.endsWith('.operation.ts') ? [full] : [];
	});
}

/** (resource, operation) pairs a user can select in the node's UI. */
function selectable(properties: INodeProperties[]): Array<[string, string]> {
	const resourceSelector = properties.find((p) => p.name === 'resource')!;
	return (resourceSelector.options as INodePropertyOptions[]).flatMap(({ value: resource }) => {
		const selector = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		)!;
		return (selector.options as INodePropertyOptions[]).map(
			({ value }) => [String(resource), String(value)] as [string, string],
		);
	});
}

/** Just enough of an execute context to route: no items, every parameter at its fallback. */
function routingContext(resource: string, operation: string): IExecuteFunctions {
	const node = { name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		getInputData: () => [],
		getNode: () => node,
		getTimezone: () => 'UTC',
		continueOnFail: () => false,
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name === 'resource' ? resource : name === 'operation' ? operation : fallback,
	} as unknown as IExecuteFunctions;
}

describe.each(actionNodes)('$folder: operations declared once', ({ folder, node, operations }) => {
	const { properties } = node.description;

	it('every operation file is in the node’s list, and the list holds nothing else', async () => {
		const files = operationFiles(path.join(NODES_DIR, folder, 'actions'));
		expect(files.length).toBeGreaterThan(0);
		const declared = await Promise.all(
			files.map(async (file) => ((await import(file)) as { operation: Operation }).operation),
		);
		for (const [index, operation] of declared.entries()) {
			expect({ file: files[index], listed: operations.includes(operation) }).toEqual({
				file: files[index],
				listed: true,
			});
		}
		expect(new Set(declared)).toEqual(new Set(operations));
	});

	it('every selectable operation is declared, and every declared one is selectable', () => {
		const pairs = selectable(properties).map(([resource, operation]) => `${resource}/${operation}`);
		expect(pairs.sort()).toEqual(operations.map((op) => `${op.resource}/${op.value}`).sort());
	});

	it('every selectable operation runs its own execute', async () => {
		for (const [resource, value] of selectable(properties)) {
			const operation = operations.find((op) => op.resource === resource && op.value === value)!;
			const execute = jest.spyOn(operation, 'execute');
			await expect(runOperation(routingContext(resource, value), operations)).resolves.toEqual([
				[],
			]);
			expect(execute).toHaveBeenCalledTimes(1);
			execute.mockRestore();
		}
	});

	it('shows each operation’s parameters only while that operation is selected', () => {
		for (const operation of operations) {
			for (const own of operation.properties) {
				const shown = properties.filter(
					(p) =>
						p.name === own.name &&
						p.displayOptions?.show?.resource?.[0] === operation.resource &&
						p.displayOptions?.show?.operation?.[0] === operation.value,
				);
				expect({ operation: operation.value, parameter: own.name, shown: shown.length }).toEqual({
					operation: operation.value,
					parameter: own.name,
					shown: operation.properties.filter((p) => p.name === own.name).length,
				});
			}
		}
	});
});

describe('nodeProperties and runOperation', () => {
	const op = (resource: string, value: string, name = value): Operation => ({
		resource,
		value,
		name,
		action: name,
		description: name,
		properties: [],
		execute: async () => [],
	});

	it('refuses an operation of an unknown resource, one declared twice, and a missing default', () => {
		const resources = [{ name: 'Order', value: 'order' }];
		expect(() => nodeProperties(resources, [op('ordr', 'get')])).toThrow(
			'ordr/get: unknown resource',
		);
		expect(() => nodeProperties(resources, [op('order', 'get'), op('order', 'get')])).toThrow(
			'order/get: declared twice',
		);
		expect(() =>
			nodeProperties(
				[{ name: 'Order', value: 'order', defaultOperation: 'gett' }],
				[op('order', 'get')],
			),
		).toThrow('default operation gett is not declared');
	});

	it('sorts operations by name and opens on the declared default', () => {
		const [, selector] = nodeProperties(
			[{ name: 'Order', value: 'order', defaultOperation: 'getAll' }],
			[
				op('order', 'void', 'Void'),
				op('order', 'getAll', 'Get Many'),
				op('order', 'bulk', 'Bulk Void'),
			],
		);
		expect((selector.options as INodePropertyOptions[]).map((o) => o.name)).toEqual([
			'Bulk Void',
			'Get Many',
			'Void',
		]);
		expect(selector.default).toBe('getAll');
	});

	it('names an operation it does not know', async () => {
		const run = runOperation(routingContext('order', 'gett'), [op('order', 'get')]);
		await expect(run).rejects.toBeInstanceOf(NodeOperationError);
		await expect(run).rejects.toThrow('The operation "gett" of "order" is not supported');
	});
});
