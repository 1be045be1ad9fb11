import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	ILoadOptionsFunctions,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Checks parameters before any request is sent. The first problem becomes the message, naming the
 * field and the item: "Order ID must be a positive integer [item 3]".
 */
export function validateParameters<T>(
	ctx: IExecuteFunctions | IPollFunctions,
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	value: unknown,
	itemIndex = 0,
): T {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const [first, ...rest] = result.error.issues;
	const description = rest.length ? rest.map((issue) => issue.message).join('\n') : undefined;
	// A trigger has no input items, so its messages name only the field; n8n stops polling until fixed.
	if (!('getInputData' in ctx))
		throw new NodeOperationError(ctx.getNode(), first.message, {
			description,
			failure: { cause: 'configuration-invalid' },
		});
	throw new NodeOperationError(ctx.getNode(), `${first.message} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}

/** A value as error messages quote it: strings in quotes, others as JSON, long ones cut at 60 characters. */
export function shown(value: unknown): string {
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const POSITIVE_INT = /^\s*\d+\s*$/;

/** A positive integer, also given as a numeric string (as expressions often deliver). */
export function positiveInteger(label: string) {
	return z.unknown().transform((value, ctx) => {
		const number = typeof value === 'string' && POSITIVE_INT.test(value) ? Number(value) : value;
		if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) return number;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be a positive integer (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}

/** A whole number at least `min` (e.g. a quantity where 0 has a meaning). */
export function integerAtLeast(label: string, min: number) {
	return z.unknown().transform((value, ctx) => {
		const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
		if (typeof number === 'number' && Number.isSafeInteger(number) && number >= min) return number;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be a whole number of at least ${min} (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}

/** "voidReason" → "Void Reason": the field a value without its own label sits in. */
function labelOfPath(path: Array<string | number>): string {
	const key = [...path].reverse().find((part): part is string => typeof part === 'string');
	if (!key) return 'The value';
	return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

/** A number as text: NaN and Infinity (from an expression gone wrong) are not numbers to send. */
const numberText = (value: number) => (Number.isFinite(value) ? String(value) : undefined);

/** A non-empty string after trimming; numbers are accepted as their text. */
export function requiredString(label: string) {
	return z.unknown().transform((value, ctx) => {
		const text =
			typeof value === 'number'
				? numberText(value)
				: typeof value === 'string'
					? value.trim()
					: undefined;
		if (text) return text;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} is required (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}

/** Like requiredString, and usable as one URL path segment ("." and ".." are not). */
export function pathId(label: string) {
	return requiredString(label).superRefine((text, ctx) => {
		if (text === '.' || text === '..') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} cannot be "${text}"` });
		}
	});
}

/**
 * An optional string: empty (or null) means not set. A number is taken as its text; anything else
 * (an object, a list, true/false, NaN) is an error naming the field, never silently dropped.
 */
export function optionalString(label?: string) {
	return z.unknown().transform((value, ctx) => {
		if (value === undefined || value === null) return undefined;
		const text =
			typeof value === 'number'
				? numberText(value)
				: typeof value === 'string'
					? value.trim()
					: undefined;
		if (text === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${label ?? labelOfPath(ctx.path)} must be text (got ${shown(value)})`,
			});
			return z.NEVER;
		}
		return text === '' ? undefined : text;
	});
}

/**
 * A list of positive integers given as an array, a number, or text separated by commas, spaces or
 * new lines ("1042, 1043").
 */
export function positiveIntegerList(label: string) {
	return z.unknown().transform((value, ctx) => {
		const parts = Array.isArray(value)
			? value
			: typeof value === 'string'
				? value.split(/[\s,;]+/).filter((part) => part !== '')
				: value === undefined || value === null
					? []
					: [value];
		if (parts.length === 0) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} is required` });
			return z.NEVER;
		}
		const numbers: number[] = [];
		for (const part of parts) {
			const number = typeof part === 'string' && POSITIVE_INT.test(part) ? Number(part) : part;
			if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `${label} must be positive integers; ${shown(part)} is not`,
				});
				return z.NEVER;
			}
			numbers.push(number);
		}
		return numbers;
	});
}

