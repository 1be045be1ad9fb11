import { HttpError } from '../../core/http-error';
import { STATUSES, type NewOrder, type OrderStatus } from './orders';

export type SeedOptions = {
	/** How many orders (1-10000). */
	count: number;
	status?: OrderStatus;
	/** Default: none for Pending Cost, New and Cancelled orders, `sup_sandbox` for the others. */
	supplierId?: string | null;
	/** Default: one above the highest existing order id (1001 when empty). */
	startId?: number;
	storeId?: string;
};

const MINUTE_MS = 60_000;
const MAX_SEED = 10_000;
const DEMO_SUPPLIERS = ['sup_100', 'sup_200', 'sup_300', 'sup_789'];
const DEMO_STORES = ['store_eu', 'store_us', 'store_uk'];
/** Demo mix of 300 orders: most awaiting action, some before and after it. */
const DEMO_MIX: Array<[OrderStatus, number]> = [
	['Pending Cost', 30],
	['New', 120],
	['In Production', 80],
	['Shipped', 35],
	['Complete', 25],
	['Cancelled', 10],
];

/** Checks options from the control endpoint (a 400 HttpError when invalid). */
export function parseSeedOptions(input: Record<string, unknown>): SeedOptions {
	const known = ['count', 'status', 'supplierId', 'startId', 'storeId'];
	const unknown = Object.keys(input).filter((key) => !known.includes(key));
	if (unknown.length > 0)
		seedError(`unknown options: ${unknown.join(', ')} (known: ${known.join(', ')})`);
	const { count, status, supplierId, startId, storeId } = input;
	if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_SEED)
		seedError(`count must be an integer from 1 to ${MAX_SEED}`);
	if (status !== undefined && !STATUSES.includes(status as OrderStatus))
		seedError(`status must be one of: ${STATUSES.join(', ')}`);
	if (
		supplierId !== undefined &&
		supplierId !== null &&
		(typeof supplierId !== 'string' || supplierId === '')
	)
		seedError('supplierId must be a non-empty string or null');
	if (startId !== undefined && !(Number.isSafeInteger(startId) && (startId as number) >= 1))
		seedError('startId must be a positive integer');
	if (storeId !== undefined && (typeof storeId !== 'string' || storeId === ''))
		seedError('storeId must be a non-empty string');
	return input as unknown as SeedOptions;
}

/** `count` orders one minute apart, ending now. */
export function seedPlan(options: SeedOptions, firstId: number, now: Date): NewOrder[] {
	const status = options.status ?? 'New';
	const supplierId =
		options.supplierId !== undefined ? options.supplierId : defaultSupplier(status);
	return Array.from({ length: options.count }, (_, i) => ({
		orderId: firstId + i,
		status,
		supplierId,
		storeId: options.storeId,
		createdAt: new Date(now.getTime() - (options.count - 1 - i) * MINUTE_MS),
	}));
}

/** The same demo data on every start: statuses interleaved over the last ten days. */
export function demoPlan(firstId: number, now: Date): NewOrder[] {
	const statuses = DEMO_MIX.flatMap(([status, count]) => Array<OrderStatus>(count).fill(status));
	const random = mulberry32(20260520);
	for (let i = statuses.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[statuses[i], statuses[j]] = [statuses[j], statuses[i]];
	}
	const spacingMs = Math.floor((10 * 24 * 60 * MINUTE_MS) / statuses.length);
	return statuses.map((status, i) => ({
		orderId: firstId + i,
		status,
		supplierId: defaultSupplier(status) && DEMO_SUPPLIERS[i % DEMO_SUPPLIERS.length],
		storeId: DEMO_STORES[i % DEMO_STORES.length],
		createdAt: new Date(now.getTime() - (statuses.length - 1 - i) * spacingMs),
	}));
}

function defaultSupplier(status: OrderStatus): string | null {
	return ['Pending Cost', 'New', 'Cancelled'].includes(status) ? null : 'sup_sandbox';
}

/** A small seeded PRNG, so the demo data is the same on every start. */
function mulberry32(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function seedError(message: string): never {
	throw new HttpError(400, `Invalid Sellfern seed: ${message}`);
}
