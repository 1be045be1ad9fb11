import type { IDataObject } from 'n8n-workflow';
import { isJsonObject, shown, z } from '../shared/validation';

/** One entry of the `items[]` the accept and ship calls take. */
export interface ItemLine {
	item_id: number;
	qty: number;
}

interface LineSpec {
	/** Where an id may sit; the first present one is used. */
	idFields: string[];
	/** Where a quantity may sit; none → the line's qty is `fixedQty`. */
	qtyFields: string[];
	qtyWord: string;
	minQty: number;
	/** Lines need no quantity of their own (reject all): every line gets this one. */
	fixedQty?: number;
}

/**
 * The queue's order schema is not published: the action payloads say `item_id`, the ERP guide says
 * `items[].id`, and Magento-based APIs call the ordered quantity `qty_ordered`. All are read.
 */
const ORDER_ID_FIELDS = ['item_id', 'id'];
const ORDERED_QTY_FIELDS = ['qty_ordered', 'qty', 'quantity'];
const LINE_ID_FIELDS = ['item_id', 'itemId', 'id'];
const LINE_QTY_FIELDS = ['qty', 'quantity'];

/** Numbers and numeric text ("2", "2.0000" as Magento sends decimals) that hold a whole number. */
function wholeNumber(value: unknown): number | undefined {
	const number =
		typeof value === 'string' && /^\s*-?\d+(\.0+)?\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

function firstField(
	entry: IDataObject,
	fields: string[],
): { field: string; value: unknown } | undefined {
	const field = fields.find(
		(name) => entry[name] !== undefined && entry[name] !== null && entry[name] !== '',
	);
	return field === undefined ? undefined : { field, value: entry[field] };
}

function asList(value: unknown, label: string, ctx: z.RefinementCtx): unknown[] | undefined {
	let list = value;
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			list = JSON.parse(value);
		} catch (error) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${label} is not valid JSON: ${(error as Error).message}`,
			});
			return undefined;
		}
	}
	if (!Array.isArray(list)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} must be a list of items, such as the items of an order from Get Many or the trigger (got ${shown(list)})`,
		});
		return undefined;
	}
	if (list.length === 0) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${label} is empty: there is no item to send`,
		});
		return undefined;
	}
	return list;
}

/** Reads every line, or reports the first problem naming the line and its field. */
function readLines(
	value: unknown,
	label: string,
	spec: LineSpec,
	ctx: z.RefinementCtx,
): ItemLine[] | undefined {
	const list = asList(value, label, ctx);
	if (!list) return undefined;
	const fail = (message: string) => {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}: ${message}` });
		return undefined;
	};
	const lines: ItemLine[] = [];
	const seen = new Set<number>();
	for (const [index, entry] of list.entries()) {
		const line = index + 1;
		if (!isJsonObject(entry)) {
			return fail(`line ${line} is not an item object (got ${shown(entry)})`);
		}
		const id = firstField(entry, spec.idFields);
		if (!id) return fail(`line ${line} has no item ID (${spec.idFields.join(' or ')})`);
		const itemId = wholeNumber(id.value);
		if (itemId === undefined || itemId < 1) {
			return fail(
				`line ${line} has an invalid ${id.field} (got ${shown(id.value)}); item IDs are positive integers`,
			);
		}
		if (seen.has(itemId)) return fail(`item ${itemId} appears more than once`);
		seen.add(itemId);
		if (spec.fixedQty !== undefined) {
			lines.push({ item_id: itemId, qty: spec.fixedQty });
			continue;
		}
		const qty = firstField(entry, spec.qtyFields);
		if (!qty) return fail(`item ${itemId} has no ${spec.qtyWord} (${spec.qtyFields.join(', ')})`);
		const amount = wholeNumber(qty.value);
		if (amount === undefined || amount < spec.minQty) {
			return fail(
				`item ${itemId} has an invalid ${qty.field} (got ${shown(qty.value)}); it must be a whole number of at least ${spec.minQty}`,
			);
		}
		lines.push({ item_id: itemId, qty: amount });
	}
	return lines;
}

function lineSchema(label: string, spec: LineSpec) {
	return z.unknown().transform((value, ctx) => readLines(value, label, spec, ctx) ?? z.NEVER);
}

/** The order's own items, each at its ordered quantity (accept all, ship all). */
export const orderedLines = (label: string) =>
	lineSchema(label, {
		idFields: ORDER_ID_FIELDS,
		qtyFields: ORDERED_QTY_FIELDS,
		qtyWord: 'ordered quantity',
		minQty: 1,
	});

/** The order's own items, each at quantity 0 (reject all: quantities are not needed). */
export const rejectedLines = (label: string) =>
	lineSchema(label, {
		idFields: ORDER_ID_FIELDS,
		qtyFields: [],
		qtyWord: '',
		minQty: 0,
		fixedQty: 0,
	});

/** Lines the user lists: item ID + quantity, at least `minQty` each. */
export const listedLines = (label: string, minQty: number) =>
	lineSchema(label, {
		idFields: LINE_ID_FIELDS,
		qtyFields: LINE_QTY_FIELDS,
		qtyWord: 'quantity',
		minQty,
	});
