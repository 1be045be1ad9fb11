import type { IExecuteFunctions } from 'n8n-workflow';
import type { ApiContext } from './types';

// In n8n 2.x every expression evaluated per item crosses into the expression isolate (≈ 0.6–1 ms).
// Over thousands of items that is most of a bulk run (bench/README.md), so parameters are read the
// cheapest way that gives n8n's own answer:
// - a value without expressions is the same for every item: read once;
// - exactly `{{ $json.field }}` (or `{{ $json["field"] }}`) is the item's field: read it directly,
//   also as the value of a resource locator read with `extractValue` (its By ID mode);
// - anything else is evaluated by n8n, per item, as before.

/** `={{ $json.name }}`, `={{ $json["name"] }}` or `={{ $json['name'] }}`, spaces allowed. */
const JSON_FIELD = /^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}$/;

type Plan =
	| { kind: 'constant'; value: unknown }
	| { kind: 'field'; field: string }
	| { kind: 'expression' };

const NOT_SET = Symbol('not set');

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(containsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(containsExpression);
	return false;
}

/** The text of a parameter that may be `{{ $json.x }}`: the value itself, or a locator's value. */
function expressionText(raw: unknown, extract: boolean): string | undefined {
	if (typeof raw === 'string') return raw;
	if (!extract || typeof raw !== 'object' || raw === null) return undefined;
	const locator = raw as { __rl?: unknown; value?: unknown };
	return locator.__rl === true && typeof locator.value === 'string' ? locator.value : undefined;
}

function planFor(ctx: IExecuteFunctions, name: string, fallback: unknown, extract: boolean): Plan {
	const raw: unknown = ctx.getNodeParameter(name, 0, NOT_SET, { rawExpressions: true });
	if (raw === NOT_SET || !containsExpression(raw)) {
		const value = extract
			? ctx.getNodeParameter(name, 0, fallback, { extractValue: true })
			: ctx.getNodeParameter(name, 0, fallback);
		return { kind: 'constant', value };
	}
	const text = expressionText(raw, extract);
	const field = text !== undefined ? JSON_FIELD.exec(text) : null;
	if (field) return { kind: 'field', field: field[1] ?? field[3] };
	return { kind: 'expression' };
}

/** Options `getNodeParameter` is called with that the fast path answers: none, or `extractValue` alone. */
function extractOnly(options: object | undefined): boolean | undefined {
	if (options === undefined) return false;
	const keys = Object.keys(options);
	const extract =
		keys.length === 1 && (options as { extractValue?: unknown }).extractValue === true;
	return extract ? true : undefined;
}

/**
 * The node run's context with a `getNodeParameter` that evaluates no expression it need not.
 * Every other member is the context's own, called on the context itself.
 */
export function withFastParameters(ctx: IExecuteFunctions): IExecuteFunctions {
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
			plan = planFor(ctx, name, fallback, extract);
			plans.set(key, plan);
		}
		if (plan.kind === 'constant') return plan.value;
		if (plan.kind === 'field') {
			const value = items[itemIndex]?.json?.[plan.field];
			// A missing field is left to n8n, so its answer (and any error) is exactly n8n's.
			if (value !== undefined) return value;
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

/**
 * Reads a node parameter from any context: per item where the context has items, once where it has
 * not (poll, load options), and the fallback where the parameter does not exist.
 */
export function readNodeParameter<T>(
	ctx: ApiContext,
	name: string,
	itemIndex: number | undefined,
	fallback: T,
): T {
	try {
		if ('getInputData' in ctx) {
			return (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex ?? 0, fallback) as T;
		}
		return (ctx.getNodeParameter as (name: string, fallback: unknown) => unknown)(
			name,
			fallback,
		) as T;
	} catch {
		return fallback;
	}
}
