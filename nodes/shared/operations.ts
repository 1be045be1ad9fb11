import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { withFastParameters } from './parameters';
import { withPreviewOption } from './preview';
import { createRunContext, withRun } from './run';
import { toolDescriptionProperty } from './toolDescription';

/**
 * One operation of an action node, declared once: where it sits in the UI (resource, value, name,
 * action label), its own parameters and what it does with all input items. The node's resource and
 * operation selectors, its properties and its router are all derived from the list of these.
 */
export interface Operation {
	resource: string;
	/** What workflows store as `operation`: never changes once published. */
	value: string;
	/** Shown in the operation selector, e.g. "Get Many". */
	name: string;
	/** Shown in the nodes panel and to AI agents, e.g. "Get many fulfillments". */
	action: string;
	description: string;
	/**
	 * Whether it changes state at the vendor: such an operation gets Options › Preview Only, and its
	 * tool description says it is a write.
	 */
	write?: boolean;
	/**
	 * What an AI agent is told when the node is a tool: what it does, the id formats, what it changes
	 * and whether repeating it is safe. The tool node's Tool Description defaults to it.
	 */
	toolDescription?: string;
	/** The operation's own parameters; they are shown only while it is selected. */
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export function defineOperation(operation: Operation): Operation {
	return operation;
}

/** The node's resource and operation selectors: what workflows store as `resource` and `operation`. */
const RESOURCE = 'resource';
const OPERATION = 'operation';

/** A resource of an action node, and the operation it opens on (the first by name otherwise). */
export interface Resource {
	name: string;
	value: string;
	description?: string;
	defaultOperation?: string;
}

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
			show: { ...property.displayOptions?.show, [RESOURCE]: [resource], [OPERATION]: [operation] },
		},
	}));
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * The node's properties: the resource selector, one operation selector per resource (options sorted
 * by name, as n8n's lint wants them) and every operation's own parameters.
 */
export function nodeProperties(
	resources: Resource[],
	operations: Operation[],
	defaultResource = resources[0].value,
): INodeProperties[] {
	const known = new Set(resources.map((resource) => resource.value));
	const seen = new Set<string>();
	for (const operation of operations) {
		const key = `${operation.resource}/${operation.value}`;
		if (!known.has(operation.resource)) throw new Error(`${key}: unknown resource`);
		if (seen.has(key)) throw new Error(`${key}: declared twice`);
		seen.add(key);
	}

	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: RESOURCE,
		type: 'options',
		noDataExpression: true,
		options: [...resources].sort(byName).map(({ name, value, description }) => ({
			name,
			value,
			...(description ? { description } : {}),
		})),
		default: defaultResource,
	};

	const operationSelectors = resources.map((resource): INodeProperties => {
		const options: Array<INodePropertyOptions & { action: string }> = operations
			.filter((operation) => operation.resource === resource.value)
			.sort(byName)
			.map(({ name, value, description, action }) => ({ name, value, description, action }));
		if (options.length === 0) throw new Error(`${resource.value}: no operations`);
		const defaultOperation = resource.defaultOperation ?? options[0].value;
		if (!options.some((option) => option.value === defaultOperation)) {
			throw new Error(`${resource.value}: default operation ${defaultOperation} is not declared`);
		}
		return {
			displayName: 'Operation',
			name: OPERATION,
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { [RESOURCE]: [resource.value] } },
			options,
			default: defaultOperation,
		};
	});

	return [
		resourceSelector,
		...operationSelectors,
		...operations.flatMap((operation) =>
			showFor(operation.resource, operation.value, operationProperties(operation)),
		),
	];
}

/** Every parameter an operation shows: its own, Options › Preview Only on a write, the tool description. */
export function operationProperties(operation: Operation): INodeProperties[] {
	return [
		...(operation.write ? withPreviewOption(operation.properties) : operation.properties),
		toolDescriptionProperty(operation),
	];
}

/** Runs the operation the node's resource and operation select, on all input items. */
export async function runOperation(
	ctx: IExecuteFunctions,
	operations: Operation[],
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter(RESOURCE, 0) as string;
	const value = ctx.getNodeParameter(OPERATION, 0) as string;
	const operation = operations.find((op) => op.resource === resource && op.value === value);
	if (!operation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${value}" of "${resource}" is not supported`,
		);
	}
	const fast = withFastParameters(ctx, operationProperties(operation));
	// One run context for this node run: the operation's name, its options, limiter and previews.
	const run = withRun(fast, createRunContext(fast, operation.name));
	return [await operation.execute.call(run, ctx.getInputData())];
}
