import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { withFastParameters } from '../../nodes/shared/parameters';
import { parameterReader, z } from '../../nodes/shared/validation';

/** A context whose parameters are given raw, and which evaluates `{{ $json.x }}`-style ones itself, counting calls. */
function context(parameters: Record<string, unknown>, items: INodeExecutionData[]) {
	const calls: Array<[string, number]> = [];
	const ctx = {
		getInputData: () => items,
		getNode: () => ({ name: 'Node' }),
		getNodeParameter(
			name: string,
			itemIndex: number,
			fallback?: unknown,
			options?: { rawExpressions?: boolean; extractValue?: boolean },
		) {
			let raw = name in parameters ? parameters[name] : fallback;
			if (options?.rawExpressions) return raw;
			calls.push([name, itemIndex]);
			if (options?.extractValue && (raw as { __rl?: boolean })?.__rl)
				raw = (raw as { value: unknown }).value;
			if (typeof raw === 'string' && raw.startsWith('=')) {
				const field = /\$json(?:\.(\w+)|\["(\w+)"\])/.exec(raw);
				const value = field ? items[itemIndex].json[field[1] ?? field[2]] : raw.slice(1);
				return raw.includes('+ 1') ? Number(value) + 1 : value;
			}
			return raw;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
}

const items: INodeExecutionData[] = [
	{ json: { order_id: 1, sku: 'A' } },
	{ json: { order_id: 2 } },
	{ json: { order_id: 3 } },
];

/** Resource locators as operations declare them: By ID and From List extract nothing, By URL does. */
const locatorProperties = (...names: string[]): INodeProperties[] =>
	names.map((name) => ({
		displayName: name,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			{ displayName: 'By ID', name: 'id', type: 'string' },
			{ displayName: 'From List', name: 'list', type: 'list' },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				extractValue: { type: 'regex', regex: '/orders/(\\d+)' },
			},
		],
	}));

describe('withFastParameters', () => {
	it('reads a value without expressions once, whatever the item', () => {
		const { ctx, calls } = context({ supplierId: 'sup_1' }, items);
		const fast = withFastParameters(ctx);
		expect([0, 1, 2].map((i) => fast.getNodeParameter('supplierId', i))).toEqual([
			'sup_1',
			'sup_1',
			'sup_1',
		]);
		expect(calls).toEqual([['supplierId', 0]]);
	});

	it('reads {{ $json.field }} and {{ $json["field"] }} from the item, evaluating nothing', () => {
		for (const expression of [
			'={{ $json.order_id }}',
			'={{$json["order_id"]}}',
			"={{ $json['order_id'] }}",
		]) {
			const { ctx, calls } = context({ orderIds: expression }, items);
			const fast = withFastParameters(ctx);
			expect([0, 1, 2].map((i) => fast.getNodeParameter('orderIds', i))).toEqual([1, 2, 3]);
			expect(calls).toEqual([]);
		}
	});

	it('leaves a missing field and every other expression to n8n, per item', () => {
		const { ctx, calls } = context(
			{ sku: '={{ $json.sku }}', next: '={{ $json.order_id + 1 }}' },
			items,
		);
		const fast = withFastParameters(ctx);
		expect([0, 1].map((i) => fast.getNodeParameter('sku', i))).toEqual(['A', undefined]);
		expect([0, 1, 2].map((i) => fast.getNodeParameter('next', i))).toEqual([2, 3, 4]);
		expect(calls).toEqual([
			['sku', 1],
			['next', 0],
			['next', 1],
			['next', 2],
		]);
	});

	it('evaluates per item a collection that holds an expression, and passes calls with options through', () => {
		const { ctx, calls } = context({ options: { key: '={{ $json.order_id }}' } }, items);
		const fast = withFastParameters(ctx);
		fast.getNodeParameter('options', 0);
		fast.getNodeParameter('options', 1);
		fast.getNodeParameter('options', 1, undefined, { extractValue: true });
		expect(calls).toEqual([
			['options', 0],
			['options', 1],
			['options', 1],
		]);
	});

	it('reads a locator holding {{ $json.field }} from the item, and a chosen one once', () => {
		const { ctx, calls } = context(
			{
				orderId: { __rl: true, mode: 'id', value: '={{ $json.order_id }}' },
				warehouse: { __rl: true, mode: 'list', value: 'WH-1' },
			},
			items,
		);
		const fast = withFastParameters(ctx, locatorProperties('orderId', 'warehouse'));
		const read = (name: string, i: number) =>
			fast.getNodeParameter(name, i, undefined, { extractValue: true });
		expect([0, 1, 2].map((i) => read('orderId', i))).toEqual([1, 2, 3]);
		expect([0, 1, 2].map((i) => read('warehouse', i))).toEqual(['WH-1', 'WH-1', 'WH-1']);
		expect(calls).toEqual([['warehouse', 0]]);
	});

	it('leaves to n8n a locator in a mode that extracts its value, or one the operation does not declare', () => {
		const url = { __rl: true, mode: 'url', value: '={{ $json.order_id }}' };
		const { ctx, calls } = context({ orderId: url, other: url }, items);
		const fast = withFastParameters(ctx, locatorProperties('orderId'));
		fast.getNodeParameter('orderId', 0, undefined, { extractValue: true });
		fast.getNodeParameter('other', 0, undefined, { extractValue: true });
		expect(calls).toEqual([
			['orderId', 0],
			['other', 0],
		]);
	});

	it('leaves a locator with another expression, or a missing field, to n8n per item', () => {
		const { ctx, calls } = context(
			{ orderId: { __rl: true, mode: 'id', value: '={{ $json.order_id + 1 }}' } },
			items,
		);
		const fast = withFastParameters(ctx, locatorProperties('orderId'));
		expect(fast.getNodeParameter('orderId', 1, undefined, { extractValue: true })).toBe(3);
		const missing = context({ sku: { __rl: true, mode: 'id', value: '={{ $json.sku }}' } }, items);
		const fastMissing = withFastParameters(missing.ctx, locatorProperties('sku'));
		expect(fastMissing.getNodeParameter('sku', 0, undefined, { extractValue: true })).toBe('A');
		expect(fastMissing.getNodeParameter('sku', 1, undefined, { extractValue: true })).toBe(
			undefined,
		);
		expect(calls).toEqual([['orderId', 1]]);
		expect(missing.calls).toEqual([['sku', 1]]);
	});

	it('keeps every other member of the context, called on the context itself', () => {
		const { ctx } = context({}, items);
		const fast = withFastParameters(ctx);
		expect(fast.getInputData()).toBe(items);
		expect(fast.getNode()).toEqual({ name: 'Node' });
	});
});

