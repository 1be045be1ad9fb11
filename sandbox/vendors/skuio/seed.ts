import { HttpError } from '../../core/http-error';
import { FULFILLMENT_TYPES, STATUSES, type FulfillmentStatus, type FulfillmentType } from './model';
import type { NewFulfillment } from './store';

export type SeedOptions = Omit<NewFulfillment, 'createdAt'> & {
	/** How many fulfillments (1-5000). */
	count: number;
};

const MAX_SEED = 5000;
const MINUTE_MS = 60_000;

/** Checks options from the control endpoint (a 400 HttpError when invalid). */
export function parseSeedOptions(input: Record<string, unknown>): SeedOptions {
	const known = [
		'count',
		'status',
		'fulfillmentType',
		'lines',
		'trackingNumber',
		'cost',
		'submittedToChannel',
		'archived',
		'providerShipped',
		'warehouseId',
	];
	const unknown = Object.keys(input).filter((key) => !known.includes(key));
	if (unknown.length)
		seedError(`unknown options: ${unknown.join(', ')} (known: ${known.join(', ')})`);
	const { count, status, fulfillmentType, lines, trackingNumber, cost, warehouseId } = input;
	if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_SEED)
		seedError(`count must be an integer from 1 to ${MAX_SEED}`);
	if (status !== undefined && !STATUSES.includes(status as FulfillmentStatus))
		seedError(`status must be one of: ${STATUSES.join(', ')}`);
	if (
		fulfillmentType !== undefined &&
		!FULFILLMENT_TYPES.includes(fulfillmentType as FulfillmentType)
	)
		seedError(`fulfillmentType must be one of: ${FULFILLMENT_TYPES.join(', ')}`);
	if (
		lines !== undefined &&
		!(Number.isInteger(lines) && (lines as number) >= 1 && (lines as number) <= 5)
	)
		seedError('lines must be an integer from 1 to 5');
	if (trackingNumber !== undefined && trackingNumber !== null && typeof trackingNumber !== 'string')
		seedError('trackingNumber must be text or null');
	if (cost !== undefined && !(typeof cost === 'number' && cost >= 0))
		seedError('cost must be a number of at least 0');
	if (warehouseId !== undefined && warehouseId !== 1 && warehouseId !== 2)
		seedError('warehouseId must be 1 or 2');
	for (const flag of ['submittedToChannel', 'archived', 'providerShipped'])
		if (input[flag] !== undefined && typeof input[flag] !== 'boolean')
			seedError(`${flag} must be true or false`);
	return input as unknown as SeedOptions;
}

/** `count` fulfillments one minute apart, ending now. */
export function seedPlan(options: SeedOptions, now: Date): NewFulfillment[] {
	const { count, ...fields } = options;
	return Array.from({ length: count }, (_, i) => ({
		...fields,
		createdAt: new Date(now.getTime() - (count - 1 - i) * MINUTE_MS),
	}));
}

/** The same 60 demo fulfillments on every start: every type and status, some shipped at the provider or archived. */
export function demoPlan(now: Date): NewFulfillment[] {
	const statuses: FulfillmentStatus[] = [
		'submitted',
		'submitted',
		'fulfilled',
		'unsubmitted',
		'submitted',
		'fulfilled',
	];
	return Array.from({ length: 60 }, (_, i) => {
		const status = statuses[i % statuses.length];
		return {
			status,
			fulfillmentType: FULFILLMENT_TYPES[i % FULFILLMENT_TYPES.length],
			lines: 1 + (i % 4),
			submittedToChannel: status === 'fulfilled' && i % 4 === 0,
			archived: i % 29 === 28,
			providerShipped: status === 'submitted' && i % 5 === 0,
			createdAt: new Date(now.getTime() - (60 - i) * 90 * MINUTE_MS),
		};
	});
}

function seedError(message: string): never {
	throw new HttpError(400, `Invalid SKU.io seed: ${message}`);
}
