import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { optionsCollection } from './description';
import { booleanFlag, isJsonObject, parameterReader, z } from './validation';

/**
 * The common status vocabulary every vendor's statuses map onto (docs/normalized-summary.md has the
 * table per vendor). `unknown` is a status the mapping does not know; the vendor's own word is
 * always kept in `vendorStatus`.
 */
export const SUMMARY_STATUSES = [
	'pending',
	'processing',
	'partially_shipped',
	'shipped',
	'delivered',
	'cancelled',
	'failed',
	'unknown',
] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

export interface SummaryItem {
	sku: string | null;
	quantity: number | null;
	/** The vendor's own id of the line or product, as text. */
	itemId: string | null;
}

export interface SummaryTracking {
	carrier: string | null;
	number: string | null;
	url: string | null;
}

/** The normalized `fulfillment` summary: the same fields for every vendor, `null` where it does not say. */
export interface FulfillmentSummary extends IDataObject {
	vendor: string;
	orderId: string | null;
	fulfillmentId: string | null;
	status: SummaryStatus;
	vendorStatus: string | null;
	/** `null` when the vendor object does not list its items (e.g. a list row without lines). */
	items: SummaryItem[] | null;
	/** `null` when the vendor object does not say (Sellfern never does). */
	tracking: SummaryTracking[] | null;
	createdAt: string | null;
	updatedAt: string | null;
}

/** The output field the summary goes in, beside the vendor's object. */
export const SUMMARY_FIELD = 'fulfillment';
/** Used instead when the vendor's object already has a `fulfillment` field of its own. */
export const SUMMARY_FALLBACK_FIELD = 'normalizedFulfillment';

/** The value as text, or null: ids arrive as numbers from some vendors and as strings from others. */
export function text(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return null;
}

/** A whole, non-negative quantity (numeric text such as Magento's "2.0000" included), or null. */
export function quantity(value: unknown): number | null {
	const number =
		typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
}

export const objectOf = (value: unknown): IDataObject => (isJsonObject(value) ? value : {});
export const listOf = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? value.filter(isJsonObject) : [];

/** Looks a vendor status up in its table, ignoring case and spacing; unmapped → `unknown`. */
export function mapStatus(
	table: Record<string, SummaryStatus>,
	value: unknown,
): { status: SummaryStatus; vendorStatus: string | null } {
	const vendorStatus = text(value);
	if (vendorStatus === null) return { status: 'unknown', vendorStatus };
	const key = vendorStatus.toLowerCase().replace(/[\s-]+/g, '_');
	return { status: table[key] ?? 'unknown', vendorStatus };
}

/** Keeps tracking entries that say anything, without repeating the same one. */
export function distinctTracking(entries: SummaryTracking[]): SummaryTracking[] {
	const seen = new Set<string>();
	return entries.filter((entry) => {
		if (entry.carrier === null && entry.number === null && entry.url === null) return false;
		const key = JSON.stringify([entry.carrier, entry.number, entry.url]);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The vendor's object with the summary beside it; the vendor's own fields are never replaced. */
export function withSummary(raw: IDataObject, summary: FulfillmentSummary): IDataObject {
	const field = SUMMARY_FIELD in raw ? SUMMARY_FALLBACK_FIELD : SUMMARY_FIELD;
	return { ...raw, [field]: summary };
}

/**
 * The node version from which the summary is on unless turned off. Version 1 nodes output what they
 * always did, unless the option is added and on.
 */
export const SUMMARY_SINCE = 1.1;

/** The "Add Normalized Summary" option, for the Options collection of every operation that outputs orders or fulfillments. */
export const summaryOption: INodeProperties = {
	displayName: 'Add Normalized Summary',
	name: 'addSummary',
	type: 'boolean',
	default: true,
	description:
		'Whether to add a "fulfillment" field beside the vendor\'s object, with the same fields for every vendor: order and fulfillment IDs, a common status, items (SKU, quantity), tracking (carrier, number, URL) and timestamps. On unless turned off (in nodes of version 1: off unless turned on).',
};

const addSummarySchema = z.object({ addSummary: booleanFlag('Add Normalized Summary') });
const readSummaryOption = parameterReader([optionsCollection([summaryOption])], addSummarySchema);
/** Version 1 nodes: the option not set reads as off. */
const readSummaryOptionV1 = parameterReader(
	[optionsCollection([{ ...summaryOption, default: false }])],
	addSummarySchema,
);

/** Whether the item's Add Normalized Summary option is on; not set, it is on from version 1.1. */
export function readAddSummary(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const read = ctx.getNode().typeVersion >= SUMMARY_SINCE ? readSummaryOption : readSummaryOptionV1;
	return read(ctx, itemIndex).addSummary;
}

/** Adds the summary to every emitted item (a trigger's output, where every item is a vendor object). */
export function addSummaries(
	items: INodeExecutionData[],
	summarize: (raw: IDataObject) => FulfillmentSummary,
): INodeExecutionData[] {
	return items.map((item) => ({ ...item, json: withSummary(item.json, summarize(item.json)) }));
}

/** The output with the summary of `raw` beside it when `add` is on (`raw` is the unsimplified object). */
export function summarized(
	add: boolean,
	summarize: (raw: IDataObject) => FulfillmentSummary,
	output: IDataObject,
	raw: IDataObject = output,
): IDataObject {
	if (!add || !isJsonObject(output) || !isJsonObject(raw)) return output;
	return withSummary(output, summarize(raw));
}

/** A trigger's poll result with the summary beside every emitted vendor object. */
export function summarizePoll(
	emitted: INodeExecutionData[][] | null,
	summarize: (raw: IDataObject) => FulfillmentSummary,
): INodeExecutionData[][] | null {
	return emitted && emitted.map((items) => addSummaries(items, summarize));
}
