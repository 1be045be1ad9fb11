import type { IExecuteFunctions } from 'n8n-workflow';

// In n8n 2.x every expression evaluated per item crosses into the expression isolate (≈ 0.6–1 ms).
// Over thousands of items that is most of a bulk run (bench/README.md), so parameters are read the
// cheapest way that gives n8n's own answer:
// - a value without expressions is the same for every item: read once;
// - exactly `{{ $json.field }}` (or `{{ $json["field"] }}`) is the item's field: read it directly;
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

function planFor(ctx: IExecuteFunctions, name: string, fallback: unknown): Plan {
	const raw: unknown = ctx.getNodeParameter(name, 0, NOT_SET, { rawExpressions: true });
	if (raw === NOT_SET || !containsExpression(raw)) {
		return { kind: 'constant', value: ctx.getNodeParameter(name, 0, fallback) };
	}
	const field = typeof raw === 'string' ? JSON_FIELD.exec(raw) : null;
	if (field) return { kind: 'field', field: field[1] ?? field[3] };
	return { kind: 'expression' };
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
		if (options !== undefined) return ctx.getNodeParameter(name, itemIndex, fallback, options);
		let plan = plans.get(name);
		if (!plan) {
			plan = planFor(ctx, name, fallback);
			plans.set(name, plan);
		}
		if (plan.kind === 'constant') return plan.value;
		if (plan.kind === 'field') {
			const value = items[itemIndex]?.json?.[plan.field];
			// A missing field is left to n8n, so its answer (and any error) is exactly n8n's.
			if (value !== undefined) return value;
		}
		return ctx.getNodeParameter(name, itemIndex, fallback);
	};
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
