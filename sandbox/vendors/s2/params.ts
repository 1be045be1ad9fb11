import { HttpError } from '../../core/http-error';
import type { SandboxRequest } from '../../core/request';

/** The documented address object: every key required, "" when there is no value. */
export const ADDRESS_KEYS = [
	'name',
	'company',
	'address1',
	'address2',
	'city',
	'state',
	'postalCode',
	'countryId',
	'phone',
	'email',
] as const;

export type Address = Record<(typeof ADDRESS_KEYS)[number], string>;

export interface Line {
	productId: string;
	quantity: number;
}

export interface NewShipment {
	items: Line[];
	prepaidLabels: Array<{ filePath: string }>;
	shippingCarrierId?: string;
	trackingNumber?: string;
}

export interface NewFulfillment {
	orderId?: string;
	rmaId?: string;
	address: Address;
	warehouseId?: string;
	channelFulfillmentId?: string;
	orderAccountId?: string;
	accountCode?: string;
	orderType?: number;
	shippingMethod: string;
	items: Line[];
	shipments: NewShipment[];
	attachments: Array<{ fileName: string; path: string }>;
	additionalReferenceIds: string[];
	signatureRequired?: boolean;
	method?: number;
	customerNote?: string;
}

export function invalid(message: string): never {
	throw new HttpError(400, message);
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function optionalText(body: Loose, key: string): string | undefined {
	const value = body[key];
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') invalid(`${key} must be a string`);
	return value;
}

function array(value: unknown, field: string): unknown[] {
	if (!Array.isArray(value))
		invalid(
			`${field} is required and must be an array${field === 'attachments' ? ' (pass [] if there is no value)' : ''}`,
		);
	return value;
}

function lines(value: unknown, field: string): Line[] {
	const entries = array(value, field);
	if (entries.length === 0) invalid(`${field} must not be empty`);
	return entries.map((entry, index) => {
		if (!isObject(entry))
			invalid(`${field}[${index}] must be an object with productId and quantity`);
		if (typeof entry.productId !== 'string' || entry.productId === '')
			invalid(`${field}[${index}].productId is required`);
		if (!Number.isInteger(entry.quantity) || (entry.quantity as number) < 1)
			invalid(`${field}[${index}].quantity must be a positive integer`);
		return { productId: entry.productId, quantity: entry.quantity as number };
	});
}

function address(value: unknown): Address {
	if (!isObject(value)) invalid('address is required and must be an object');
	for (const key of ADDRESS_KEYS) {
		if (typeof value[key] !== 'string')
			invalid(`address.${key} is required (pass an empty string if there is no value)`);
	}
	if (!/^[A-Z]{2}$/.test(value.countryId as string))
		invalid('address.countryId must be an ISO 3166-1 alpha-2 country code such as "US"');
	return Object.fromEntries(ADDRESS_KEYS.map((key) => [key, value[key]])) as Address;
}

function enumInt(body: Loose, key: string, max: number): number | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max)
		invalid(`${key} must be an integer from 0 to ${max}`);
	return value as number;
}

/** `POST /fulfillment` as s2-fulfillment-order-api.txt describes it; the store checks what needs data. */
export function parseFulfillment(request: SandboxRequest): NewFulfillment {
	const body = request.json();
	if (!isObject(body)) invalid('The request body must be a JSON object');
	if (typeof body.shippingMethod !== 'string')
		invalid('shippingMethod is required (pass an empty string or "standard" if there is no value)');
	const shipments = array(body.shipments, 'shipments').map((entry, index): NewShipment => {
		if (!isObject(entry)) invalid(`shipments[${index}] must be an object`);
		const labels = array(entry.prepaidLabels, `shipments[${index}].prepaidLabels`).map(
			(label, labelIndex) => {
				if (!isObject(label) || typeof label.filePath !== 'string' || label.filePath === '')
					invalid(`shipments[${index}].prepaidLabels[${labelIndex}].filePath is required`);
				return { filePath: label.filePath };
			},
		);
		return {
			items: lines(entry.items, `shipments[${index}].items`),
			prepaidLabels: labels,
			shippingCarrierId: optionalText(entry, 'shippingCarrierId'),
			trackingNumber: optionalText(entry, 'trackingNumber'),
		};
	});
	const attachments = array(body.attachments, 'attachments').map((entry, index) => {
		if (!isObject(entry) || typeof entry.fileName !== 'string' || typeof entry.path !== 'string')
			invalid(`attachments[${index}] must have fileName and path`);
		return { fileName: entry.fileName, path: entry.path };
	});
	const references = body.additionalReferenceIds ?? [];
	if (!Array.isArray(references) || references.some((id) => typeof id !== 'string'))
		invalid('additionalReferenceIds must be an array of strings');
	if (
		body.signatureRequired !== undefined &&
		body.signatureRequired !== null &&
		typeof body.signatureRequired !== 'boolean'
	)
		invalid('signatureRequired must be a boolean');
	return {
		orderId: optionalText(body, 'orderId'),
		rmaId: optionalText(body, 'rmaId'),
		address: address(body.address),
		warehouseId: optionalText(body, 'warehouseId'),
		channelFulfillmentId: optionalText(body, 'channelFulfillmentId'),
		orderAccountId: optionalText(body, 'orderAccountId'),
		accountCode: optionalText(body, 'accountCode'),
		orderType: enumInt(body, 'orderType', 2),
		shippingMethod: body.shippingMethod,
		items: lines(body.items, 'items'),
		shipments,
		attachments,
		additionalReferenceIds: references as string[],
		signatureRequired: (body.signatureRequired as boolean | null | undefined) ?? undefined,
		method: enumInt(body, 'method', 2),
		customerNote: optionalText(body, 'customerNote'),
	};
}
