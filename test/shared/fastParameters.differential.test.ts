import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';
import { createHarness } from '../harness';
import { packCredentialTypes, packNodeTypes, packOperations } from '../support/pack';
import { operationProperties, type Operation } from '../../nodes/shared/operations';
import { withFastParameters } from '../../nodes/shared/parameters';

// The parameter fast path (withFastParameters) against n8n-core's own evaluator: every parameter of
// every operation, set to each expression of a corpus, read for each item of a corpus of items, once
// through n8n-core's real getNodeParameter and once through the fast path. Both must give the same
// value (and a fresh object per read where n8n gives one) or the same error.

const EXPRESSIONS = [
	'plain text',
	'={{ $json.id }}',
	'={{$json["id"]}}',
	"={{ $json['id'] }}",
	'={{ $json.id }}_x',
	'=x_{{ $json.id }}',
	'= {{ $json.id }}',
	'={{ $json.id }} ',
	'={{ $json.nested.id }}',
	'={{ $json["nested"]["id"] }}',
	'={{ $json["a.b"] }}',
	'={{ $json.n }}',
	'={{ $json.n + 1 }}',
	'={{ $json.zero }}',
	'={{ $json.flag }}',
	'={{ $json.empty }}',
	'={{ $json.nothing }}',
	'={{ $json.obj }}',
	'={{ $json.list }}',
	'={{ $json.deep }}',
	'={{ $json.missing }}',
	'={{ $json.missing.deeper }}',
	'={{ $json.constructor }}',
	'={{ $json["constructor"] }}',
	'={{ $json.__proto__ }}',
	'={{ $json.valueOf }}',
	'={{ $json.hasOwnProperty }}',
	'={{ $json.toString }}',
	'={{ $json.prototype }}',
	'={{ 1.5 }}',
];

const ITEMS: IDataObject[] = [
	{
		id: 1001,
		n: 2,
		zero: 0,
		flag: false,
		empty: '',
		nothing: null,
		nested: { id: 'n1' },
		'a.b': 'dotted',
		obj: { a: 1, b: [1, 2] },
		list: [1, 'two'],
		deep: { a: null, b: [{ c: 'x', d: [true, 1.5, null, -2] }], e: '', f: { g: {} } },
	},
	{
		id: 'sup_2',
		n: 2.5,
		constructor: 'own',
		valueOf: 'own',
		hasOwnProperty: 'own',
		prototype: 'p',
	},
	{},
	{ id: 1.5, n: -3, flag: true, nested: {}, obj: {}, list: [] },
];

type Read = { value: unknown; fresh?: boolean } | { error: string };

function read(get: () => unknown): Read {
	try {
		const first = get();
		const value = JSON.parse(JSON.stringify({ v: first })) as { v?: unknown };
		if (typeof first === 'object' && first !== null)
			return { value: value.v, fresh: get() !== first };
		return { value: first === undefined ? '(undefined)' : value.v };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** The parameter names a setting of an operation's properties is read under. */
function settings(properties: INodeProperties[], expression: string) {
	const parameters: INodeParameters = {};
	const names: string[] = [];
	for (const property of properties) {
		if (property.type === 'notice' || property.name in parameters) continue;
		if (property.type === 'collection') {
			const collection: INodeParameters = {};
			for (const option of (property.options ?? []) as INodeProperties[]) {
				if (!('type' in option)) continue;
				collection[option.name] = expression;
				names.push(`${property.name}.${option.name}`);
			}
			parameters[property.name] = collection;
			names.push(property.name);
		} else if (property.type === 'resourceLocator') {
			parameters[property.name] = { __rl: true, mode: 'id', value: expression };
			names.push(property.name);
		} else if (property.type !== 'fixedCollection') {
			parameters[property.name] = expression;
			names.push(property.name);
		}
	}
	return { parameters, names };
}

/** The names the next probe run reads (n8n keeps no parameter its node type does not declare). */
let probeNames: string[] = [];

/** Reads every name for every item through n8n and through the fast path. */
function probeExecute(propertiesOf: (ctx: IExecuteFunctions) => INodeProperties[]) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const names = probeNames;
		// Counts what the fast path leaves to n8n's evaluator.
		const evaluated: Record<string, number> = {};
		const counting = new Proxy(this, {
			get: (target, property) =>
				property === 'getNodeParameter'
					? (name: string, itemIndex: number, fallback?: unknown, options?: object) => {
							if (options === undefined) evaluated[name] = (evaluated[name] ?? 0) + 1;
							return target.getNodeParameter(name, itemIndex, fallback, options as never);
						}
					: (Reflect.get(target, property, target) as unknown),
		});
		const fast = withFastParameters(counting, propertiesOf(this));
		const out: IDataObject[] = [];
		for (const name of names) {
			for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
				out.push({
					name,
					itemIndex,
					n8n: read(() => this.getNodeParameter(name, itemIndex)) as IDataObject,
					fast: read(() => fast.getNodeParameter(name, itemIndex)) as IDataObject,
				});
				// As operations read a resource locator's value (By ID: nothing to extract).
				const extract = { extractValue: true } as const;
				out.push({
					name: `${name} (extractValue)`,
					itemIndex,
					n8n: read(() =>
						this.getNodeParameter(name, itemIndex, undefined, extract),
					) as IDataObject,
					fast: read(() =>
						fast.getNodeParameter(name, itemIndex, undefined, extract),
					) as IDataObject,
				});
			}
			for (const fallback of ['x', 0, { a: 1 }]) {
				const absent = `${name}__absent`;
				out.push({
					name: absent,
					itemIndex: 0,
					n8n: read(() => this.getNodeParameter(absent, 0, fallback)) as IDataObject,
					fast: read(() => fast.getNodeParameter(absent, 0, fallback)) as IDataObject,
				});
			}
		}
		return [[{ json: { reads: out, evaluated } }]];
	};
}

