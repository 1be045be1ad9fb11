import type { IDataObject } from 'n8n-workflow';

type QueryValue = string | number | boolean;

/**
 * Flattens nested objects and arrays into bracketed query keys, the form PHP and Rails APIs document:
 * `{filter: {status: 'x'}, ids: [1, 2]}` → `{'filter[status]': 'x', 'ids[0]': 1, 'ids[1]': 2}`.
 * Flat keys reach the server exactly like that whatever the HTTP client does with nested objects.
 * `undefined` and `null` values are left out.
 */
export function bracketQuery(value: IDataObject, prefix?: string): Record<string, QueryValue> {
	const result: Record<string, QueryValue> = {};
	const visit = (entry: unknown, key: string) => {
		if (entry === undefined || entry === null) return;
		if (Array.isArray(entry)) {
			entry.forEach((child, index) => visit(child, `${key}[${index}]`));
		} else if (typeof entry === 'object') {
			for (const [name, child] of Object.entries(entry)) visit(child, `${key}[${name}]`);
		} else {
			result[key] = entry as QueryValue;
		}
	};
	for (const [name, entry] of Object.entries(value))
		visit(entry, prefix ? `${prefix}[${name}]` : name);
	return result;
}
