import { HttpError } from '../../core/http-error';
import { QUEUES, sqlTime, type NewOrder, type QueueName } from './orders';

export type SeedOptions = {
	/** How many orders (1-10000). */
	count: number;
	/** Where they start (default pending_accept). */
	queue?: QueueName;
	/** Items per order (1-20, default 2). */
	items?: number;
	/** Ordered qty of every item (1-1000); default 1, 2, 3, 1, … by item. */
	qty?: number;
	/** Per-order partial accept/ship consent (default false). */
	partials?: boolean;
	/** "yyyy-mm-dd hh:mm:ss" for created_at and updated_at (default now). */
	updatedAt?: string;
	warehouseCode?: string;
};

const MAX_SEED = 10_000;
const PRODUCTS = [
	{ sku: 'TSHIRT-BLK-M', name: 'T-shirt black M', price: 19.9 },
	{ sku: 'MUG-WHT', name: 'Mug white', price: 9.5 },
	{ sku: 'POSTER-A2', name: 'Poster A2', price: 24 },
	{ sku: 'CAP-NAVY', name: 'Cap navy', price: 14.9 },
];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks options from the control endpoint (a 400 HttpError when invalid). */
export function parseSeedOptions(input: Record<string, unknown>): SeedOptions {
	const known = ['count', 'queue', 'items', 'qty', 'partials', 'updatedAt', 'warehouseCode'];
	const unknown = Object.keys(input).filter((key) => !known.includes(key));
	if (unknown.length > 0)
		seedError(`unknown options: ${unknown.join(', ')} (known: ${known.join(', ')})`);
	const { count, queue, items, qty, partials, updatedAt, warehouseCode } = input;
	checkRange(count, 'count', 1, MAX_SEED, true);
	if (queue !== undefined && !QUEUES.includes(queue as QueueName))
		seedError(`queue must be one of: ${QUEUES.join(', ')}`);
	checkRange(items, 'items', 1, 20);
	checkRange(qty, 'qty', 1, 1000);
	if (partials !== undefined && typeof partials !== 'boolean')
		seedError('partials must be a boolean');
	if (
		updatedAt !== undefined &&
		(typeof updatedAt !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(updatedAt))
	)
		seedError('updatedAt must read yyyy-mm-dd hh:mm:ss');
	if (warehouseCode !== undefined && (typeof warehouseCode !== 'string' || warehouseCode === ''))
		seedError('warehouseCode must be a non-empty string');
	return input as unknown as SeedOptions;
}

export function seedPlan(options: SeedOptions): NewOrder[] {
	return Array.from({ length: options.count }, (_, n) => ({
		items: Array.from({ length: options.items ?? 2 }, (_, i) => {
			const product = PRODUCTS[(n + i) % PRODUCTS.length];
			return { ...product, qty: options.qty ?? 1 + (i % 3) };
		}),
		warehouseCode: options.warehouseCode ?? 'WH-1',
		partials: options.partials ?? false,
		queue: options.queue ?? 'pending_accept',
		updatedAt: options.updatedAt,
	}));
}

/** The same demo data on every start: mostly awaiting a decision, some to ship, a few failed. */
export function demoPlan(now: Date): NewOrder[] {
	const mix: Array<[QueueName, number]> = [
		['pending_accept', 120],
		['pending_shipment', 40],
		['failed', 6],
	];
	const plan = mix.flatMap(([queue, count]) =>
		seedPlan({ count, queue, items: 2 }).map((order, n) => ({ ...order, partials: n % 5 === 0 })),
	);
	return plan.map((order, n) => ({
		...order,
		updatedAt: sqlTime(new Date(now.getTime() - DAY_MS + n * 60_000)),
	}));
}

function checkRange(
	value: unknown,
	name: string,
	min: number,
	max: number,
	required = false,
): void {
	if (value === undefined && !required) return;
	if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
		seedError(`${name} must be an integer from ${min} to ${max}`);
}

function seedError(message: string): never {
	throw new HttpError(400, `Invalid ShipperOne seed: ${message}`);
}
