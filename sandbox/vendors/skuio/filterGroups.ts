import type { NestedValue, RawQuery } from '../../core/query';
import type { Fulfillment } from './model';
import { unprocessable } from './errors';

/**
 * SKU.io's GroupedFilterSupport tree: `filter_groups[conjunction]=and|or`,
 * `filter_groups[children][N][type]=condition|group`, `…[condition][column|operator|value]`.
 * Only `contains` is shown in the vendor's document; the other operators are the sandbox's choice.
 */
export interface FilterGroup {
	conjunction: 'and' | 'or';
	children: Array<{ type: 'condition'; condition: Condition } | ({ type: 'group' } & FilterGroup)>;
}

interface Condition {
	column: string;
	operator: string;
	value: string;
}

const COLUMNS: Record<string, (f: Fulfillment) => unknown> = {
	id: (f) => f.id,
	fulfillment_number: (f) => f.fulfillment_number,
	status: (f) => f.status,
	fulfillment_type: (f) => f.fulfillment_type,
	tracking_number: (f) => f.tracking_number,
	cost: (f) => f.cost,
	sales_order_number: (f) => f.sales_order_number,
	customer_name: (f) => f.customer_name,
	warehouse_name: (f) => f.warehouse_name,
	sku: (f) => f.lines.map((line) => line.sku),
	product_name: (f) => f.lines.map((line) => line.product_name),
	fulfilled_at: (f) => f.fulfilled_at,
	created_at: (f) => f.created_at,
	updated_at: (f) => f.updated_at,
};

type Test = (actual: string, expected: string) => boolean;

const compare = (actual: string, expected: string) => {
	const [a, b] = [Number(actual), Number(expected)];
	return actual !== '' && expected !== '' && Number.isFinite(a) && Number.isFinite(b)
		? a - b
		: actual.localeCompare(expected);
};

const OPERATORS: Record<string, { test: Test; negated?: boolean }> = {
	contains: { test: (a, e) => a.toLowerCase().includes(e.toLowerCase()) },
	does_not_contain: { test: (a, e) => a.toLowerCase().includes(e.toLowerCase()), negated: true },
	equals: { test: (a, e) => a.toLowerCase() === e.toLowerCase() },
	not_equals: { test: (a, e) => a.toLowerCase() === e.toLowerCase(), negated: true },
	starts_with: { test: (a, e) => a.toLowerCase().startsWith(e.toLowerCase()) },
	ends_with: { test: (a, e) => a.toLowerCase().endsWith(e.toLowerCase()) },
	is_empty: { test: (a) => a === '' },
	is_not_empty: { test: (a) => a === '', negated: true },
	greater_than: { test: (a, e) => a !== '' && compare(a, e) > 0 },
	less_than: { test: (a, e) => a !== '' && compare(a, e) < 0 },
};
const ALIASES: Record<string, string> = {
	'=': 'equals',
	'!=': 'not_equals',
	'>': 'greater_than',
	'<': 'less_than',
};

export const KNOWN_OPERATORS = [...Object.keys(OPERATORS), ...Object.keys(ALIASES)];

/** The tree from the query, or `undefined` when none was sent; a 422 when it is malformed or sent in another form. */
export function parseFilterGroupsQuery(
	raw: RawQuery,
	nested: Record<string, NestedValue>,
): FilterGroup | undefined {
	const otherForm = Object.keys(raw).find(
		(key) => key === 'filter_groups' || key.startsWith('filter_groups.'),
	);
	if (otherForm)
		unprocessable(
			otherForm,
			'filter_groups must be sent as bracketed keys, e.g. filter_groups[conjunction]=and.',
		);
	return nested.filter_groups === undefined
		? undefined
		: parseGroup(nested.filter_groups, 'filter_groups');
}

/** The same tree given as JSON (Bulk Void's `filters.filter_groups`). */
export function parseFilterGroupsJson(value: unknown, field: string): FilterGroup | undefined {
	return value === undefined ? undefined : parseGroup(value, field);
}

function parseGroup(value: unknown, field: string): FilterGroup {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		unprocessable(field, `The ${field} field must be a group.`);
	const group = value as Record<string, unknown>;
	const conjunction = group.conjunction ?? 'and';
	if (conjunction !== 'and' && conjunction !== 'or')
		unprocessable(`${field}.conjunction`, `The ${field}.conjunction field must be and or or.`);
	const children = group.children;
	if (!Array.isArray(children) || children.length === 0)
		unprocessable(`${field}.children`, `The ${field}.children field must be a non-empty list.`);
	return {
		conjunction,
		children: Array.from(children, (child, index) =>
			parseChild(child, `${field}.children.${index}`),
		),
	};
}

function parseChild(value: unknown, field: string): FilterGroup['children'][number] {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		unprocessable(field, `The ${field} field is missing.`);
	const child = value as Record<string, unknown>;
	if (child.type === 'group') return { type: 'group', ...parseGroup(child, field) };
	if (child.type !== 'condition')
		unprocessable(`${field}.type`, `The ${field}.type field must be condition or group.`);
	const condition = child.condition as Record<string, unknown> | undefined;
	if (typeof condition !== 'object' || condition === null)
		unprocessable(`${field}.condition`, `The ${field}.condition field is required.`);
	const { column, operator, value: expected } = condition;
	if (typeof column !== 'string' || !(column in COLUMNS))
		unprocessable(
			`${field}.condition.column`,
			`The column "${String(column)}" cannot be filtered. Allowed: ${Object.keys(COLUMNS).join(', ')}.`,
		);
	if (typeof operator !== 'string' || !(operator in OPERATORS || operator in ALIASES))
		unprocessable(
			`${field}.condition.operator`,
			`The operator "${String(operator)}" is not supported. Allowed: ${KNOWN_OPERATORS.join(', ')}.`,
		);
	if (expected !== undefined && typeof expected !== 'string' && typeof expected !== 'number')
		unprocessable(`${field}.condition.value`, `The ${field}.condition.value field must be text.`);
	return {
		type: 'condition',
		condition: { column, operator, value: expected === undefined ? '' : String(expected) },
	};
}

export function matchesGroup(group: FilterGroup, fulfillment: Fulfillment): boolean {
	const results = group.children.map((child) =>
		child.type === 'group'
			? matchesGroup(child, fulfillment)
			: matchesCondition(child.condition, fulfillment),
	);
	return group.conjunction === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function matchesCondition(condition: Condition, fulfillment: Fulfillment): boolean {
	const operator = OPERATORS[ALIASES[condition.operator] ?? condition.operator];
	const value = COLUMNS[condition.column](fulfillment);
	const values = (Array.isArray(value) ? value : [value]).map((entry) =>
		entry === null || entry === undefined ? '' : String(entry),
	);
	const any = values.some((actual) => operator.test(actual, condition.value));
	return operator.negated ? !any : any;
}
