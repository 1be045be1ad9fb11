import { HttpError } from '../../core/http-error';
import type { VendorContext } from '../../core/vendor';
import {
	CUSTOMERS,
	PRODUCTS,
	PROVIDER_NAMES,
	PROVIDER_SUPPORT,
	SANDBOX_USER,
	WAREHOUSES,
	type Activity,
	type BulkVoidJob,
	type BulkVoidResults,
	type Fulfillment,
	type FulfillmentOrder,
	type FulfillmentStatus,
	type FulfillmentType,
	type InventoryMovement,
	type ProviderAction,
} from './model';

export const FIRST_FULFILLMENT_ID = 1001;

export interface NewFulfillment {
	status?: FulfillmentStatus;
	fulfillmentType?: FulfillmentType;
	/** Number of lines (1-5, default 2). */
	lines?: number;
	/** Default: a number for submitted and fulfilled ones, none for unsubmitted. */
	trackingNumber?: string | null;
	cost?: number;
	submittedToChannel?: boolean;
	archived?: boolean;
	/** The provider already shipped it (resync from provider then marks it fulfilled). */
	providerShipped?: boolean;
	warehouseId?: number;
	createdAt?: Date;
}

export type VoidRefusal = 'voided' | 'shipped' | 'sales_channel';

const REFUSALS: Record<VoidRefusal, string> = {
	voided: 'The shipment is already voided.',
	shipped: 'The shipment has shipped; shipped shipments can only be voided by a forced bulk void.',
	sales_channel: 'The tracking was already submitted to the sales channel.',
};

/** Laravel's JSON date form, to the second: `2026-05-20T09:14:00.000000Z`. */
export function laravelTime(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, '.000000Z');
}

/** All SKU.io data of one sandbox, and every change it makes (recorded in the ledger). */
export class Store {
	private readonly fulfillments = new Map<number, Fulfillment>();
	private readonly orders = new Map<number, FulfillmentOrder>();
	private activities: Activity[] = [];
	private movements: InventoryMovement[] = [];
	private readonly jobs = new Map<number, BulkVoidJob>();
	private next = {
		fulfillment: FIRST_FULFILLMENT_ID,
		line: 1,
		order: 7001,
		activity: 1,
		movement: 1,
		job: 1,
	};

	constructor(private readonly context: VendorContext) {}

	private now(): string {
		return laravelTime(this.context.clock.now());
	}

	clear(): void {
		this.fulfillments.clear();
		this.orders.clear();
		this.activities = [];
		this.movements = [];
		this.jobs.clear();
		this.next = {
			fulfillment: FIRST_FULFILLMENT_ID,
			line: 1,
			order: 7001,
			activity: 1,
			movement: 1,
			job: 1,
		};
	}

	get(id: number): Fulfillment | undefined {
		const fulfillment = this.fulfillments.get(id);
		return fulfillment && structuredClone(fulfillment);
	}

	/** A 404 in Laravel's words when there is no such fulfillment. */
	require(id: number): Fulfillment {
		const fulfillment = this.fulfillments.get(id);
		if (!fulfillment)
			throw new HttpError(
				404,
				`No query results for model [App\\Models\\SalesOrderFulfillment] ${id}`,
			);
		return fulfillment;
	}

	/** Every fulfillment, voided ones included, by id. */
	all(): Fulfillment[] {
		return [...this.fulfillments.values()]
			.sort((a, b) => a.id - b.id)
			.map((f) => structuredClone(f));
	}

	fulfillmentOrder(id: number): FulfillmentOrder | undefined {
		const order = this.orders.get(id);
		return order && { ...order };
	}

	activityOf(fulfillmentId: number): Activity[] {
		return this.activities
			.filter((entry) => entry.fulfillment_id === fulfillmentId)
			.map((entry) => structuredClone(entry));
	}

	movementsOf(fulfillmentId: number): InventoryMovement[] {
		return this.movements
			.filter((movement) => movement.fulfillment_id === fulfillmentId)
			.map((movement) => ({ ...movement }));
	}

