import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorForItem, errorItem, pairedItems, type ItemResult } from './itemLoop';

/**
 * Like `forEachItem`, but every item is validated before the first request: when item 5 is invalid
 * nothing is sent, not even items 0-4 (a create that stops half-way invites duplicates on the rerun).
 * Under continueOnFail an invalid item becomes its error item and the valid ones still run.
 */
export async function forEachValidatedItem<P>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	validate: (itemIndex: number, item: INodeExecutionData) => P,
	run: (itemIndex: number, params: P) => Promise<ItemResult>,
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

	const output: INodeExecutionData[] = [];
	for (const [itemIndex, entry] of checked.entries()) {
		if ('error' in entry) {
			output.push(errorItem(entry.error, itemIndex));
			continue;
		}
		try {
			output.push(...pairedItems(await run(itemIndex, entry.params), itemIndex));
		} catch (error) {
			if (!ctx.continueOnFail()) throw errorForItem(ctx, error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return output;
}
