import type { IDataObject } from 'n8n-workflow';
import { isJsonObject } from '../shared/validation';

/** What became of one shipment in a bulk void; `not_reported` when SKU.io's answer does not mention it. */
export type VoidOutcome = 'voided' | 'needs_confirmation' | 'failed' | 'not_reported';

export type BulkVoidAnswer =
	| { kind: 'job'; job: IDataObject }
	| { kind: 'results'; results: Map<number, IDataObject> };

/**
 * Where SKU.io lists each outcome. Only `needs_confirmation` is named by the vendor; the others are the
 * sandbox's reading, and a `results: [{id, status}]` list is understood too (see the README).
 */
const BUCKETS: Array<[string, VoidOutcome]> = [
	['voided', 'voided'],
	['needs_confirmation', 'needs_confirmation'],
	['failed', 'failed'],
	['errors', 'failed'],
];

function idOf(entry: unknown): number | undefined {
	const raw =
		typeof entry === 'object' && entry !== null
			? ((entry as IDataObject).id ?? (entry as IDataObject).sales_order_fulfillment_id)
			: entry;
	const id = Number(raw);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function outcomeOfStatus(status: unknown): VoidOutcome {
	if (status === 'voided' || status === 'needs_confirmation') return status;
	return 'failed';
}

/** The vendor's own words for why a shipment was not voided, if its entry gives any. */
function vendorReason(entry: IDataObject): string | undefined {
	for (const key of ['reason', 'message', 'error']) {
		const value = entry[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

const NOT_VOIDED: Record<'needs_confirmation' | 'failed', string> = {
	needs_confirmation:
		'Not voided: SKU.io asks for confirmation (the shipment has shipped). Run Bulk Void again with Force to void it.',
	failed: 'Not voided: SKU.io refused to void this shipment.',
};

/**
 * One output object per shipment: the vendor's entry, its id, the outcome, a clear needs_confirmation
 * flag and `voided` (true or false when SKU.io said so; left out when its answer does not tell). A
 * shipment SKU.io did not void says so in `message`, with SKU.io's reason, never passing for a void.
 */
export function shipmentResult(
	id: number,
	outcome: VoidOutcome,
	entry: IDataObject = {},
): IDataObject {
	const reason = vendorReason(entry);
	return {
		...entry,
		id,
		result: outcome,
		needs_confirmation: outcome === 'needs_confirmation',
		...(outcome === 'not_reported'
			? { message: 'SKU.io returned no result for this shipment' }
			: { voided: outcome === 'voided' }),
		...(outcome === 'needs_confirmation' || outcome === 'failed'
			? { message: reason ? `${NOT_VOIDED[outcome]} SKU.io: ${reason}` : NOT_VOIDED[outcome] }
			: {}),
	};
}

/**
 * Reads a bulk void answer: a background job (`tracked_job_log_id`, for more than 30 shipments) or
 * per-shipment results keyed by fulfillment id.
 */
export function readBulkVoidAnswer(body: unknown): BulkVoidAnswer {
	const outer = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	const inner = outer.data;
	const data = isJsonObject(inner) ? { ...outer, ...inner } : outer;
	if (data.tracked_job_log_id !== undefined && data.tracked_job_log_id !== null) {
		const job = { ...data };
		delete job.data;
		return { kind: 'job', job };
	}
	const results = new Map<number, IDataObject>();
	const add = (entry: unknown, outcome: VoidOutcome) => {
		const id = idOf(entry);
		if (id === undefined || results.has(id)) return;
		const fields = typeof entry === 'object' && entry !== null ? (entry as IDataObject) : {};
		results.set(id, shipmentResult(id, outcome, fields));
	};
	for (const [key, outcome] of BUCKETS) {
		const list = data[key];
		if (Array.isArray(list)) for (const entry of list) add(entry, outcome);
	}
	if (Array.isArray(data.results)) {
		for (const entry of data.results as IDataObject[]) add(entry, outcomeOfStatus(entry?.status));
	}
	return { kind: 'results', results };
}
