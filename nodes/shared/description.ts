import type { INodeProperties } from 'n8n-workflow';
import { maxRetriesOption, timeoutOption } from './retry';

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

/** The name of the Options collection: an option in it is read as `options.<name>`. */
export const OPTIONS = 'options';

/** Where an option of the Options collection is read from. */
export const optionPath = (option: { name: string }) => `${OPTIONS}.${option.name}`;

/** The Options collection every operation and trigger has: its own options, then Max Retries and Timeout. */
export function optionsCollection(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, maxRetriesOption, timeoutOption],
	};
}

/** Simplify: on by default wherever a response is large. */
export function simplifyProperty(description: string): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description };
}