	job(id: number): BulkVoidJob | undefined {
		const job = this.jobs.get(id);
		return job && structuredClone(job);
	}

	create(input: NewFulfillment, cause: string): Fulfillment {
		const id = this.next.fulfillment++;
		const status = input.status ?? 'submitted';
		const type = input.fulfillmentType ?? 'shipstation';
		const warehouse =
			WAREHOUSES.find((w) => w.id === input.warehouseId) ?? WAREHOUSES[id % WAREHOUSES.length];
		const createdAt = laravelTime(input.createdAt ?? this.context.clock.now());
		const lines = Array.from({ length: input.lines ?? 2 }, (_, i) => {
			const product = PRODUCTS[(id + i) % PRODUCTS.length];
			return {
				id: this.next.line++,
				product_id: product.id,
				sku: product.sku,
				product_name: product.name,
				description: product.description,
				quantity: 1 + ((id + i) % 3),
				unit_cost: product.unit_cost,
				unit_price: product.unit_price,
			};
		});
		const quantity = lines.reduce((sum, line) => sum + line.quantity, 0);
		const salesOrderId = 50_000 + id;
		const order: FulfillmentOrder = {
			id: this.next.order++,
			sales_order_id: salesOrderId,
			status: 'Closed',
			submission_status: status === 'unsubmitted' ? 'Unsubmitted' : 'Submitted',
			remaining_quantity: 0,
		};
		this.orders.set(order.id, order);
		const tracking =
			input.trackingNumber !== undefined
				? input.trackingNumber
				: status === 'unsubmitted'
					? null
					: `1Z${String(id).padStart(10, '0')}`;
		const fulfillment: Fulfillment = {
			id,
			fulfillment_number: `SO-${salesOrderId}.1`,
			status,
			fulfillment_type: type,
			sales_order_id: salesOrderId,
			sales_order_number: `SO-${salesOrderId}`,
			customer_name: CUSTOMERS[id % CUSTOMERS.length],
			fulfillment_order_id: order.id,
			warehouse_id: warehouse.id,
			warehouse_name: warehouse.name,
			tracking_number: tracking,
			cost: input.cost ?? Math.round((4.5 + (id % 7) * 1.25) * 100) / 100,
			requested_shipping_method: 'Ground',
			requested_shipping_method_manual: null,
			fulfillment_shipping_method: type === 'manual' ? null : 'UPS Ground',
			fulfillment_shipping_method_manual: type === 'manual' ? 'Local courier' : null,
			fulfilled_at: status === 'fulfilled' ? createdAt : null,
			packing_slip_printed_at: status === 'unsubmitted' ? null : createdAt,
			submitted_to_sales_channel_at: input.submittedToChannel ? createdAt : null,
			archived_at: input.archived ? createdAt : null,
			voided_at: null,
			voided_by_user_id: null,
			void_reason: null,
			created_at: createdAt,
			updated_at: createdAt,
			lines,
			provider_order:
				type === 'manual'
					? null
					: {
							provider: type,
							external_id: `${type.toUpperCase()}-${id}`,
							status: input.providerShipped || status === 'fulfilled' ? 'shipped' : 'open',
							tracking_number: input.providerShipped ? `PRV${id}` : tracking,
							synced_at: null,
							sync_count: 0,
						},
		};
		this.fulfillments.set(id, fulfillment);
		for (const line of lines) {
			for (const [type, inventoryStatus] of [
				['sale', 'active'],
				['allocation', 'allocated'],
			] as const) {
				this.movements.push({
					id: this.next.movement++,
					fulfillment_id: id,
					fulfillment_line_id: line.id,
					product_id: line.product_id,
					sku: line.sku,
					product_name: line.product_name,
					warehouse_id: warehouse.id,
					type,
					inventory_status: inventoryStatus,
					quantity: -line.quantity,
					reference: fulfillment.fulfillment_number,
					reverses_movement_id: null,
					reversed_at: null,
					created_at: createdAt,
				});
			}
		}
		this.log(
			fulfillment,
			'created',
			`Fulfillment ${fulfillment.fulfillment_number} created (${quantity} units)`,
			{
				attributes: { status, fulfillment_type: type },
			},
		);
		for (const line of lines) {
			this.log(
				fulfillment,
				'created',
				`Line ${line.sku} × ${line.quantity} added`,
				{ attributes: { sku: line.sku, quantity: line.quantity } },
				line.id,
			);
		}
		this.context.recordChange({ entity: 'fulfillment', id, from: null, to: status, cause });
		return structuredClone(fulfillment);
	}

