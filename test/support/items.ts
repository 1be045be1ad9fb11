import type { INodeExecutionData } from 'n8n-workflow';

/** The input item an output item is paired with. */
export const pairedIndex = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

/** Each output item as [the input item it is paired with, then the named fields of its JSON]. */
export const pairedRows = (items: INodeExecutionData[], ...fields: string[]) =>
	items.map((item) => [pairedIndex(item), ...fields.map((field) => item.json[field])]);

/** What continueOnFail made of each item: [its input item, `field` of its JSON or else its error]. */
export const outcomes = (items: INodeExecutionData[], field: string) =>
	items.map((item) => [pairedIndex(item), item.json[field] ?? item.json.error]);
