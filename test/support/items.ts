import type { INodeExecutionData } from 'n8n-workflow';
import type { NodeRunResult } from '../harness';

/** The input item an output item is paired with. */
export const pairedIndex = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

/** Each output item as [the input item it is paired with, then the named fields of its JSON]. */
export const pairedRows = (items: INodeExecutionData[], ...fields: string[]) =>
	items.map((item) => [pairedIndex(item), ...fields.map((field) => item.json[field])]);

/** What continueOnFail made of each item: [its input item, `field` of its JSON or else its error]. */
export const outcomes = (items: INodeExecutionData[], field: string) =>
	items.map((item) => [pairedIndex(item), item.json[field] ?? item.json.error]);

/** `secret` appears nowhere in the run's data, nor in any property of its error. */
export function expectNotShown(result: NodeRunResult, secret: string) {
	expect(JSON.stringify(result.run)).not.toContain(secret);
	expect(JSON.stringify(result.error, Object.getOwnPropertyNames(result.error))).not.toContain(
		secret,
	);
}