/** true or false; anything else (such as the text "true" from an expression) is refused naming the field. */
export function booleanFlag(label: string) {
	return z.unknown().transform((value, ctx) => {
		if (typeof value === 'boolean') return value;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be true or false (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}

export function oneOf<T extends string>(label: string, values: readonly T[]) {
	return z.unknown().transform((value, ctx) => {
		if (typeof value === 'string' && (values as readonly string[]).includes(value))
			return value as T;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be one of ${values.join(', ')} (got ${shown(value)})`,
		});
		return z.NEVER;
	});
}

/** An object that is neither null nor an array: what JSON calls an object. */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { z };

/** Where a parameter is read from: top level, or inside a collection (`options.idempotencyKey`). */
interface ParameterPlace {
	path: string;
	/** A collection's option that is not set reads as its default. */
	fallback?: unknown;
	/** A resource locator: its value, whatever the mode. */
	locator: boolean;
}

/**
 * A fixed collection of one group (`items` › `item`) reads as that group's values: a list when it
 * takes several, or else one object.
 */
function groupOf(place: ParameterPlace, property: INodeProperties): ParameterPlace {
	const groups = property.type === 'fixedCollection' ? property.options : undefined;
	if (groups?.length !== 1) return place;
	return {
		path: `${place.path}.${groups[0].name}`,
		fallback: property.typeOptions?.multipleValues ? [] : {},
		locator: false,
	};
}

function placesOf(properties: INodeProperties[], names: string[]): Map<string, ParameterPlace> {
	const places = new Map<string, ParameterPlace>();
	for (const name of names) {
		const top = properties.filter((property) => property.name === name);
		if (top.length) {
			const locator = top.some((property) => property.type === 'resourceLocator');
			// A parameter shown only for some choices is absent otherwise: it then reads as its default,
			// when every definition of it agrees on one.
			const defaults = new Set(top.map((property) => JSON.stringify(property.default)));
			const place = {
				path: name,
				fallback:
					!locator && defaults.size === 1 && !String(top[0].default).startsWith('=')
						? top[0].default
						: undefined,
				locator,
			};
			places.set(name, top.length === 1 ? groupOf(place, top[0]) : place);
			continue;
		}
		const collection = properties.find(
			(property) =>
				property.type === 'collection' &&
				(property.options as INodeProperties[] | undefined)?.some((option) => option.name === name),
		);
		const option = (collection?.options as INodeProperties[] | undefined)?.find(
			(entry) => entry.name === name,
		);
		if (!collection || !option) throw new Error(`No parameter "${name}" among the properties`);
		places.set(
			name,
			groupOf(
				{
					path: `${collection.name}.${name}`,
					fallback: option.default,
					locator: option.type === 'resourceLocator',
				},
				option,
			),
		);
	}
	return places;
}

/** Where a node context's parameters come from: an operation's item, or a poll (which has no items). */
export type ParameterReader<R> = {
	(ctx: IExecuteFunctions, itemIndex: number): R;
	(ctx: IPollFunctions): R;
};

/** A reader's schema: an object keyed by parameter names, optionally refined as a whole. */
export type ParameterSchema<T extends z.ZodRawShape, R> =
	| z.ZodObject<T>
	| z.ZodEffects<z.ZodObject<T>, R, unknown>;

export interface ParameterReaderOptions<T extends z.ZodRawShape> {
	/**
	 * A parameter read only in some cases: given the values read before it (in the schema's key
	 * order), what it reads as instead, or undefined to read it (e.g. Limit, not read with Return All).
	 */
	notRead?: { [K in keyof T]?: (read: IDataObject) => unknown };
}

/**
 * Reads and validates a node's parameters, named once: the schema's keys are the parameter names,
 * and the properties say where each is (top level, or in which collection) and what an unset option
 * reads as. A key no property declares is an error when the reader is made. An operation reads per
 * item (`read(ctx, itemIndex)`), a poll once (`read(ctx)`).
 */
export function parameterReader<T extends z.ZodRawShape, R = z.output<z.ZodObject<T>>>(
	properties: INodeProperties[],
	schema: ParameterSchema<T, R>,
	{ notRead = {} }: ParameterReaderOptions<T> = {},
): ParameterReader<R> {
	const object = schema instanceof z.ZodEffects ? schema.innerType() : schema;
	const places = [...placesOf(properties, Object.keys(object.shape))].map(([name, place]) => ({
		name,
		place,
		instead: (notRead as Record<string, ((read: IDataObject) => unknown) | undefined>)[name],
	}));
	return (ctx: IExecuteFunctions | IPollFunctions, itemIndex?: number) => {
		const raw: IDataObject = {};
		for (const { name, place, instead } of places) {
			const given = instead?.(raw);
			const value =
				given !== undefined
					? given
					: nodeParameter(
							ctx,
							place.path,
							itemIndex,
							place.fallback,
							place.locator ? EXTRACT_VALUE : undefined,
						);
			raw[name] = value as IDataObject[string];
		}
		return validateParameters(ctx, schema as z.ZodType<R, z.ZodTypeDef, unknown>, raw, itemIndex);
	};
}

const EXTRACT_VALUE: IGetNodeParameterOptions = { extractValue: true };

/**
 * A parameter as n8n reads it: for an item in an operation, once in a poll or a list search (whose
 * contexts have no items and take no item index). Without a fallback, n8n's own error when it is absent.
 */
export function nodeParameter(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	path: string,
	itemIndex: number | undefined,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
): unknown {
	if ('getInputData' in ctx) {
		const item = itemIndex ?? 0;
		if (options) return ctx.getNodeParameter(path, item, fallback, options);
		return fallback === undefined
			? ctx.getNodeParameter(path, item)
			: ctx.getNodeParameter(path, item, fallback);
	}
	const once = ctx as { getNodeParameter(...args: unknown[]): unknown };
	if (options) return once.getNodeParameter(path, fallback, options);
	return fallback === undefined
		? once.getNodeParameter(path)
		: once.getNodeParameter(path, fallback);
}
