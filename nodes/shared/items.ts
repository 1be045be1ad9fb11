import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { concurrencyOption, MAX_CONCURRENCY } from './concurrency';
import { optionsCollection } from './description';
import { integerAtLeast, parameterReader, z } from './validation';
import { takePreview } from './preview';
import { runOf } from './run';

/** What an operation returns for one input item. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[] | undefined;

const EXECUTION_DATA_KEYS = new Set(['json', 'binary', 'pairedItem', 'error']);

function isExecutionData(value: unknown): value is INodeExecutionData {
	if (typeof value !== 'object' || value === null) return false;
	const keys = Object.keys(value);
	return (
		typeof (value as INodeExecutionData).json === 'object' &&
		keys.every((key) => EXECUTION_DATA_KEYS.has(key))
	);
}

/** Wraps results as n8n items paired to the input item they came from. */
export function pairedItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/** The output item an error becomes under continueOnFail. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const described = error as Error & { description?: string | null; httpCode?: string | null };
	if (described.description) json.description = described.description;
	if (described.httpCode) json.httpCode = described.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/** Makes sure the error names the item it happened on, the way n8n shows it. */
export function errorForItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** With Preview Only, the request an item would have sent stands in for its result. */
function previewOutput(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData[] | undefined {
	const preview = takePreview(runOf(ctx), error, [itemIndex]);
	return preview === undefined ? undefined : pairedItems(preview, itemIndex);
}

/**
 * Runs an operation once per input item: results are paired to their item, an error either becomes
 * that item's output (continueOnFail) or stops the node naming the item.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...pairedItems(await run(itemIndex, items[itemIndex]), itemIndex));
		} catch (error) {
			const preview = previewOutput(ctx, error, itemIndex);
			if (preview) {
				output.push(...preview);
				continue;
			}
			if (!ctx.continueOnFail()) throw errorForItem(ctx, error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return output;
}

export interface ConcurrencyOptions<P> {
	/** How many items may run at once (1: one after another). */
	concurrency?: number;
	/** Items whose lanes are equal (e.g. the same order) never run at the same time, and keep their order. */
	lane?: (params: P) => string;
}

/**
 * Like `forEachItem`, but every item is validated before the first request: when item 5 is invalid
 * nothing is sent, not even items 0-4 (a create that stops half-way invites duplicates on the rerun).
 * Under continueOnFail an invalid item becomes its error item and the valid ones still run.
 * With `concurrency` above 1, up to that many items run at once (fewer after a 429, see
 * AdaptiveLimiter); outputs stay in item order, and after a failure no further item is started.
 */
export async function forEachValidatedItem<P>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	validate: (itemIndex: number, item: INodeExecutionData) => P,
	run: (itemIndex: number, params: P) => Promise<ItemResult>,
	{ concurrency = 1, lane }: ConcurrencyOptions<P> = {},
): Promise<INodeExecutionData[]> {
	const checked: Array<{ params: P } | { error: Error }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			checked.push({ params: validate(itemIndex, items[itemIndex]) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw errorForItem(ctx, error, itemIndex);
			checked.push({ error: error as Error });
		}
	}

	const outputs: INodeExecutionData[][] = checked.map((entry, itemIndex) =>
		'error' in entry ? [errorItem(entry.error, itemIndex)] : [],
	);
	const stop: { failure?: { itemIndex: number; error: unknown } } = {};
	// The failure of the lowest item wins, as it would when items run one after another.
	const fail = (itemIndex: number, error: unknown) => {
		if (!stop.failure || itemIndex < stop.failure.itemIndex) stop.failure = { itemIndex, error };
	};
	const runOne = async (itemIndex: number, params: P) => {
		if (stop.failure) return;
		try {
			outputs[itemIndex] = pairedItems(await run(itemIndex, params), itemIndex);
		} catch (error) {
			const preview = previewOutput(ctx, error, itemIndex);
			if (preview) {
				outputs[itemIndex] = preview;
				return;
			}
			if (!ctx.continueOnFail()) {
				fail(itemIndex, error);
				return;
			}
			outputs[itemIndex] = [errorItem(error as Error, itemIndex)];
		}
	};

	if (concurrency <= 1) {
		for (const [itemIndex, entry] of checked.entries()) {
			if ('params' in entry) await runOne(itemIndex, entry.params);
		}
	} else {
		const limiter = runOf(ctx).useLimiter(concurrency);
		const lanes = new Map<string, Promise<void>>();
		const runs = checked.map(async (entry, itemIndex) => {
			if (!('params' in entry)) return;
			const { params } = entry;
			const start = async () =>
				await limiter.run(async () => {
					await runOne(itemIndex, params);
					if (!outputs[itemIndex].some((output) => output.json.error !== undefined))
						limiter.succeeded();
				});
			if (!lane) return await start();
			const key = lane(params);
			const run = (lanes.get(key) ?? Promise.resolve()).then(start);
			lanes.set(key, run);
			return await run;
		});
		await Promise.all(runs);
	}
	if (stop.failure) throw errorForItem(ctx, stop.failure.error, stop.failure.itemIndex);
	return outputs.flat();
}

