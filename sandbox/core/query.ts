/** Query values by their key exactly as sent, e.g. `filter_groups[children][0][condition][column]`. */
export type RawQuery = Record<string, string | string[]>;

/** The same query with bracketed keys nested: `a[b][0]=x` → `{a: {b: ['x']}}`; `a[]=x&a[]=y` appends. */
export type NestedQuery = { [key: string]: NestedValue };
export type NestedValue = string | NestedValue[] | NestedQuery;

type Container = NestedQuery | NestedValue[];

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses `search` (with or without the leading `?`); `+` and `%20` both decode to a space. Keys naming
 * `__proto__`, `constructor` or `prototype` are dropped.
 */
export function parseQuery(search: string): { raw: RawQuery; nested: NestedQuery } {
	const raw: RawQuery = {};
	const nested: NestedQuery = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const path = keyPath(key);
		if (path.some((segment) => UNSAFE_KEYS.has(segment))) continue;
		const existing = raw[key];
		raw[key] =
			existing === undefined
				? value
				: [...(Array.isArray(existing) ? existing : [existing]), value];
		setPath(nested, path, value);
	}
	return { raw, nested };
}

function keyPath(key: string): string[] {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
	if (!match) return [key];
	return [match[1], ...Array.from(match[2].matchAll(/\[([^[\]]*)\]/g), (m) => m[1])];
}

function setPath(root: NestedQuery, path: string[], value: string): void {
	let container: Container = root;
	for (let i = 0; i < path.length - 1; i++) {
		const existing = read(container, path[i]);
		const child: Container =
			existing !== undefined && typeof existing !== 'string'
				? existing
				: path[i + 1] === '' || /^\d+$/.test(path[i + 1])
					? []
					: {};
		if (child !== existing) write(container, path[i], child);
		container = child;
	}
	const last = path[path.length - 1];
	const existing = read(container, last);
	if (typeof existing === 'string') write(container, last, [existing, value]);
	else if (Array.isArray(existing)) existing.push(value);
	else write(container, last, value);
}

function read(container: Container, segment: string): NestedValue | undefined {
	if (Array.isArray(container)) return segment === '' ? undefined : container[Number(segment)];
	return Object.hasOwn(container, segment) ? container[segment] : undefined;
}

function write(container: Container, segment: string, value: NestedValue): void {
	if (!Array.isArray(container)) container[segment] = value;
	else if (segment === '') container.push(value);
	else container[Number(segment)] = value;
}
