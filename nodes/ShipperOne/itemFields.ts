import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { parameterReader, z } from '../shared/validation';

/** The order's items, read from the input order by default: how "trigger → accept/ship" chains work. */
export function orderItemsProperty(show: IDisplayOptions['show'], what: string): INodeProperties {
	return {
		displayName: 'Order Items',
		name: 'orderItems',
		type: 'json',
		default: '={{ $json.items }}',
		displayOptions: { show },
		description: `The order's items, by default those of the input order (as Get Many and the trigger output it). Each needs an item ID (item_id, or the plain ID field the ERP guide shows)${what}. When empty (e.g. an AI tool call with only an order ID), the items are read from the order's ShipperOne queue.`,
	};
}

/** Items the user lists one by one (fields) or as a JSON array. */
export function listedItemsProperties(
	show: IDisplayOptions['show'],
	qty: { min: number; description: string },
): INodeProperties[] {
	return [
		{
			displayName: 'Define Items',
			name: 'itemsInput',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{
					name: 'Using JSON',
					value: 'json',
					description: 'An array of {"item_id": …, "qty": …}, e.g. built in a previous node',
				},
			],
			default: 'fields',
			displayOptions: { show },
		},
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Item',
			default: {},
			displayOptions: { show: { ...show, itemsInput: ['fields'] } },
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Item ID',
							name: 'item_id',
							type: 'string',
							default: '',
							placeholder: '55501',
							description: 'The line item ID (item_id) on the fulfillment order',
						},
						{
							displayName: 'Quantity',
							name: 'qty',
							type: 'number',
							typeOptions: { minValue: qty.min, numberPrecision: 0 },
							default: 1,
							description: qty.description,
						},
					],
				},
			],
		},
		{
			displayName: 'Items (JSON)',
			name: 'itemsJson',
			type: 'json',
			default: '[\n  { "item_id": 55501, "qty": 1 }\n]',
			displayOptions: { show: { ...show, itemsInput: ['json'] } },
			description:
				'Each entry needs an item ID (item_id, or a plain ID field) and a qty (or quantity). Item IDs must not repeat.',
		},
	];
}

/** Reads Order Items as given, for the line validators (which also decide when it counts as empty). */
export function orderItemsReader(
	properties: INodeProperties[],
): (ctx: IExecuteFunctions, itemIndex: number) => unknown {
	const read = parameterReader(properties, z.object({ orderItems: z.unknown() }));
	return (ctx, itemIndex) => read(ctx, itemIndex).orderItems;
}

/** Reads the listed items as given (the fields' list or the JSON), for the line validators. */
export function listedItemsReader(
	properties: INodeProperties[],
): (ctx: IExecuteFunctions, itemIndex: number) => unknown {
	const readInput = parameterReader(properties, z.object({ itemsInput: z.unknown() }));
	const readJson = parameterReader(properties, z.object({ itemsJson: z.unknown() }));
	const readFields = parameterReader(properties, z.object({ items: z.unknown() }));
	return (ctx, itemIndex) =>
		readInput(ctx, itemIndex).itemsInput === 'json'
			? readJson(ctx, itemIndex).itemsJson
			: readFields(ctx, itemIndex).items;
}