describe('parameterReader', () => {
	const properties: INodeProperties[] = [
		{ displayName: 'Order ID', name: 'orderId', type: 'resourceLocator', default: '', modes: [] },
		{ displayName: 'Status', name: 'status', type: 'string', default: '' },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [{ displayName: 'Key', name: 'key', type: 'string', default: 'none' }],
		},
	];

	it('reads each schema key where the properties declare it, an unset option as its default', () => {
		const reads: unknown[][] = [];
		const ctx = {
			getNode: () => ({ name: 'Node' }),
			getInputData: () => [],
			getNodeParameter: (...args: unknown[]) => {
				reads.push(args);
				return args[0] === 'options.key' ? args[2] : args[0] === 'orderId' ? 7 : 'Shipped';
			},
		} as unknown as IExecuteFunctions;
		const read = parameterReader(
			properties,
			z.object({ orderId: z.number(), status: z.string(), key: z.string() }),
		);
		expect(read(ctx, 2)).toEqual({ orderId: 7, status: 'Shipped', key: 'none' });
		expect(reads).toEqual([
			['orderId', 2, undefined, { extractValue: true }],
			['status', 2, ''],
			['options.key', 2, 'none'],
		]);
	});

	it('reads a fixed collection of one group as its entries, also inside a collection', () => {
		const group = (name: string, multipleValues: boolean): INodeProperties => ({
			displayName: name,
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues },
			default: {},
			options: [{ displayName: 'Entry', name: 'entry', values: [] }],
		});
		const reads: unknown[][] = [];
		const ctx = {
			getNode: () => ({ name: 'Node' }),
			getInputData: () => [],
			getNodeParameter: (...args: unknown[]) => {
				reads.push(args);
				return args[2];
			},
		} as unknown as IExecuteFunctions;
		const read = parameterReader(
			[
				group('tracks', true),
				{
					displayName: 'Options',
					name: 'options',
					type: 'collection',
					default: {},
					options: [group('address', false)],
				},
			],
			z.object({ tracks: z.array(z.unknown()), address: z.object({}) }),
		);
		expect(read(ctx, 1)).toEqual({ tracks: [], address: {} });
		expect(reads).toEqual([
			['tracks.entry', 1, []],
			['options.address.entry', 1, {}],
		]);
	});

	it('reads from a poll, which has no item index, and names only the field in its message', () => {
		const reads: unknown[][] = [];
		const ctx = {
			getNode: () => ({ name: 'Trigger' }),
			getNodeParameter: (...args: unknown[]) => {
				reads.push(args);
				return args[0] === 'options.key' ? args[1] : args[0] === 'orderId' ? 7 : 'Shipped';
			},
		} as unknown as IPollFunctions;
		const read = parameterReader(
			properties,
			z.object({ orderId: z.number(), status: z.string(), key: z.string() }),
		);
		expect(read(ctx)).toEqual({ orderId: 7, status: 'Shipped', key: 'none' });
		expect(reads).toEqual([
			['orderId', undefined, { extractValue: true }],
			['status', ''],
			['options.key', 'none'],
		]);
		const strict = parameterReader(
			properties,
			z.object({ status: z.string().regex(/^x/, { message: 'Status must start with x' }) }),
		);
		expect(() => strict(ctx)).toThrow(/^Status must start with x$/);
	});

	it('leaves a parameter unread where notRead gives its value, given the ones read before it', () => {
		const reads: unknown[] = [];
		const values: Record<string, unknown> = { status: 'all', key: 'k' };
		const ctx = {
			getNode: () => ({ name: 'Node' }),
			getInputData: () => [],
			getNodeParameter: (name: string) => {
				reads.push(name);
				return values[name === 'options.key' ? 'key' : name];
			},
		} as unknown as IExecuteFunctions;
		const read = parameterReader(properties, z.object({ status: z.string(), key: z.string() }), {
			notRead: { key: (before) => (before.status === 'all' ? 'unused' : undefined) },
		});
		expect(read(ctx, 0)).toEqual({ status: 'all', key: 'unused' });
		expect(reads).toEqual(['status']);
		values.status = 'one';
		expect(read(ctx, 0)).toEqual({ status: 'one', key: 'k' });
		expect(reads).toEqual(['status', 'status', 'options.key']);
	});

	it('refuses a schema key that no property declares, when the operation is defined', () => {
		expect(() => parameterReader(properties, z.object({ orderld: z.number() }))).toThrow(
			'No parameter "orderld" among the properties',
		);
	});
});
