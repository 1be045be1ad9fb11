import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { bracketQuery } from '../shared/bracketQuery';
import { filtersCollection, optionsCollection } from '../shared/description';
import { LOCATOR_SINCE } from '../shared/locator';
import {
	booleanFlag,
	isJsonObject,
	oneOf,
	optionalString,
	parameterReader,
	requiredString,
	z,
} from '../shared/validation';

/** `filter[fulfillment_type]`; the trigger offers it too. */
export const fulfillmentTypeFilter: INodeProperties = {
	displayName: 'Fulfillment Type',
	name: 'fulfillmentType',
	type: 'string',
	default: '',
	placeholder: 'shipstation',
	description:
		'Only fulfillments of this type, e.g. manual, shipstation, shipfusion, shiphero or fba',
};

const includeArchivedFilter: INodeProperties = {
	displayName: 'Include Archived',
	name: 'includeArchived',
	type: 'boolean',
	default: false,
	description: 'Whether to include archived fulfillments (SKU.io leaves them out unless asked)',
};

/** Status, fulfillment type and archived: the list's documented `filter[...]` parameters (version 1: text). */
export const filtersProperty: INodeProperties = filtersCollection([
	fulfillmentTypeFilter,
	includeArchivedFilter,
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		default: '',
		placeholder: 'submitted',
		description: 'Only fulfillments with this status, e.g. unsubmitted, submitted or fulfilled',
	},
]);

/**
 * The statuses and fulfillment types SKU.io's pages name: the list's filter examples, the void page
 * (canceled) and the providers of the provider actions. Neither list is published as closed, so an
 * expression may still send another value.
 */
export const STATUS_OPTIONS = [
	{ name: 'Canceled', value: 'canceled', description: 'Voided shipments' },
	{ name: 'Fulfilled', value: 'fulfilled' },
	{ name: 'Submitted', value: 'submitted', description: 'Sent to the shipping provider' },
	{
		name: 'Unsubmitted',
		value: 'unsubmitted',
		description: 'Not yet sent to the shipping provider',
	},
];

export const FULFILLMENT_TYPE_OPTIONS = [
	{ name: 'Amazon MCF (FBA)', value: 'fba' },
	{ name: 'Manual', value: 'manual' },
	{ name: 'ShipHero', value: 'shiphero' },
	{ name: 'Shipfusion', value: 'shipfusion' },
	{ name: 'ShipStation', value: 'shipstation' },
	{ name: 'Starshipit', value: 'starshipit' },
	{ name: 'Trackstar', value: 'trackstar' },
	{ name: 'Veracore', value: 'veracore' },
];

/** Version 1.1: the same filters, Status and Fulfillment Type as dropdowns. */
const filtersDropdowns: INodeProperties = filtersCollection([
	{
		...fulfillmentTypeFilter,
		type: 'options',
		options: FULFILLMENT_TYPE_OPTIONS,
		default: 'shipstation',
		placeholder: undefined,
		description:
			'Only fulfillments of this type (shipping provider). For a value not listed, use an expression.',
	},
	includeArchivedFilter,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUS_OPTIONS,
		default: 'submitted',
		description: 'Only fulfillments with this status. For a value not listed, use an expression.',
	},
]);

/** The Filters collection for each node version, shown where `show` says. */
export function filtersProperties(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{ ...filtersProperty, displayOptions: { show: { ...show, '@version': [1] } } },
		{
			...filtersDropdowns,
			displayOptions: { show: { ...show, '@version': [{ _cnd: { gte: LOCATOR_SINCE } }] } },
		},
	];
}

/** The documented `filter_groups[...]` tree, one group of conditions. */
export const filterGroupsProperty: INodeProperties = {
	displayName: 'Filter Groups',
	name: 'filterGroups',
	type: 'fixedCollection',
	placeholder: 'Add Filter Group',
	default: {},
	description: 'Advanced filtering: conditions on any column, all or any of which must match',
	options: [
		{
			name: 'group',
			displayName: 'Filter Group',
			values: [
				{
					displayName: 'Match',
					name: 'conjunction',
					type: 'options',
					options: [
						{ name: 'All Conditions (And)', value: 'and' },
						{ name: 'Any Condition (Or)', value: 'or' },
					],
					default: 'and',
					description: 'Whether every condition must match or any one is enough',
				},
				{
					displayName: 'Conditions',
					name: 'conditions',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Condition',
					default: {},
					options: [
						{
							name: 'condition',
							displayName: 'Condition',
							values: [
								{
									displayName: 'Column',
									name: 'column',
									type: 'string',
									default: '',
									placeholder: 'tracking_number',
									description:
										'The column key as SKU.io names it, e.g. tracking_number, status, fulfillment_type or sku',
								},
								{
									displayName: 'Operator',
									name: 'operator',
									type: 'string',
									default: 'contains',
									description:
										'The operator as SKU.io names it. The API document shows contains; other names are sent exactly as typed.',
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
									description: 'The value to compare with',
								},
							],
						},
					],
				},
			],
		},
	],
};

