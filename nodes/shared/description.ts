import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { maxRetriesOption, timeoutOption } from './retry';

/** Adds "show only for this resource and operation" to every property. */
export function showFor(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** The operation selector of one resource. */
export function operationSelector(
	resource: string,
	options: Array<INodePropertyOptions & { action: string }>,
): INodeProperties {
	const firstOperation = options[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: firstOperation,
	};
}

/** The Filters collection of a list operation or trigger. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** The Options collection every operation and trigger has: its own options, then Max Retries and Timeout. */
export function optionsCollection(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, maxRetriesOption, timeoutOption],
	};
}

/** Simplify: on by default wherever a response is large (see CONTRIBUTING, "Versions of a node"). */
export function simplifyProperty(description: string): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description };
}