/** A write that sends one request per item (see forEachWrite). */
export interface ItemWrite<P> {
	/** Reads and validates one item's parameters; every item is read before the first is sent. */
	read: (itemIndex: number) => P;
	/** Items whose lanes are equal (e.g. the same order) are sent one after another, in order. */
	lane: (params: P) => string;
	send: (itemIndex: number, params: P) => Promise<ItemResult>;
}

/**
 * The frame of every write that sends one request per item: all items read and validated first,
 * then sent up to Options › Concurrency at a time, one lane after another.
 */
export async function forEachWrite<P>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	{ read, lane, send }: ItemWrite<P>,
): Promise<INodeExecutionData[]> {
	return await forEachValidatedItem(ctx, items, read, send, {
		concurrency: readConcurrency(ctx),
		lane,
	});
}

const readConcurrencyOption = parameterReader(
	[optionsCollection([concurrencyOption])],
	z
		.object({ concurrency: integerAtLeast('Concurrency', 1) })
		.refine((value) => value.concurrency <= MAX_CONCURRENCY, {
			message: `Concurrency must be at most ${MAX_CONCURRENCY}`,
		}),
);

/** Options › Concurrency, read once from the first item. */
export function readConcurrency(ctx: IExecuteFunctions): number {
	return readConcurrencyOption(ctx, 0).concurrency;
}

/** One output item and the input item it is filed under. */
export interface ItemOutput {
	itemIndex: number;
	data: INodeExecutionData;
}

/**
 * The output of an operation that serves many items per request: results come batch by batch and
 * are put back in input item order at the end.
 */
export class BatchOutput {
	private readonly outputs: ItemOutput[] = [];

	constructor(private readonly ctx: IExecuteFunctions) {}

	add(...outputs: ItemOutput[]): void {
		this.outputs.push(...outputs);
	}

	/** Under continueOnFail an error item for each item the failure concerns; otherwise the error, naming the first. */
	fail(error: unknown, itemIndexes: number[]): void {
		const preview = takePreview(runOf(this.ctx), error, itemIndexes);
		if (preview) {
			for (const itemIndex of itemIndexes)
				this.add({ itemIndex, data: { json: { ...preview }, pairedItem: { item: itemIndex } } });
			return;
		}
		if (!this.ctx.continueOnFail()) throw errorForItem(this.ctx, error, itemIndexes[0]);
		for (const itemIndex of itemIndexes)
			this.add({ itemIndex, data: errorItem(error as Error, itemIndex) });
	}

	/** Everything added, in input item order (one item's outputs keep the order they were added in). */
	inItemOrder(): INodeExecutionData[] {
		return [...this.outputs].sort((a, b) => a.itemIndex - b.itemIndex).map((output) => output.data);
	}
}
