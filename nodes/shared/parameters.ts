import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

// In n8n 2.x every expression evaluated per item crosses into the expression isolate (≈ 0.6–1 ms).
// Over thousands of items that is most of a bulk run (bench/README.md), so parameters are read the
// cheapest way that gives n8n's own answer:
// - a value without expressions is the same for every item: read once;
// - exactly `{{ $json.field }}` (or `{{ $json["field"] }}`) is the item's own field: read directly
//   (a JSON object or list too: n8n hands back the item's own, not a copy), also as the value of a
//   resource locator read with `extractValue` in a mode that extracts nothing;
// - anything else is evaluated by n8n, per item, as before.
// test/shared/fastParameters.differential.test.ts holds it to n8n-core's own evaluator.

/** `={{ $json.name }}`, `={{ $json["name"] }}` or `={{ $json['name'] }}`, spaces allowed. */
const JSON_FIELD = /^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}$/;

type Plan =
	| { kind: 'absent' }
	| { kind: 'constant'; value: unknown }
	| { kind: 'field'; field: string }
	| { kind: 'n8n' };

const NOT_SET = Symbol('not set');

/**
 * Field names whose meaning in n8n's evaluator is not simply "the item's own field" (members every
 * object inherits, or that its sandbox guards): left to n8n even when the item has them.
 */
const GUARDED_NAMES = new Set([
	...Object.getOwnPropertyNames(Object.prototype),
	'prototype',
	'constructor',
	'__proto__',
]);

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(containsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(containsExpression);
	return false;
}

/**
 * Whether n8n validates the parameter after evaluating it (`validateType`, a resource mapper, or a
 * collection with such an option): then every read goes through n8n, as its message names the item.
 */
function validatedByN8n(name: string, properties: INodeProperties[]): boolean {
	const [top] = name.split('.');
	return properties.some(
		(property) =>
			property.name === top &&
			(property.validateType !== undefined ||
				property.type === 'resourceMapper' ||
				((property.type === 'collection' || property.type === 'fixedCollection') &&
					JSON.stringify(property.options ?? []).includes('"validateType"'))),
	);
}

/**
 * The text that may be `{{ $json.x }}`: the value itself or, read with `extractValue`, the value of
 * a resource locator whose mode (as the operation declares it) extracts nothing from the value.
 */
function expressionText(
	raw: unknown,
	name: string,
	extract: boolean,
	properties: INodeProperties[],
): string | undefined {
	if (typeof raw === 'string') return raw;
	if (!extract || typeof raw !== 'object' || raw === null) return undefined;
	const locator = raw as { __rl?: unknown; mode?: unknown; value?: unknown };
	if (locator.__rl !== true || typeof locator.value !== 'string') return undefined;
	// Version 1's text field may carry the same name: the locator is the one with modes.
	const property = properties.find(
		(candidate) => candidate.name === name && candidate.type === 'resourceLocator',
	);
	const mode = property?.modes?.find((candidate) => candidate.name === locator.mode);
	return mode && !mode.extractValue ? locator.value : undefined;
}

function planFor(
	ctx: IExecuteFunctions,
	name: string,
	fallback: unknown,
	extract: boolean,
	properties: INodeProperties[],
): Plan {
	if (validatedByN8n(name, properties)) return { kind: 'n8n' };
	const raw: unknown = ctx.getNodeParameter(name, 0, NOT_SET, { rawExpressions: true });
	if (raw === NOT_SET) return { kind: 'absent' };
	if (!containsExpression(raw)) {
		const value = extract
			? ctx.getNodeParameter(name, 0, fallback, { extractValue: true })
			: ctx.getNodeParameter(name, 0, fallback);
		return { kind: 'constant', value };
	}
	const text = expressionText(raw, name, extract, properties);
	const field = text !== undefined ? JSON_FIELD.exec(text) : null;
	const fieldName = field ? (field[1] ?? field[3]) : undefined;
	if (fieldName !== undefined && !GUARDED_NAMES.has(fieldName) && !fieldName.startsWith('__'))
		return { kind: 'field', field: fieldName };
	return { kind: 'n8n' };
}

/** Options `getNodeParameter` is called with that the fast path answers: none, or `extractValue` alone. */
function extractOnly(options: object | undefined): boolean | undefined {
	if (options === undefined) return false;
	const keys = Object.keys(options);
	const extract =
		keys.length === 1 && (options as { extractValue?: unknown }).extractValue === true;
	return extract ? true : undefined;
}

/** A value n8n hands over as it is: a copy of it would be equal and indistinguishable. */
function isPlain(value: unknown): value is string | number | boolean {
	return (
		typeof value === 'string' ||
		typeof value === 'boolean' ||
		(typeof value === 'number' && Number.isFinite(value))
	);
}

/**
 * A value JSON holds exactly, which n8n's evaluator hands back as it is: objects with
 * Object's prototype (or none), lists without holes, text, finite numbers but −0, booleans, and null
 * inside them. Anything else (a Date, a Buffer, a class instance, a `__proto__` key) is left to n8n.
 */
function isJsonTree(value: unknown, depth = 0): boolean {
	if (value === null) return depth > 0;
	if (typeof value === 'string' || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
	if (typeof value !== 'object' || depth > 64) return false;
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++)
			if (!(index in value) || !isJsonTree(value[index], depth + 1)) return false;
		return true;
	}
	const prototype: unknown = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) return false;
	for (const key of Object.keys(value)) {
		if (key === '__proto__') return false;
		if (!isJsonTree((value as Record<string, unknown>)[key], depth + 1)) return false;
	}
	return true;
}

/** Parameter values are JSON (workflows store them so): a JSON copy is an exact one. */
const copied = (value: unknown): unknown =>
	typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value;

/**
 * The node run's context with a `getNodeParameter` that evaluates no expression it need not, giving
 * n8n's own answer or leaving the read to n8n:
 * - a value without expressions is read once; an object or array is copied for each read, as n8n
 *   gives each read its own;
 * - `{{ $json.field }}` is the item's own field when it is a string, a finite number, a boolean or
 *   a JSON object or list (the item's own, as n8n gives it); anything else (missing, inherited, null, a Date)
 *   is evaluated by n8n;
 * - a parameter n8n validates after evaluating (`properties`: the operation's, see validatedByN8n)
 *   and any other expression are evaluated by n8n, per item.
 * Every other member is the context's own, called on the context itself.
 */
export function withFastParameters(
	ctx: IExecuteFunctions,
	properties: INodeProperties[] = [],
): IExecuteFunctions {
	const plans = new Map<string, Plan>();
	const items = ctx.getInputData();
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: object,
	) => {
		const extract = extractOnly(options);
		if (extract === undefined) return ctx.getNodeParameter(name, itemIndex, fallback, options);
		const key = extract ? `${name}\u0000extract` : name;
		let plan = plans.get(key);
		if (!plan) {
			plan = planFor(ctx, name, fallback, extract, properties);
			plans.set(key, plan);
		}
		switch (plan.kind) {
			case 'absent':
				// This call's fallback, as n8n gives it (n8n refuses a missing one).
				if (fallback !== undefined) return copied(fallback);
				break;
			case 'constant':
				return copied(plan.value);
			case 'field': {
				const json = items[itemIndex]?.json;
				if (json && Object.prototype.hasOwnProperty.call(json, plan.field)) {
					const value: unknown = json[plan.field];
					if (isPlain(value)) return value;
					if (isJsonTree(value)) return value;
				}
				break;
			}
		}
		return ctx.getNodeParameter(name, itemIndex, fallback, options);
	};
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
