import type { IDataObject } from 'n8n-workflow';
import { countryCode } from '../shared/countries';
import {
	isJsonObject,
	optionalString,
	positiveInteger,
	requiredString,
	shown,
	z,
} from '../shared/validation';

export const DEFAULT_CARRIER = 'OTHER';
export const DEFAULT_SHIPPING_METHOD = 'standard';
export const ORDER_TYPES = { B2C: 0, B2B: 1, FBA: 2 } as const;
export const METHODS = { SPD: 0, PICKUP: 1, LTL: 2 } as const;

type Issue = { message: string };

function fail(ctx: z.RefinementCtx, message: string): never {
	ctx.addIssue({ code: z.ZodIssueCode.custom, message });
	return z.NEVER as never;
}

function firstIssue(issues: Issue[]): string {
	return issues[0]?.message ?? 'is invalid';
}

/** A string the vendor requires as a key but allows empty: missing becomes "". */
function textOrEmpty(label: string) {
	return z.unknown().transform((value, ctx) => {
		if (value === undefined || value === null) return '';
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		if (typeof value === 'string') return value.trim();
		return fail(ctx, `${label} must be text (got ${shown(value)})`);
	});
}

function emailOrEmpty(label: string) {
	return textOrEmpty(label).superRefine((text, ctx) => {
		if (text !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text))
			fail(ctx, `${label} must be an email address (got "${text}")`);
	});
}

/** A list given as an array or as text separated by commas or new lines. */
function splitList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string')
		return value
			.split(/[\n,]+/)
			.map((part) => part.trim())
			.filter(Boolean);
	return value === undefined || value === null ? [] : [value];
}

/** Each element parsed by `element`; the first problem names its position: "Items 2: Quantity …". */
function listOf<T>(
	label: string,
	element: z.ZodType<T, z.ZodTypeDef, unknown>,
	options: { required?: string } = {},
) {
	return z.unknown().transform((value, ctx): T[] => {
		if (
			value !== undefined &&
			value !== null &&
			!Array.isArray(value) &&
			typeof value !== 'string'
		) {
			return fail(ctx, `${label} must be a list (got ${shown(value)})`);
		}
		const entries = splitList(value);
		if (options.required && entries.length === 0) return fail(ctx, options.required);
		const parsed: T[] = [];
		for (const [index, entry] of entries.entries()) {
			const result = element.safeParse(entry);
			if (!result.success)
				return fail(ctx, `${label} ${index + 1}: ${firstIssue(result.error.issues)}`);
			parsed.push(result.data);
		}
		return parsed;
	});
}

const objectOf = (label: string) => (value: unknown, ctx: z.RefinementCtx) => {
	if (!isJsonObject(value)) fail(ctx, `${label} must be an object (got ${shown(value)})`);
};

const productAndQuantity = z.object({
	productId: requiredString('Product ID'),
	quantity: positiveInteger('Quantity'),
});

/** `{productId, quantity}`, or the text "productId:quantity". */
const line = z.unknown().transform((value, ctx) => {
	let entry = value;
	if (typeof value === 'string') {
		const match = /^(.+?)\s*:\s*(\S+)$/.exec(value.trim());
		if (!match) return fail(ctx, `write it as productId:quantity (got ${shown(value)})`);
		entry = { productId: match[1], quantity: match[2] };
	}
	if (!isJsonObject(entry))
		return fail(ctx, `must be a product ID and quantity (got ${shown(value)})`);
	const result = productAndQuantity.safeParse(entry);
	return result.success ? result.data : fail(ctx, firstIssue(result.error.issues));
});

const prepaidLabel = z.unknown().transform((value, ctx) => {
	const filePath = isJsonObject(value) ? value.filePath : value;
	const result = requiredString('File path').safeParse(filePath);
	return result.success ? { filePath: result.data } : fail(ctx, firstIssue(result.error.issues));
});

const attachment = z
	.unknown()
	.superRefine(objectOf('An attachment'))
	.pipe(z.object({ fileName: requiredString('File Name'), path: requiredString('Path') }));

const shipment = z
	.unknown()
	.superRefine(objectOf('A shipment'))
	.pipe(
		z
			.object({
				items: listOf('Item', line),
				prepaidLabels: listOf('Prepaid label', prepaidLabel),
				shippingCarrierId: optionalString(),
				trackingNumber: optionalString(),
			})
			.passthrough(),
	);

