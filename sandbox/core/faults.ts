import { HttpError } from './http-error';
import type { VendorName } from './vendor';

export interface FaultSpec {
	/** Only requests to this vendor; any vendor when absent. */
	vendor?: VendorName;
	method?: string;
	/** A substring of the request path (with the vendor prefix, without the query), or `/regex/flags`. */
	path?: string;
	/** Answer with this status. Defaults to 500 unless the fault only adds latency or drops. */
	status?: number;
	/** Sent as JSON (a string is sent as text); absent → the vendor's own error envelope for `status`. */
	body?: unknown;
	headers?: Record<string, string>;
	/** How many matching requests to fail (default 1). */
	count?: number;
	/** Delay before answering; alone, the request then goes through to the vendor. */
	latencyMs?: number;
	/** Destroy the socket without answering. */
	drop?: boolean;
	/** Let this many matching requests pass before failing any. */
	after?: number;
	/** Let the vendor act first, then answer with the fault: the work is done but the client never hears of it. */
	afterHandling?: boolean;
	/** Let the vendor act, then send its answer (its status, unless `status` is set) cut off half-way. */
	truncate?: boolean;
	/** Answer with a proxy's HTML error page (`text/html`); `status` defaults to 502. */
	html?: boolean;
	/** Never answer: hold the connection until the client gives up. With `afterHandling`, the vendor acts first. */
	hang?: boolean;
	/**
	 * Let the vendor act and answer as usual, minus these fields of its JSON answer: dotted paths such
	 * as `data.shipping_provider_orders.0.status` (`*` for every element of an array). A vendor answer
	 * without a field the client relies on (one its document does not define).
	 */
	omit?: string[];
}

export interface Fault extends FaultSpec {
	id: string;
	count: number;
	after: number;
	/** Matching requests let through while `after` lasted. */
	passed: number;
	/** Matching requests this fault has hit. */
	hits: number;
}

export interface FaultTarget {
	vendor: VendorName;
	method: string;
	path: string;
}

/** Injected failures: checked before a vendor request reaches its handler. */
export class Faults {
	constructor(private readonly vendorNames: readonly string[]) {}

	private faults: Fault[] = [];
	private nextId = 1;

	/** Validates like the control endpoint does (throws a 400 HttpError). */
	add(spec: FaultSpec): Fault {
		const valid = validateFaultSpec(spec, this.vendorNames);
		const fault: Fault = {
			...valid,
			id: `fault_${this.nextId++}`,
			count: valid.count ?? 1,
			after: valid.after ?? 0,
			passed: 0,
			hits: 0,
		};
		if (fault.html && fault.status === undefined) fault.status = 502;
		if (
			fault.status === undefined &&
			fault.omit === undefined &&
			!fault.drop &&
			!fault.hang &&
			!fault.truncate &&
			fault.latencyMs === undefined
		)
			fault.status = 500;
		this.faults.push(fault);
		return fault;
	}

	list(): Fault[] {
		return this.faults.map((fault) => ({ ...fault }));
	}

	remove(id: string): boolean {
		const before = this.faults.length;
		this.faults = this.faults.filter((fault) => fault.id !== id);
		return this.faults.length < before;
	}

	/** All faults, or only those aimed at `vendor`. */
	clear(vendor?: VendorName): void {
		this.faults =
			vendor === undefined ? [] : this.faults.filter((fault) => fault.vendor !== vendor);
	}

	/** The fault to apply to this request, if any; counts the request against every matching fault it passes. */
	take(target: FaultTarget): Fault | undefined {
		for (const fault of this.faults) {
			if (fault.hits >= fault.count || !matches(fault, target)) continue;
			if (fault.passed < fault.after) {
				fault.passed++;
				continue;
			}
			fault.hits++;
			return { ...fault };
		}
		return undefined;
	}
}

function matches(fault: Fault, target: FaultTarget): boolean {
	if (fault.vendor !== undefined && fault.vendor !== target.vendor) return false;
	if (fault.method !== undefined && fault.method.toUpperCase() !== target.method.toUpperCase())
		return false;
	if (fault.path === undefined) return true;
	const regex = asRegExp(fault.path);
	return regex ? regex.test(target.path) : target.path.includes(fault.path);
}

