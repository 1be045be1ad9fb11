import { HttpError } from '../../core/http-error';
import type { VendorContext } from '../../core/vendor';

/** The partner's queues (shipperone-fulfillment-partner.txt). */
export const QUEUES = ['pending_accept', 'pending_shipment', 'failed'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface Line {
	item_id: number;
	qty: number;
}

export interface Track {
	carrier_code: string;
	title: string;
	track_number: string;
}

interface Item {
	item_id: number;
	sku: string;
	name: string;
	qty_ordered: number;
	price: number;
	decided: boolean;
	qty_accepted: number;
	qty_allocated: number;
	qty_shipped: number;
	/** Sandbox time of the acceptance, for the allocation timer. */
	acceptedAtMs?: number;
}

interface Shipment {
	shipment_id: number;
	items: Line[];
	tracks: Track[];
	extra: Record<string, unknown>;
	created_at: string;
	/** Same items and tracks → the same shipment: re-sending it is a no-op. */
	fingerprint: string;
}

interface Order {
	seq: number;
	order_id: string;
	warehouse_code: string;
	created_at: string;
	updated_at: string;
	/** Per-order consent to partial accept/ship. */
	partials_enabled: boolean;
	failure?: { reason: string };
	items: Item[];
	shipments: Shipment[];
}

export interface NewOrder {
	items: Array<{ sku: string; name: string; qty: number; price: number }>;
	warehouseCode: string;
	partials: boolean;
	/** Where the order starts. */
	queue: QueueName;
	/** "yyyy-mm-dd hh:mm:ss"; default now. */
	updatedAt?: string;
}

export interface Settings {
	/** Tenant-wide: partial accept/ship (subsets and partial quantities) for every order. */
	partials: boolean;
	/**
	 * Plays the ERP's allocation by a timer: accepted items are allocated this many seconds after
	 * acceptance (0 = at once). `null`: only the control route allocates.
	 */
	allocateAfterSeconds: number | null;
}

export const DEFAULT_SETTINGS: Settings = { partials: false, allocateAfterSeconds: null };
const FIRST_ORDER_SEQ = 10001;
const FIRST_ITEM_ID = 55501;

/** "yyyy-mm-dd hh:mm:ss" in UTC, the form of the `date` filter. */
export function sqlTime(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

function invalid(message: string, parameters?: unknown[]): never {
	throw new HttpError(400, message, { details: parameters });
}

function itemStatus(item: Item): string {
	if (!item.decided) return 'pending_accept';
	if (item.qty_accepted === 0) return 'rejected';
	if (item.qty_allocated < item.qty_accepted) return 'pending_allocation';
	if (item.qty_shipped < item.qty_allocated)
		return item.qty_shipped > 0 ? 'partially_shipped' : 'pending_shipment';
	return 'shipped';
}

function orderStatus(order: Order): string {
	if (order.failure) return 'failed';
	const statuses = order.items.map(itemStatus);
	if (statuses.every((status) => status === 'rejected')) return 'rejected';
	if (statuses.includes('pending_accept')) {
		return statuses.every((status) => status === 'pending_accept')
			? 'pending_accept'
			: 'partially_accepted';
	}
	if (statuses.includes('pending_allocation')) return 'pending_allocation';
	if (statuses.some((status) => status === 'pending_shipment' || status === 'partially_shipped')) {
		return order.items.some((item) => item.qty_shipped > 0)
			? 'partially_shipped'
			: 'pending_shipment';
	}
	return 'pending_invoice';
}

const QUEUE_MEMBERSHIP: Record<QueueName, (order: Order) => boolean> = {
	pending_accept: (order) => !order.failure && order.items.some((item) => !item.decided),
	pending_shipment: (order) =>
		!order.failure && order.items.some((item) => item.qty_shipped < item.qty_allocated),
	failed: (order) => order.failure !== undefined,
};

/** Queue listings of pending_accept and failed leave out prices and totals, as the document says. */
const PRICED_QUEUES: readonly QueueName[] = ['pending_shipment'];

/** ShipperOne's fulfillment orders, their items and the lifecycle; every change goes to the ledger. */
export class Orders {
	private readonly orders = new Map<string, Order>();
	private nextSeq = FIRST_ORDER_SEQ;
	private nextItemId = FIRST_ITEM_ID;
	private nextShipmentId = 1;
	settings: Settings = { ...DEFAULT_SETTINGS };

	constructor(private readonly context: VendorContext) {}

	private now(): string {
		return sqlTime(this.context.clock.now());
	}

	/** The order as the API shows it. */
	view(order: Order, priced = true): Record<string, unknown> {
		const status = orderStatus(order);
		return {
			order_id: order.order_id,
			status,
			warehouse_code: order.warehouse_code,
			created_at: order.created_at,
			updated_at: order.updated_at,
			partials_enabled: order.partials_enabled,
			...(order.failure && { failure_reason: order.failure.reason }),
			items: order.items.map((item) => ({
				item_id: item.item_id,
				sku: item.sku,
				name: item.name,
				qty_ordered: item.qty_ordered,
				qty_accepted: item.qty_accepted,
				qty_rejected: item.decided ? item.qty_ordered - item.qty_accepted : 0,
				qty_shipped: item.qty_shipped,
				status: itemStatus(item),
				...(priced && { price: item.price, row_total: round(item.price * item.qty_ordered) }),
			})),
			...(priced && {
				currency_code: 'EUR',
				grand_total: round(
					order.items.reduce((sum, item) => sum + item.price * item.qty_ordered, 0),
				),
			}),
			tracks: order.shipments.flatMap((shipment) => shipment.tracks),
		};
	}

	get(orderId: string): Record<string, unknown> | undefined {
		this.settle();
		const order = this.orders.get(orderId);
		return order && this.view(order);
	}

	all(): Array<Record<string, unknown>> {
		this.settle();
		return this.sorted().map((order) => this.view(order));
	}

	/** The queue, oldest order first, optionally only orders updated at or after `date`. */
	queue(name: QueueName, date?: string): Array<Record<string, unknown>> {
		this.settle();
		return this.sorted()
			.filter(
				(order) =>
					QUEUE_MEMBERSHIP[name](order) && (date === undefined || order.updated_at >= date),
			)
			.map((order) => this.view(order, PRICED_QUEUES.includes(name)));
	}

	/** One page of the queue; only the page's orders are turned into their API view. */
	queuePage(
		name: QueueName,
		date: string | undefined,
		start: number,
		size: number,
	): Array<Record<string, unknown>> {
		this.settle();
		return this.sorted()
			.filter(
				(order) =>
					QUEUE_MEMBERSHIP[name](order) && (date === undefined || order.updated_at >= date),
			)
			.slice(start, start + size)
			.map((order) => this.view(order, PRICED_QUEUES.includes(name)));
	}

	create(input: NewOrder, cause: string): Record<string, unknown> {
		const seq = this.nextSeq++;
		const time = input.updatedAt ?? this.now();
		const order: Order = {
			seq,
			order_id: `FO-${String(seq).padStart(9, '0')}`,
			warehouse_code: input.warehouseCode,
			created_at: time,
			updated_at: time,
			partials_enabled: input.partials,
			items: input.items.map((item) => ({
				item_id: this.nextItemId++,
				sku: item.sku,
				name: item.name,
				qty_ordered: item.qty,
				price: item.price,
				decided: input.queue === 'pending_shipment',
				qty_accepted: input.queue === 'pending_shipment' ? item.qty : 0,
				qty_allocated: input.queue === 'pending_shipment' ? item.qty : 0,
				qty_shipped: 0,
			})),
			shipments: [],
			...(input.queue === 'failed' && {
				failure: { reason: 'Allocation failed: no stock at the warehouse' },
			}),
		};
		this.orders.set(order.order_id, order);
		this.context.recordChange({
			entity: 'fulfillmentOrder',
			id: order.order_id,
			from: null,
			to: orderStatus(order),
			cause,
		});
		return this.view(order);
	}

	/** Accept with per-item qty; qty 0 rejects. All checks pass before anything changes. */
	accept(orderId: string, lines: Line[], cause: string): Record<string, unknown> {
		const order = this.require(orderId);
		if (order.failure)
			invalid('Fulfillment order %1 is in the failed queue and cannot be accepted.', [orderId]);
		const items = this.itemsFor(order, lines);
		const partials = this.partialsFor(order);
		const decisions: Array<{ item: Item; qty: number }> = [];
		for (const [index, line] of lines.entries()) {
			const item = items[index];
			if (item.decided) {
				if (item.qty_accepted !== line.qty) {
					invalid('Item %1 was already decided with qty %2; a decision cannot be changed.', [
						item.item_id,
						item.qty_accepted,
					]);
				}
				continue;
			}
			if (line.qty > item.qty_ordered) {
				invalid('The qty %1 of item %2 exceeds its ordered qty %3.', [
					line.qty,
					item.item_id,
					item.qty_ordered,
				]);
			}
			if (line.qty > 0 && line.qty !== item.qty_ordered && !partials) {
				invalid(
					'The qty of item %1 must equal its ordered qty %2: partial-quantity acceptance is not enabled for fulfillment order %3.',
					[item.item_id, item.qty_ordered, orderId],
				);
			}
			decisions.push({ item, qty: line.qty });
		}
		if (!partials) this.requireAll(order, lines, order.items, 'acceptance');
		if (decisions.length === 0) return this.view(order);
		const acceptedAtMs = this.context.clock.now().getTime();
		this.change(order, cause, () => {
			for (const { item, qty } of decisions) {
				item.decided = true;
				item.qty_accepted = qty;
				item.acceptedAtMs = acceptedAtMs;
			}
		});
		this.settle();
		return this.view(order);
	}

	/** Ship some or all of the allocated items with one or more tracks. */
	ship(
		orderId: string,
		lines: Line[],
		tracks: Track[],
		extra: Record<string, unknown>,
		cause: string,
	) {
		this.settle();
		const order = this.require(orderId);
		if (order.failure)
			invalid('Fulfillment order %1 is in the failed queue and cannot be shipped.', [orderId]);
		const items = this.itemsFor(order, lines);
		const fingerprint = JSON.stringify([
			[...lines].sort((a, b) => a.item_id - b.item_id),
			tracks.map((track) => [track.carrier_code, track.title, track.track_number]).sort(),
		]);
		if (order.shipments.some((shipment) => shipment.fingerprint === fingerprint))
			return this.view(order);
		const partials = this.partialsFor(order);
		const left = (item: Item) => item.qty_allocated - item.qty_shipped;
		for (const [index, line] of lines.entries()) {
			const item = items[index];
			if (left(item) <= 0)
				invalid('Item %1 is not ready to ship (status %2).', [item.item_id, itemStatus(item)]);
			if (line.qty > left(item)) {
				invalid('The qty %1 of item %2 exceeds the %3 left to ship.', [
					line.qty,
					item.item_id,
					left(item),
				]);
			}
			if (line.qty !== left(item) && !partials) {
				invalid(
					'The qty of item %1 must be %2, all that is left to ship: partial shipment is not enabled for fulfillment order %3.',
					[item.item_id, left(item), orderId],
				);
			}
		}
		if (!partials)
			this.requireAll(
				order,
				lines,
				order.items.filter((item) => left(item) > 0),
				'shipment',
			);
		return this.change(order, cause, () => {
			lines.forEach((line, index) => (items[index].qty_shipped += line.qty));
			order.shipments.push({
				shipment_id: this.nextShipmentId++,
				items: lines,
				tracks,
				extra,
				created_at: this.now(),
				fingerprint,
			});
		});
	}

	/** The allocation timer: allocates what has waited long enough, as the ERP would have by now. */
	settle(): void {
		const delay = this.settings.allocateAfterSeconds;
		if (delay === null) return;
		const due = this.context.clock.now().getTime() - delay * 1000;
		for (const order of this.sorted()) {
			const waiting = order.items.filter(
				(item) => item.qty_allocated < item.qty_accepted && (item.acceptedAtMs ?? 0) <= due,
			);
			if (waiting.length === 0 || order.failure) continue;
			this.change(order, 'ERP allocation (sandbox timer)', () =>
				waiting.forEach((item) => (item.qty_allocated = item.qty_accepted)),
			);
		}
	}

	/** The ERP confirms allocation of the accepted items: they appear in pending_shipment. */
	allocate(orderId: string, cause: string): Record<string, unknown> {
		const order = this.require(orderId);
		const waiting = order.items.filter((item) => item.qty_allocated < item.qty_accepted);
		if (waiting.length === 0 || order.failure) {
			throw new HttpError(
				409,
				`Fulfillment order ${orderId} has nothing awaiting allocation (status ${orderStatus(order)})`,
			);
		}
		return this.change(order, cause, () =>
			waiting.forEach((item) => (item.qty_allocated = item.qty_accepted)),
		);
	}

	/** Allocates every order awaiting allocation; returns their IDs. */
	allocateAll(cause: string): string[] {
		const waiting = this.sorted().filter(
			(order) =>
				!order.failure && order.items.some((item) => item.qty_allocated < item.qty_accepted),
		);
		return waiting.map((order) => String(this.allocate(order.order_id, cause).order_id));
	}

	/** The order falls out of the active flow into the failed queue. */
	fail(orderId: string, reason: string, cause: string): Record<string, unknown> {
		const order = this.require(orderId);
		if (order.failure) throw new HttpError(409, `Fulfillment order ${orderId} is already failed`);
		return this.change(order, cause, () => (order.failure = { reason }));
	}

	/** Operator resolution: the order re-enters the active queue its items are in. */
	restore(orderId: string, cause: string): Record<string, unknown> {
		const order = this.require(orderId);
		if (!order.failure) throw new HttpError(409, `Fulfillment order ${orderId} is not failed`);
		return this.change(order, cause, () => delete order.failure);
	}

	setPartials(orderId: string, enabled: boolean, cause: string): Record<string, unknown> {
		const order = this.require(orderId);
		if (order.partials_enabled === enabled) return this.view(order);
		return this.change(order, cause, () => (order.partials_enabled = enabled));
	}

	clear(): void {
		this.orders.clear();
		this.nextSeq = FIRST_ORDER_SEQ;
		this.nextItemId = FIRST_ITEM_ID;
		this.nextShipmentId = 1;
		this.settings = { ...DEFAULT_SETTINGS };
	}

	private sorted(): Order[] {
		return [...this.orders.values()].sort((a, b) => a.seq - b.seq);
	}

	private require(orderId: string): Order {
		const order = this.orders.get(orderId);
		if (!order)
			throw new HttpError(404, 'No such entity with %1 = %2', { details: ['order_id', orderId] });
		return order;
	}

	private partialsFor(order: Order): boolean {
		return this.settings.partials || order.partials_enabled;
	}

	/** The order's item for each line; an ID from another order is a 400. */
	private itemsFor(order: Order, lines: Line[]): Item[] {
		return lines.map((line) => {
			const item = order.items.find((candidate) => candidate.item_id === line.item_id);
			if (!item)
				invalid('Item %1 does not belong to fulfillment order %2.', [line.item_id, order.order_id]);
			return item;
		});
	}

	/** Without partials, items[] must hold every item concerned: a subset is a 400. */
	private requireAll(order: Order, lines: Line[], required: Item[], what: string): void {
		const listed = new Set(lines.map((line) => line.item_id));
		const missing = required
			.filter((item) => !listed.has(item.item_id))
			.map((item) => item.item_id);
		if (missing.length > 0) {
			invalid(
				`items[] must list every item of fulfillment order %1 (missing: %2): partial ${what} is not enabled for it.`,
				[order.order_id, missing.join(', ')],
			);
		}
	}

	/** Applies a change, stamps updated_at and records the status move. */
	private change(order: Order, cause: string, apply: () => void): Record<string, unknown> {
		const from = orderStatus(order);
		apply();
		order.updated_at = this.now();
		this.context.recordChange({
			entity: 'fulfillmentOrder',
			id: order.order_id,
			from,
			to: orderStatus(order),
			cause,
		});
		return this.view(order);
	}
}

function round(amount: number): number {
	return Math.round(amount * 100) / 100;
}