	/** A status change made outside the API (control route / tests), e.g. unsubmitted → submitted. */
	setStatus(id: number, status: FulfillmentStatus, cause: string): Fulfillment {
		const fulfillment = this.require(id);
		const from = fulfillment.status;
		fulfillment.status = status;
		if (status === 'fulfilled' && !fulfillment.fulfilled_at) fulfillment.fulfilled_at = this.now();
		this.touch(fulfillment, 'updated', `Status changed from ${from} to ${status}`, {
			old: { status: from },
			attributes: { status },
		});
		this.context.recordChange({ entity: 'fulfillment', id, from, to: status, cause });
		return structuredClone(fulfillment);
	}

	/** The provider side ships the order (what a later Resync from Provider picks up). */
	providerShips(id: number, trackingNumber: string): Fulfillment {
		const fulfillment = this.require(id);
		if (!fulfillment.provider_order)
			throw new HttpError(409, `Fulfillment ${id} has no provider order`);
		fulfillment.provider_order.status = 'shipped';
		fulfillment.provider_order.tracking_number = trackingNumber;
		return structuredClone(fulfillment);
	}

	clearChannelSubmission(id: number, cause: string): Fulfillment {
		const fulfillment = this.require(id);
		const from = fulfillment.submitted_to_sales_channel_at;
		fulfillment.submitted_to_sales_channel_at = null;
		this.touch(fulfillment, 'channel_submission_cleared', 'Sales channel submission cleared', {
			old: { submitted_to_sales_channel_at: from },
		});
		this.context.recordChange({ entity: 'channel_submission', id, from, to: null, cause });
		return structuredClone(fulfillment);
	}

	submitToChannel(id: number, cause: string): Fulfillment {
		const fulfillment = this.require(id);
		if (fulfillment.voided_at)
			throw new HttpError(400, 'A voided shipment cannot be submitted to the sales channel.');
		if (!fulfillment.tracking_number)
			throw new HttpError(422, 'The fulfillment has no tracking number to submit.', {
				details: {
					errors: { tracking_number: ['The fulfillment has no tracking number to submit.'] },
				},
			});
		const from = fulfillment.submitted_to_sales_channel_at;
		fulfillment.submitted_to_sales_channel_at = this.now();
		this.touch(
			fulfillment,
			'submitted_to_channel',
			`Tracking ${fulfillment.tracking_number} submitted to the sales channel`,
			{
				attributes: { tracking_number: fulfillment.tracking_number },
			},
		);
		this.context.recordChange({
			entity: 'channel_submission',
			id,
			from,
			to: fulfillment.submitted_to_sales_channel_at,
			cause,
		});
		return structuredClone(fulfillment);
	}

	/** Whether the fulfillment's provider supports the action (SKU.io answers 200 with success false when not). */
	supports(id: number, action: ProviderAction): boolean {
		return PROVIDER_SUPPORT[action].includes(this.require(id).fulfillment_type);
	}