/** `/api/v2/fulfillment/assign` stays a substring: only RegExp flag letters may follow the last slash. */
function asRegExp(path: string): RegExp | undefined {
	const match = /^\/(.+)\/([dgimsuvy]*)$/.exec(path);
	return match ? new RegExp(match[1], match[2]) : undefined;
}

/** Every FaultSpec field; `satisfies` keeps the list in step with the interface. */
const FAULT_FIELDS = Object.keys({
	vendor: 0,
	method: 0,
	path: 0,
	status: 0,
	body: 0,
	headers: 0,
	count: 0,
	latencyMs: 0,
	drop: 0,
	after: 0,
	afterHandling: 0,
	truncate: 0,
	html: 0,
	hang: 0,
	omit: 0,
} satisfies Record<keyof FaultSpec, 0>);

function validateFaultSpec(input: unknown, vendorNames: readonly string[]): FaultSpec {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		invalid('a fault must be a JSON object');
	const spec = input as Record<string, unknown>;
	const unknown = Object.keys(spec).filter((key) => !FAULT_FIELDS.includes(key));
	if (unknown.length > 0) invalid(`unknown fault fields: ${unknown.join(', ')}`);
	if (spec.vendor !== undefined && !vendorNames.includes(spec.vendor as VendorName))
		invalid(`vendor must be one of ${vendorNames.join(', ')}`);
	for (const key of ['method', 'path'] as const)
		if (spec[key] !== undefined && (typeof spec[key] !== 'string' || spec[key] === ''))
			invalid(`${key} must be a non-empty string`);
	if (typeof spec.path === 'string') {
		try {
			asRegExp(spec.path);
		} catch (error) {
			invalid(`path is not a valid /regex/: ${(error as Error).message}`);
		}
	}
	checkInteger(spec.status, 'status', 200, 599);
	if (spec.headers !== undefined && !isStringRecord(spec.headers))
		invalid('headers must be an object of strings');
	checkInteger(spec.count, 'count', 1);
	checkInteger(spec.after, 'after', 0);
	checkInteger(spec.latencyMs, 'latencyMs', 0);
	if (spec.drop !== undefined && typeof spec.drop !== 'boolean') invalid('drop must be a boolean');
	for (const key of ['afterHandling', 'truncate', 'html', 'hang'] as const)
		if (spec[key] !== undefined && typeof spec[key] !== 'boolean')
			invalid(`${key} must be a boolean`);
	if (
		spec.omit !== undefined &&
		(!Array.isArray(spec.omit) ||
			spec.omit.length === 0 ||
			!spec.omit.every((path) => typeof path === 'string' && path !== ''))
	)
		invalid('omit must be a non-empty array of dotted paths');
	return spec as FaultSpec;
}

/** The vendor's JSON answer without the fault's `omit` fields; any other answer as it was. */
export function omitFields(
	body: string | Buffer,
	paths: readonly string[],
): { body: string | Buffer; omitted: number } {
	let data: unknown;
	try {
		data = JSON.parse(body.toString());
	} catch {
		return { body, omitted: 0 };
	}
	let omitted = 0;
	const remove = (node: unknown, keys: string[]): void => {
		if (typeof node !== 'object' || node === null) return;
		const [key, ...rest] = keys;
		const children =
			key === '*'
				? Object.keys(node)
				: Object.prototype.hasOwnProperty.call(node, key)
					? [key]
					: [];
		for (const child of children) {
			if (rest.length > 0) remove((node as Record<string, unknown>)[child], rest);
			else if (delete (node as Record<string, unknown>)[child]) omitted++;
		}
	};
	for (const path of paths) remove(data, path.split('.'));
	return { body: JSON.stringify(data), omitted };
}

function checkInteger(
	value: unknown,
	name: string,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
): void {
	if (value === undefined) return;
	if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
		invalid(
			`${name} must be an integer from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
		);
}

function isStringRecord(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).every((v) => typeof v === 'string')
	);
}

function invalid(message: string): never {
	throw new HttpError(400, `Invalid fault: ${message}`);
}