const address = z
	.unknown()
	.superRefine(objectOf('Address'))
	.pipe(
		z
			.object({
				name: requiredString('Recipient Name (address.name)'),
				company: textOrEmpty('Company (address.company)'),
				address1: requiredString('Address Line 1 (address.address1)'),
				address2: textOrEmpty('Address Line 2 (address.address2)'),
				city: requiredString('City (address.city)'),
				state: textOrEmpty('State (address.state)'),
				postalCode: textOrEmpty('Postal Code (address.postalCode)'),
				countryId: countryCode('Country Code (address.countryId)'),
				phone: textOrEmpty('Phone (address.phone)'),
				email: emailOrEmpty('Email (address.email)'),
			})
			.passthrough(),
	);

/** A documented integer enum, also given by name ("B2B", "pickup") or as numeric text. */
function enumNumber(label: string, values: Record<string, number>) {
	return z.unknown().transform((value, ctx) => {
		if (value === undefined || value === null || value === '') return undefined;
		const byName = typeof value === 'string' ? values[value.trim().toUpperCase()] : undefined;
		const number =
			byName ?? (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value);
		if (typeof number === 'number' && Object.values(values).includes(number)) return number;
		const allowed = Object.entries(values)
			.map(([name, code]) => `${name} (${code})`)
			.join(', ');
		return fail(ctx, `${label} must be one of ${allowed} (got ${shown(value)})`);
	});
}

const optionalBoolean = (label: string) =>
	z.unknown().transform((value, ctx) => {
		if (value === undefined || value === null || value === '') return undefined;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		return fail(ctx, `${label} must be true or false (got ${shown(value)})`);
	});

const fulfillmentSchema = z
	.object({
		orderId: optionalString(),
		rmaId: optionalString(),
		address,
		warehouseId: optionalString(),
		channelFulfillmentId: optionalString(),
		orderAccountId: optionalString(),
		accountCode: optionalString(),
		orderType: enumNumber('Order Type (orderType)', ORDER_TYPES),
		shippingMethod: z.unknown().transform((value, ctx) => {
			if (value === undefined || value === null) return DEFAULT_SHIPPING_METHOD;
			if (typeof value !== 'string')
				return fail(ctx, `Shipping Method (shippingMethod) must be text (got ${shown(value)})`);
			return value.trim();
		}),
		items: listOf('Item', line, {
			required: 'Items are required: add at least one product ID and quantity',
		}),
		shipments: listOf('Shipment', shipment),
		attachments: listOf('Attachment', attachment),
		additionalReferenceIds: listOf('Additional Reference ID', requiredString('The ID')),
		signatureRequired: optionalBoolean('Signature Required (signatureRequired)'),
		method: enumNumber('Method (method)', METHODS),
		customerNote: optionalString(),
	})
	.passthrough();

/** Drops keys whose value is undefined, so optional fields the user left empty are not sent. */
function compact(object: Record<string, unknown>): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined),
	) as IDataObject;
}

/**
 * The body of `POST /fulfillment`, checked and completed: every address key present ("" when
 * empty), one shipment of all items when none is given, each shipment with its items (all items
 * when empty), a carrier (OTHER) and a prepaid label list, and empty arrays where S2 requires them.
 */
export const fulfillmentBody = z
	.unknown()
	.superRefine(objectOf('The fulfillment'))
	.pipe(fulfillmentSchema)
	.transform((input): IDataObject => {
		const shipments = (
			input.shipments.length ? input.shipments : [{ items: [], prepaidLabels: [] }]
		).map(
			(entry: {
				items: unknown[];
				prepaidLabels: unknown[];
				shippingCarrierId?: string;
				trackingNumber?: string;
			}) =>
				compact({
					...entry,
					items: entry.items.length ? entry.items : input.items,
					prepaidLabels: entry.prepaidLabels,
					shippingCarrierId: entry.shippingCarrierId ?? DEFAULT_CARRIER,
					trackingNumber: entry.trackingNumber,
				}),
		);
		return compact({
			...input,
			shipments,
			additionalReferenceIds: input.additionalReferenceIds.length
				? input.additionalReferenceIds
				: undefined,
		});
	});