	providerAction(
		id: number,
		action: ProviderAction,
		cause: string,
	): { message: string; fulfillment: Fulfillment } {
		const fulfillment = this.require(id);
		const provider = fulfillment.provider_order;
		const name = PROVIDER_NAMES[fulfillment.fulfillment_type];
		if (!provider) throw new HttpError(400, 'The fulfillment has no provider order.');
		if (fulfillment.voided_at) throw new HttpError(400, 'The shipment is voided.');
		let message: string;
		if (action === 'resync-to-provider') {
			if (fulfillment.status !== 'submitted')
				throw new HttpError(
					400,
					`Only submitted fulfillments can be resynced to ${name} (this one is ${fulfillment.status}).`,
				);
			provider.sync_count++;
			provider.synced_at = this.now();
			message = `Fulfillment resynced to ${name}.`;
			this.touch(fulfillment, 'resynced_to_provider', message, {
				attributes: { sync_count: provider.sync_count },
			});
		} else if (action === 'resync-from-provider') {
			const old = { status: fulfillment.status, tracking_number: fulfillment.tracking_number };
			if (provider.tracking_number) fulfillment.tracking_number = provider.tracking_number;
			if (provider.status === 'shipped' && fulfillment.status !== 'fulfilled') {
				fulfillment.status = 'fulfilled';
				fulfillment.fulfilled_at = this.now();
			}
			provider.synced_at = this.now();
			message = `Fulfillment updated from ${name}.`;
			this.touch(fulfillment, 'resynced_from_provider', message, {
				old,
				attributes: { status: fulfillment.status, tracking_number: fulfillment.tracking_number },
			});
			if (old.status !== fulfillment.status)
				this.context.recordChange({
					entity: 'fulfillment',
					id,
					from: old.status,
					to: fulfillment.status,
					cause,
				});
		} else {
			if (provider.status === 'canceled')
				throw new HttpError(400, `The ${name} order is already canceled.`);
			if (provider.status === 'shipped')
				throw new HttpError(400, `The ${name} order has shipped and cannot be canceled.`);
			provider.status = 'canceled';
			message = `${name} order ${provider.external_id} canceled.`;
			this.touch(fulfillment, 'provider_order_canceled', message, {
				attributes: { provider_status: 'canceled' },
			});
		}
		this.context.recordChange({ entity: 'provider_order', id, from: null, to: action, cause });
		return { message, fulfillment: structuredClone(fulfillment) };
	}

	updateShippingDetails(
		id: number,
		changes: { tracking_number?: string | null; cost?: number },
		cause: string,
	): Fulfillment {
		const fulfillment = this.require(id);
		const old = { tracking_number: fulfillment.tracking_number, cost: fulfillment.cost };
		if (changes.tracking_number !== undefined)
			fulfillment.tracking_number = changes.tracking_number;
		if (changes.cost !== undefined) fulfillment.cost = changes.cost;
		this.touch(fulfillment, 'shipping_details_updated', 'Shipping details edited', {
			old,
			attributes: changes,
		});
		this.context.recordChange({ entity: 'shipping_details', id, from: old, to: changes, cause });
		return structuredClone(fulfillment);
	}

	/** Why the shipment cannot be voided; `checkDeletable: false` skips the soft (sales channel) check. */
	voidRefusals(
		id: number,
		options: { checkDeletable: boolean; force: boolean },
	): Partial<Record<VoidRefusal, string>> {
		const fulfillment = this.require(id);
		const reasons: Partial<Record<VoidRefusal, string>> = {};
		if (fulfillment.voided_at) reasons.voided = REFUSALS.voided;
		else if (fulfillment.status === 'fulfilled' && !options.force)
			reasons.shipped = REFUSALS.shipped;
		else if (options.checkDeletable && fulfillment.submitted_to_sales_channel_at)
			reasons.sales_channel = REFUSALS.sales_channel;
		return reasons;
	}

