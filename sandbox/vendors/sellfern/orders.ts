import { isoSeconds } from '../../core/clock';
import { HttpError } from '../../core/http-error';
import type { VendorContext } from '../../core/vendor';

export const STATUSES = [
	'Pending Cost',
	'New',
	'In Production',
	'Shipped',
	'Complete',
	'Cancelled',
] as const;
export type OrderStatus = (typeof STATUSES)[number];

/** "Orders that are currently awaiting a fulfillment action". */
export const QUEUE_STATUSES = ['New', 'In Production'] as const satisfies readonly OrderStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface Order {
	order_id: number;
	status: OrderStatus;
	supplier_id: string | null;
	created_at: string;
	updated_at: string;
	store_id?: string;
}

export interface NewOrder {
	orderId: number;
	status: OrderStatus;
	supplierId: string | null;
	storeId?: string;
	/** Wanted creation time; moved later when needed so creation times keep increasing. */
	createdAt: Date;
}

export type AssignResult =
	| { order_id: number; status: 'ok'; supplier_id: string }
	| {
			order_id: number;
			status: 'error';
			supplier_id: string;
			error: { code: 'not_found' | 'invalid_status'; message: string };
	  };

const FIRST_ORDER_ID = 1001;

/** Sellfern's orders and their status machine; every change goes to the ledger. */
export class Orders {
	private readonly orders = new Map<number, Order>();
	private lastCreatedMs = 0;
	private highestId = FIRST_ORDER_ID - 1;
	// Sorted once per change, not per request: a page of a 100,000-order queue stays cheap.
	private sorted: Order[] | undefined;
	private readonly queues = new Map<string, Order[]>();

	constructor(private readonly context: VendorContext) {}

	get(orderId: number): Order | undefined {
		const order = this.orders.get(orderId);
		return order && { ...order };
	}

	/** All orders, by creation time then id (the queue's order). */
	all(): Order[] {
		return this.inOrder().map((order) => ({ ...order }));
	}

	queue(filter: { status?: QueueStatus; supplierId?: string }): Order[] {
		return this.matching(filter).map((order) => ({ ...order }));
	}

	/** One page of the queue (copies of its orders only) and the queue's length. */
	queuePage(
		filter: { status?: QueueStatus; supplierId?: string },
		start: number,
		size: number,
	): { items: Order[]; total: number } {
		const orders = this.matching(filter);
		return {
			items: orders.slice(start, start + size).map((order) => ({ ...order })),
			total: orders.length,
		};
	}

	nextId(): number {
		return this.highestId + 1;
	}

	private inOrder(): Order[] {
		this.sorted ??= [...this.orders.values()].sort((a, b) =>
			a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.order_id - b.order_id,
		);
		return this.sorted;
	}

	private matching(filter: { status?: QueueStatus; supplierId?: string }): Order[] {
		const key = JSON.stringify([filter.status, filter.supplierId]);
		let orders = this.queues.get(key);
		if (!orders) {
			const statuses: readonly OrderStatus[] = filter.status ? [filter.status] : QUEUE_STATUSES;
			orders = this.inOrder().filter(
				(order) =>
					statuses.includes(order.status) &&
					(filter.supplierId === undefined || order.supplier_id === filter.supplierId),
			);
			this.queues.set(key, orders);
		}
		return orders;
	}

	private changed(): void {
		this.sorted = undefined;
		this.queues.clear();
	}

	create(input: NewOrder, cause: string): Order {
		if (this.orders.has(input.orderId))
			throw new HttpError(409, `Order ${input.orderId} already exists`);
		const createdMs = Math.max(input.createdAt.getTime(), this.lastCreatedMs + 1000);
		this.lastCreatedMs = createdMs;
		const createdAt = isoSeconds(new Date(createdMs));
		const order: Order = {
			order_id: input.orderId,
			status: input.status,
			supplier_id: input.supplierId,
			created_at: createdAt,
			updated_at: createdAt,
			...(input.storeId !== undefined && { store_id: input.storeId }),
		};
		this.orders.set(order.order_id, order);
		this.highestId = Math.max(this.highestId, order.order_id);
		this.changed();
		this.context.recordChange({
			entity: 'order',
			id: order.order_id,
			from: null,
			to: order.status,
			cause,
		});
		return { ...order };
	}

	/**
	 * One result per entry of `orderIds`, in order, each judged on the state the earlier entries
	 * leave behind — so a repeated id fails as `invalid_status` — and the same whether or not `dryRun`.
	 */
	assign(
		orderIds: number[],
		supplierId: string,
		options: { dryRun: boolean; cause: string },
	): AssignResult[] {
		const assigned = new Set<number>();
		const results = orderIds.map((orderId): AssignResult => {
			const order = this.orders.get(orderId);
			if (!order) return failure(orderId, supplierId, 'not_found', `Order ${orderId} not found`);
			const status = assigned.has(orderId) ? 'In Production' : order.status;
			if (status !== 'New')
				return failure(
					orderId,
					supplierId,
					'invalid_status',
					`Order ${orderId} is ${status}; only New orders can be assigned`,
				);
			assigned.add(orderId);
			return { order_id: orderId, status: 'ok', supplier_id: supplierId };
		});
		if (!options.dryRun)
			for (const orderId of assigned)
				this.change(orderId, 'In Production', options.cause, supplierId);
		return results;
	}

	/** `undefined` when there is no such order. Setting the status it already has changes nothing. */
	setStatus(orderId: number, status: OrderStatus, cause: string): Order | undefined {
		if (!this.orders.has(orderId)) return undefined;
		return this.change(orderId, status, cause);
	}

	/** Costs resolved: Pending Cost → New. The order keeps its created_at, so it enters the queue among older ones. */
	markReady(orderId: number, cause: string): Order {
		const order = this.orders.get(orderId);
		if (!order) throw new HttpError(404, `Order ${orderId} not found`);
		if (order.status !== 'Pending Cost')
			throw new HttpError(
				409,
				`Order ${orderId} is ${order.status}; only Pending Cost orders can be marked ready`,
			);
		return this.change(orderId, 'New', cause);
	}

	clear(): void {
		this.orders.clear();
		this.lastCreatedMs = 0;
		this.highestId = FIRST_ORDER_ID - 1;
		this.changed();
	}

	private change(orderId: number, status: OrderStatus, cause: string, supplierId?: string): Order {
		const order = this.orders.get(orderId) as Order;
		const from = order.status;
		if (from === status && supplierId === undefined) return { ...order };
		order.status = status;
		if (supplierId !== undefined) order.supplier_id = supplierId;
		order.updated_at = isoSeconds(this.context.clock.now());
		this.changed();
		this.context.recordChange({ entity: 'order', id: orderId, from, to: status, cause });
		return { ...order };
	}
}

function failure(
	orderId: number,
	supplierId: string,
	code: 'not_found' | 'invalid_status',
	message: string,
): AssignResult {
	return { order_id: orderId, status: 'error', supplier_id: supplierId, error: { code, message } };
}
