import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorForItem, errorItem } from './itemLoop';

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
		if (!this.ctx.continueOnFail()) throw errorForItem(this.ctx, error, itemIndexes[0]);
		for (const itemIndex of itemIndexes) this.add({ itemIndex, data: errorItem(error as Error, itemIndex) });
	}

	/** Everything added, in input item order (one item's outputs keep the order they were added in). */
	inItemOrder(): INodeExecutionData[] {
		return [...this.outputs].sort((a, b) => a.itemIndex - b.itemIndex).map((output) => output.data);
	}
}
