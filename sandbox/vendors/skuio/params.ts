import { HttpError } from '../../core/http-error';
import type { RawQuery } from '../../core/query';
import type { SandboxRequest } from '../../core/request';
import { unprocessable } from './errors';
import {
	matchesGroup,
	parseFilterGroupsJson,
	parseFilterGroupsQuery,
	type FilterGroup,
} from './filterGroups';
import type { Fulfillment } from './model';

/** Undocumented: larger pages are capped here (the response's per_page says so). */
export const MAX_PER_PAGE = 100;

export const SORT_FIELDS = [
	'id',
	'status',
	'fulfillment_type',
	'tracking_number',
	'cost',
	'fulfilled_at',
	'packing_slip_printed_at',
	'created_at',
	'updated_at',
] as const;

/** The documented list filters and how the list is ordered. */
export interface ListFilter {
	status?: string;
	fulfillmentType?: string;
	archived: boolean;
	groups?: FilterGroup;
}

export interface ListQuery extends ListFilter {
	sort: { field: (typeof SORT_FIELDS)[number]; descending: boolean };
}

export function single(query: RawQuery, name: string): string | undefined {
	const value = query[name];
	if (Array.isArray(value)) unprocessable(name, `The ${name} field may be given only once.`);
	return value;
}

export function paging(query: RawQuery, defaultPerPage: number): { page: number; perPage: number } {
	return {
		page: integer(query, 'page') ?? 1,
		perPage: Math.min(integer(query, 'per_page') ?? defaultPerPage, MAX_PER_PAGE),
	};
}

function integer(query: RawQuery, name: string): number | undefined {
	const value = single(query, name);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < 1)
		unprocessable(name, `The ${name} field must be an integer of at least 1.`);
	return Number(value);
}

/** `filter[...]` keys the route allows; any other is refused the way spatie/laravel-query-builder does. */
export function filters(query: RawQuery, allowed: string[]): Record<string, string> {
	const found: Record<string, string> = {};
	const unknown: string[] = [];
	for (const key of Object.keys(query)) {
		const match = /^filter\[([^\]]*)\]$/.exec(key);
		if (!match) {
			if (key === 'filter' || key.startsWith('filter.') || key.startsWith('filter['))
				unknown.push(key);
			continue;
		}
		if (allowed.includes(match[1])) found[match[1]] = single(query, key) ?? '';
		else unknown.push(match[1]);
	}
	if (unknown.length)
		throw new HttpError(
			400,
			`Requested filter(s) \`${unknown.join(', ')}\` are not allowed. Allowed filter(s) are \`${allowed.join(', ')}\`.`,
		);
	return found;
}

export function parseListQuery(request: SandboxRequest): ListQuery {
	const given = filters(request.query, ['status', 'fulfillment_type', 'archived']);
	const sort = single(request.query, 'sort') ?? '-id';
	const field = sort.replace(/^-/, '');
	if (!(SORT_FIELDS as readonly string[]).includes(field))
		throw new HttpError(
			400,
			`Requested sort(s) \`${sort}\` is not allowed. Allowed sort(s) are \`${SORT_FIELDS.join(', ')}\`.`,
		);
	return {
		status: given.status || undefined,
		fulfillmentType: given.fulfillment_type || undefined,
		archived: given.archived !== undefined && given.archived !== '0' && given.archived !== 'false',
		groups: parseFilterGroupsQuery(request.query, request.nestedQuery),
		sort: { field: field as ListQuery['sort']['field'], descending: sort.startsWith('-') },
	};
}

/** Bulk Void's `filters` object: the list's filter names, with `filter_groups` as a JSON tree. */
export function parseFilterBody(value: unknown): ListFilter {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		unprocessable('filters', 'The filters field must be an object.');
	const body = value as Record<string, unknown>;
	const known = ['status', 'fulfillment_type', 'archived', 'filter_groups'];
	const unknown = Object.keys(body).filter((key) => !known.includes(key));
	if (unknown.length)
		unprocessable(
			'filters',
			`Unknown filters: ${unknown.join(', ')}. Allowed: ${known.join(', ')}.`,
		);
	for (const key of ['status', 'fulfillment_type'] as const)
		if (body[key] !== undefined && typeof body[key] !== 'string')
			unprocessable(`filters.${key}`, `The filters.${key} field must be text.`);
	return {
		status: (body.status as string | undefined) || undefined,
		fulfillmentType: (body.fulfillment_type as string | undefined) || undefined,
		archived: body.archived === true || body.archived === 1 || body.archived === '1',
		groups: parseFilterGroupsJson(body.filter_groups, 'filters.filter_groups'),
	};
}

/** Active (not voided) fulfillments matching the filters; archived ones only when asked for. */
export function matchesFilter(filter: ListFilter, fulfillment: Fulfillment): boolean {
	if (fulfillment.voided_at) return false;
	if (fulfillment.archived_at && !filter.archived) return false;
	if (filter.status && fulfillment.status !== filter.status) return false;
	if (filter.fulfillmentType && fulfillment.fulfillment_type !== filter.fulfillmentType)
		return false;
	return !filter.groups || matchesGroup(filter.groups, fulfillment);
}

export function sortFulfillments(list: Fulfillment[], sort: ListQuery['sort']): Fulfillment[] {
	const value = (f: Fulfillment) => f[sort.field];
	return [...list].sort((a, b) => {
		const [x, y] = [value(a), value(b)];
		const order =
			x === y
				? 0
				: x === null
					? -1
					: y === null
						? 1
						: typeof x === 'number' && typeof y === 'number'
							? x - y
							: String(x) < String(y)
								? -1
								: 1;
		// Ties keep id order, so pages stay stable.
		return (sort.descending ? -order : order) || a.id - b.id;
	});
}

/** Laravel's paginator. */
export function paginated<T>(items: T[], page: number, perPage: number) {
	const start = (page - 1) * perPage;
	const data = items.slice(start, start + perPage);
	return {
		current_page: page,
		data,
		from: data.length ? start + 1 : null,
		last_page: Math.max(1, Math.ceil(items.length / perPage)),
		per_page: perPage,
		to: data.length ? start + data.length : null,
		total: items.length,
	};
}

export function objectBody(request: SandboxRequest): Record<string, unknown> {
	const body = request.json() ?? {};
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		unprocessable('body', 'The request body must be a JSON object.');
	return body as Record<string, unknown>;
}

/** `void_reason`: optional text of at most 255 characters. */
export function voidReason(body: Record<string, unknown>): string | null {
	const reason = body.void_reason;
	if (reason === undefined || reason === null || reason === '') return null;
	if (typeof reason !== 'string')
		unprocessable('void_reason', 'The void reason field must be a string.');
	if (reason.length > 255)
		unprocessable('void_reason', 'The void reason field must not be greater than 255 characters.');
	return reason;
}

export function fulfillmentId(request: SandboxRequest, name = 'salesOrderFulfillment'): number {
	const id = request.params[name];
	if (!/^\d+$/.test(id))
		throw new HttpError(
			404,
			`No query results for model [App\\Models\\SalesOrderFulfillment] ${id}`,
		);
	return Number(id);
}
