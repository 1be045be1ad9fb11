import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What an operation returns for one input item. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[] | undefined;

const EXECUTION_DATA_KEYS = new Set(['json', 'binary', 'pairedItem', 'error']);

function isExecutionData(value: unknown): value is INodeExecutionData {
	if (typeof value !== 'object' || value === null) return false;
	const keys = Object.keys(value);
	return (
		typeof (value as INodeExecutionData).json === 'object' && keys.every((key) => EXECUTION_DATA_KEYS.has(key))
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
			if (!ctx.continueOnFail()) throw errorForItem(ctx, error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return output;
}
