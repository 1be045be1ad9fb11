import type { IExecuteFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The node version from which an ID parameter is a resource locator; version 1 keeps its text field. */
export const LOCATOR_SINCE = 1.1;

export interface LocatorConfig {
	/** The name of the `methods.listSearch` method behind "From List". */
	searchListMethod: string;
	/** Shown in the By ID field. */
	placeholder: string;
	/** What an ID looks like, checked by the editor in By ID mode. */
	idPattern?: { regex: string; errorMessage: string };
}

/**
 * An ID parameter as a resource locator (From List, By ID) from version 1.1, and as the text field it
 * was in version 1, so that saved workflows keep their parameter and behaviour. By ID starts with
 * the same expression the text field had, so "previous node → this node" chains work unchanged.
 * No vendor publishes the URL of a record, so there is no By URL mode.
 */
export function idLocatorProperties(
	legacy: INodeProperties,
	config: LocatorConfig,
): INodeProperties[] {
	const validation: INodePropertyMode['validation'] = config.idPattern
		? [{ type: 'regex', properties: config.idPattern }]
		: undefined;
	const { type, typeOptions, placeholder, ...common } = legacy;
	void type;
	void typeOptions;
	void placeholder;
	return [
		{ ...legacy, displayOptions: { show: { ...legacy.displayOptions?.show, '@version': [1] } } },
		{
			...common,
			type: 'resourceLocator',
			default: { mode: 'id', value: legacy.default },
			displayOptions: {
				show: { ...legacy.displayOptions?.show, '@version': [{ _cnd: { gte: LOCATOR_SINCE } }] },
			},
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select…',
					typeOptions: { searchListMethod: config.searchListMethod, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: config.placeholder,
					...(validation ? { validation } : {}),
				},
			],
		},
	];
}

/**
 * The ID an item's locator (or version 1 text field) holds. A plain text value, as version 1 and
 * workflows written by hand store it, reads the same as a locator's.
 */
export function readLocator(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
}

/** The page a list search's pagination token names (1 when there is none). */
export function pageFromToken(
	ctx: { getNode: IExecuteFunctions['getNode'] },
	token: string | undefined,
): number {
	if (token === undefined || token === '') return 1;
	const page = Number(token);
	if (!Number.isSafeInteger(page) || page < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The list's page token "${token}" is not a page number`,
		);
	}
	return page;
}

/** Whether a record matches what the user typed in the list's search box (any field, any case). */
export function matchesSearch(filter: string | undefined, fields: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	if (!needle) return true;
	return fields.some(
		(field) =>
			field !== undefined && field !== null && String(field).toLowerCase().includes(needle),
	);
}