	/**
	 * The soft void: inventory movements reversed, the fulfillment order reopened with its quantity
	 * restored, the carrier order canceled, and the record kept with status canceled and the void columns set.
	 */
	void(id: number, reason: string | null, cause: string): Fulfillment {
		const fulfillment = this.require(id);
		const now = this.now();
		const from = fulfillment.status;
		for (const movement of this.movements.filter(
			(m) => m.fulfillment_id === id && !m.reversed_at && !m.reverses_movement_id,
		)) {
			movement.reversed_at = now;
			this.movements.push({
				...movement,
				id: this.next.movement++,
				quantity: -movement.quantity,
				reference: `Void of ${fulfillment.fulfillment_number}`,
				reverses_movement_id: movement.id,
				reversed_at: null,
				created_at: now,
			});
		}
		const order = this.orders.get(fulfillment.fulfillment_order_id);
		if (order) {
			order.status = 'Open';
			order.submission_status = 'Unsubmitted';
			order.remaining_quantity += fulfillment.lines.reduce((sum, line) => sum + line.quantity, 0);
		}
		if (fulfillment.provider_order && fulfillment.provider_order.status === 'open')
			fulfillment.provider_order.status = 'canceled';
		fulfillment.status = 'canceled';
		fulfillment.voided_at = now;
		fulfillment.voided_by_user_id = SANDBOX_USER.id;
		fulfillment.void_reason = reason;
		this.touch(fulfillment, 'voided', `Shipment voided${reason ? `: ${reason}` : ''}`, {
			old: { status: from },
			attributes: { status: 'canceled', void_reason: reason },
		});
		this.context.recordChange({ entity: 'fulfillment', id, from, to: 'canceled', cause });
		return structuredClone(fulfillment);
	}

	/** Voids each id it can; shipped ones without `force` need confirmation instead. */
	bulkVoid(
		ids: number[],
		options: { force: boolean; reason: string | null; cause: string },
	): BulkVoidResults {
		const results: BulkVoidResults = { voided: [], needs_confirmation: [], failed: [] };
		for (const id of ids) {
			const fulfillment = this.fulfillments.get(id);
			if (!fulfillment) {
				results.failed.push({ id, reason: 'Not found.' });
				continue;
			}
			const refusals = this.voidRefusals(id, { checkDeletable: false, force: options.force });
			if (refusals.voided) results.failed.push({ id, reason: refusals.voided });
			else if (refusals.shipped)
				results.needs_confirmation.push({
					id,
					fulfillment_number: fulfillment.fulfillment_number,
					reason: refusals.shipped,
				});
			else {
				this.void(id, options.reason, options.cause);
				results.voided.push({ id, fulfillment_number: fulfillment.fulfillment_number });
			}
		}
		return results;
	}

	/** A background job as SKU.io runs one for more than 30 shipments (here it completes at once). */
	startBulkVoidJob(
		ids: number[],
		options: { force: boolean; reason: string | null; cause: string },
	): BulkVoidJob {
		const job: BulkVoidJob = {
			id: this.next.job++,
			type: 'bulk_void',
			status: 'completed',
			total: ids.length,
			results: this.bulkVoid(ids, options),
			created_at: this.now(),
		};
		this.jobs.set(job.id, job);
		this.context.recordChange({
			entity: 'tracked_job',
			id: job.id,
			from: null,
			to: 'completed',
			cause: options.cause,
		});
		return structuredClone(job);
	}

	private touch(
		fulfillment: Fulfillment,
		event: string,
		description: string,
		properties: Record<string, unknown>,
	): void {
		fulfillment.updated_at = this.now();
		this.log(fulfillment, event, description, properties);
	}

	/** An activity entry on the fulfillment, or on one of its lines when `lineId` is given. */
	private log(
		fulfillment: Fulfillment,
		event: string,
		description: string,
		properties: Record<string, unknown>,
		lineId?: number,
	): void {
		this.activities.push({
			id: this.next.activity++,
			fulfillment_id: fulfillment.id,
			subject_type: lineId === undefined ? 'SalesOrderFulfillment' : 'SalesOrderFulfillmentLine',
			subject_id: lineId ?? fulfillment.id,
			event,
			description,
			causer_name: SANDBOX_USER.name,
			properties,
			created_at: this.now(),
		});
	}
}