const nodes = packOperations();

function operationOf(ctx: IExecuteFunctions, operations: readonly Operation[]): Operation {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const value = ctx.getNodeParameter('operation', 0) as string;
	return operations.find((op) => op.resource === resource && op.value === value)!;
}

/** Each action node of the pack with its description as it is, and a probe in place of its execute. */
const probes: INodeType[] = packNodeTypes()
	.filter((type) => nodes.some(([name]) => name === type.description.name))
	.map((type) => {
		const [, operations] = nodes.find(([name]) => name === type.description.name)!;
		return {
			description: { ...type.description, name: `${type.description.name}Probe` },
			execute: probeExecute((ctx) => operationProperties(operationOf(ctx, operations))),
		} as INodeType;
	});

/** A plain text parameter, and two that n8n validates after evaluating them (left to n8n). */
const VALIDATED: INodeProperties[] = [
	{ displayName: 'Text', name: 'text', type: 'string', default: '' },
	{ displayName: 'Count', name: 'count', type: 'number', validateType: 'number', default: 0 },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		options: [
			{ displayName: 'Limit', name: 'limit', type: 'number', validateType: 'number', default: 1 },
		],
	},
];
const validatedProbe: INodeType = {
	description: {
		displayName: 'Validated Probe',
		name: 'validatedProbe',
		group: ['transform'],
		version: 1,
		description: 'Probe',
		defaults: { name: 'Validated Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: VALIDATED,
	} as INodeType['description'],
	execute: probeExecute(() => VALIDATED),
};

/** An ID that is a text field in version 1 and a resource locator from 1.1, as the pack declares them. */
const REF: INodeProperties[] = [
	{
		displayName: 'Ref',
		name: 'ref',
		type: 'string',
		default: '',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Ref',
		name: 'ref',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		modes: [{ displayName: 'By ID', name: 'id', type: 'string' }],
	},
];
const refProbe: INodeType = {
	description: {
		...validatedProbe.description,
		displayName: 'Ref Probe',
		name: 'refProbe',
		version: [1, 1.1],
		defaults: { name: 'Ref Probe' },
		properties: REF,
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let evaluated = 0;
		const counting = new Proxy(this, {
			get: (target, property) =>
				property === 'getNodeParameter'
					? (name: string, itemIndex: number, fallback?: unknown, options?: object) => {
							if (!(options as { rawExpressions?: boolean } | undefined)?.rawExpressions)
								evaluated++;
							return target.getNodeParameter(name, itemIndex, fallback, options as never);
						}
					: (Reflect.get(target, property, target) as unknown),
		});
		const fast = withFastParameters(counting, REF);
		const extract = { extractValue: true } as const;
		const reads = this.getInputData().map((_item, itemIndex) => ({
			n8n: read(() => this.getNodeParameter('ref', itemIndex, undefined, extract)) as IDataObject,
			fast: read(() => fast.getNodeParameter('ref', itemIndex, undefined, extract)) as IDataObject,
		}));
		return [[{ json: { reads, evaluated } }]];
	},
};

const harness = createHarness({
	nodeTypes: [...probes, validatedProbe, refProbe],
	credentialTypes: packCredentialTypes(),
});

async function compare(
	nodeType: string,
	base: INodeParameters,
	properties: INodeProperties[],
	expressions = EXPRESSIONS,
) {
	const differences: IDataObject[] = [];
	let reads = 0;
	for (const expression of expressions) {
		const { parameters, names } = settings(properties, expression);
		probeNames = names;
		const result = await harness.runNode({
			nodeType,
			parameters: { ...parameters, ...base },
			input: ITEMS,
		});
		expect(result.error?.message).toBeUndefined();
		for (const entry of result.items[0].json.reads as IDataObject[]) {
			reads++;
			if (JSON.stringify(entry.n8n) !== JSON.stringify(entry.fast))
				differences.push({ expression, ...entry });
		}
	}
	return { differences, reads };
}

describe('the parameter fast path gives n8n-core’s own answer', () => {
	const cases = nodes.flatMap(([nodeType, operations]) =>
		operations.map((op) => [`${nodeType} ${op.resource}/${op.value}`, nodeType, op] as const),
	);

	it.each(cases)(
		'%s: every parameter, every expression, every item',
		async (_name, nodeType, op) => {
			const { differences, reads } = await compare(
				`${nodeType}Probe`,
				{ resource: op.resource, operation: op.value },
				operationProperties(op),
			);
			expect(differences).toEqual([]);
			expect(reads).toBeGreaterThan(EXPRESSIONS.length * ITEMS.length);
		},
		// Hundreds of real expression evaluations: a limit no loaded machine reaches, not a speed check.
		600_000,
	);

	it('leaves parameters n8n validates (validateType) to n8n, with n8n’s error', async () => {
		// A number parameter set to plain text is a workflow issue n8n stops on before running.
		const expressions = EXPRESSIONS.filter((expression) => expression.startsWith('='));
		const { differences } = await compare('validatedProbe', {}, VALIDATED, expressions);
		expect(differences).toEqual([]);
		probeNames = ['count'];
		const run = await harness.runNode({
			nodeType: 'validatedProbe',
			parameters: { count: '={{ $json.id }}' },
			input: ITEMS,
		});
		const reads = run.items[0].json.reads as Array<{ itemIndex: number; fast: Read }>;
		// "sup_2" is not a number: n8n's validation error, naming item 1, from both.
		expect(reads.find((entry) => entry.itemIndex === 1)?.fast).toEqual({
			error: "Invalid input for 'Count' [item 1]",
		});
	});

	it('gives each read of a constant object its own copy, as n8n does', async () => {
		probeNames = ['options'];
		const run = await harness.runNode({
			nodeType: 'validatedProbe',
			parameters: { options: { limit: 3 } },
			input: [{}],
		});
		const [entry] = run.items[0].json.reads as Array<{ n8n: Read; fast: Read }>;
		expect(entry.n8n).toEqual({ value: { limit: 3 }, fresh: true });
		expect(entry.fast).toEqual(entry.n8n);
	});

	it('reads `{{ $json.id }}` in a locator from the item, beside version 1’s text field of that name', async () => {
		const run = await harness.runNode({
			nodeType: 'refProbe',
			typeVersion: 1.1,
			parameters: { ref: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			input: ITEMS,
		});
		const reads = run.items[0].json.reads as Array<{ n8n: Read; fast: Read }>;
		expect(reads.map((entry) => entry.fast)).toEqual(reads.map((entry) => entry.n8n));
		expect(reads[0].fast).toEqual({ value: 1001 });
		// Item 2 has no `id`: n8n answers for it alone (n8n's own reads of the test are not counted).
		expect(run.items[0].json.evaluated).toBe(1);
	});

	it.each([
		// Items 0, 1 and 3 have a plain own `id`; item 2 has none, so n8n answers for it.
		['={{ $json.id }}', 1],
		// Not plainly a field of the item: n8n answers for every item.
		['={{ $json.id }}_x', 4],
		['={{ $json.nested.id }}', 4],
		['={{ $json.constructor }}', 4],
		['={{ $json.valueOf }}', 4],
		// A JSON object or list is the item's own, as n8n gives it (items 0 and 3 have them).
		['={{ $json.obj }}', 2],
		['={{ $json.list }}', 2],
		['={{ $json.deep }}', 3],
		// null is n8n's to convert.
		['={{ $json.nothing }}', 4],
		// Read once, whatever the item.
		['constant', 1],
	])(
		'%s: n8n evaluates it for %i of 4 items, the fast path answers the rest',
		async (text, count) => {
			probeNames = ['text'];
			const run = await harness.runNode({
				nodeType: 'validatedProbe',
				parameters: { text },
				input: ITEMS,
			});
			expect((run.items[0].json.evaluated as IDataObject).text).toBe(count);
		},
	);
});