const SORT_FIELDS = [
	['Cost', 'cost'],
	['Created At', 'created_at'],
	['Fulfilled At', 'fulfilled_at'],
	['Fulfillment Type', 'fulfillment_type'],
	['ID', 'id'],
	['Packing Slip Printed At', 'packing_slip_printed_at'],
	['Status', 'status'],
	['Tracking Number', 'tracking_number'],
	['Updated At', 'updated_at'],
] as const;

/** Sort By + Sort Direction, for an Options collection. */
export const sortOptions: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: SORT_FIELDS.map(([name, value]) => ({ name, value })),
		default: 'id',
		description:
			'The field to order fulfillments by (SKU.io orders by ID, newest first, when not set)',
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'desc',
	},
];

const conditionSchema = z.object({
	column: requiredString('Filter Groups › Column'),
	operator: requiredString('Filter Groups › Operator'),
	value: z
		.unknown()
		.transform((value) => (value === undefined || value === null ? '' : String(value))),
});

/** One of `values`, or undefined when empty. */
function optionalChoice(label: string, values: readonly string[]) {
	return optionalString().superRefine((value, ctx) => {
		if (value !== undefined && !values.includes(value))
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${label} must be one of ${values.join(', ')} (got "${value}")`,
			});
	});
}

/**
 * Where readFilters reads from. Filters is read whole, so a filter the user did not add is not set
 * (the 1.1 dropdowns' defaults are only what the editor puts in when one is added). Sort By and Sort
 * Direction, when not added, read as '' (not set), not as their editor defaults: SKU.io's own order
 * applies unless the user chose one.
 */
const filterProperties: INodeProperties[] = [
	filtersProperty,
	filterGroupsProperty,
	optionsCollection(sortOptions.map((option) => ({ ...option, default: '' }))),
];

const readFilterParameters = parameterReader(
	filterProperties,
	z
		.object({
			filters: z.object({
				status: optionalString(),
				fulfillmentType: optionalString(),
				includeArchived: z.preprocess((value) => value ?? false, booleanFlag('Include Archived')),
			}),
			filterGroups: z.preprocess(
				(value) => {
					const group = isJsonObject(value) ? value : {};
					return {
						conjunction: group.conjunction ?? 'and',
						conditions: (group.conditions as IDataObject | undefined)?.condition ?? [],
					};
				},
				z.object({
					conjunction: oneOf('Filter Groups › Match', ['and', 'or'] as const),
					conditions: z.array(conditionSchema, {
						invalid_type_error: 'Filter Groups › Conditions must be a list',
					}),
				}),
			),
			sortBy: optionalChoice(
				'Sort By',
				SORT_FIELDS.map(([, value]) => value),
			),
			sortDirection: optionalChoice('Sort Direction', ['asc', 'desc']),
		})
		.transform(({ filters, filterGroups, ...sort }) => ({ ...filters, ...filterGroups, ...sort })),
);

export type FulfillmentFilters = ReturnType<typeof readFilterParameters>;

/** Reads and checks Filters, Filter Groups and (when the operation has them) the sort options. */
export function readFilters(ctx: IExecuteFunctions, itemIndex: number): FulfillmentFilters {
	return readFilterParameters(ctx, itemIndex);
}

/** Whether any filter narrows the set (Bulk Void refuses to void everything by accident). */
export function hasFilter(filters: FulfillmentFilters): boolean {
	return Boolean(filters.status || filters.fulfillmentType || filters.conditions.length);
}

function filterGroupsTree(filters: FulfillmentFilters): IDataObject | undefined {
	if (filters.conditions.length === 0) return undefined;
	return {
		conjunction: filters.conjunction,
		children: filters.conditions.map((condition) => ({ type: 'condition', condition })),
	};
}

/** The set values of `filter[status]`, `filter[fulfillment_type]` and `filter[archived]`. */
function filterValues(filters: FulfillmentFilters): IDataObject {
	const values: IDataObject = {};
	if (filters.status) values.status = filters.status;
	if (filters.fulfillmentType) values.fulfillment_type = filters.fulfillmentType;
	if (filters.includeArchived) values.archived = 1;
	return values;
}

/** `filter[status]`, `filter[fulfillment_type]`, `filter[archived]`, `filter_groups[...]` and `sort` as flat query keys. */
export function filterQuery(filters: FulfillmentFilters) {
	return bracketQuery({
		filter: filterValues(filters),
		filter_groups: filterGroupsTree(filters),
		sort: sortValue(filters),
	});
}

/** `-id` style; the direction alone sorts by ID; nothing set leaves SKU.io's default (`-id`). */
function sortValue(filters: FulfillmentFilters): string | undefined {
	if (!filters.sortBy && !filters.sortDirection) return undefined;
	return `${filters.sortDirection === 'asc' ? '' : '-'}${filters.sortBy ?? 'id'}`;
}

/**
 * The `filters` object of Bulk Void's apply-to-all body. SKU.io does not publish its shape; we send the
 * list's filter names with the filter_groups tree beside them (see the README).
 */
export function filterBody(filters: FulfillmentFilters): IDataObject {
	const groups = filterGroupsTree(filters);
	return { ...filterValues(filters), ...(groups ? { filter_groups: groups } : {}) };
}
