import { HttpError } from '../../core/http-error';
import type { SandboxRequest } from '../../core/request';
import type { VendorContext } from '../../core/vendor';

/** The documented fulfillment statuses, plus NOT_DELIVERED that one copy of the reference lists. */
export const FULFILLMENT_STATUSES = [
	'DELIVERED',
	'FULFILLED',
	'UNFULFILLED',
	'PARTIALLY_FULFILLED',
	'AWAITING_SHIPMENT',
	'SCHEDULED',
	'ON_HOLD',
	'ATTEMPTED_DELIVERY',
	'CARRIER_PICKED_UP',
	'CONFIRMED',
	'DELAYED',
	'FAILURE',
	'IN_TRANSIT',
	'LABEL_PRINTED',
	'LABEL_PURCHASED',
	'OUT_FOR_DELIVERY',
	'PICKED_UP',
	'READY_FOR_PICKUP',
	'NOT_DELIVERED',
];

export interface Order {
	storeId: string;
	sourceOrderId: string;
	items: Array<{ sourceItemId: string; quantity: number }>;
}

export interface Fulfillment {
	sourceOrderId: string;
	sourceFulfillmentId: string;
	fulfillmentStatus: string;
	sourceItemIds: Array<{ sourceItemId: string; quantity: number }>;
	trackingCompany: string | null;
	trackingNumber: string[];
	trackingUrl: string[];
	createdAt: string;
	updatedAt: string;
}

type Loose = Record<string, unknown>;

function invalid(message: string): never {
	throw new HttpError(400, message);
}

function objectBody(request: SandboxRequest): Loose {
	const body = request.json();
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		invalid('The request body must be a JSON object');
	return body as Loose;
}

function status(value: unknown, field: string): string {
	if (typeof value !== 'string' || !FULFILLMENT_STATUSES.includes(value))
		invalid(`${field} must be one of the following values: ${FULFILLMENT_STATUSES.join(', ')}`);
	return value;
}

function strings(value: unknown, field: string): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
		invalid(`${field} must be an array of strings`);
	return value as string[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function dateTime(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
		invalid(`${field} must be an ISO 8601 date-time such as 2024-03-20T12:00:00Z`);
	return new Date(value).toISOString();
}

/** Orders per store (keyed by the store platform's order ID) with their fulfillments. */
export class Orders {
	private readonly orders = new Map<string, Order>();
	private readonly fulfillments = new Map<string, Fulfillment[]>();

	constructor(private readonly context: VendorContext) {}

	private key(storeId: string, sourceOrderId: string) {
		return `${storeId}\u0000${sourceOrderId}`;
	}

	add(order: Order, cause: string): Order {
		const key = this.key(order.storeId, order.sourceOrderId);
		if (this.orders.has(key))
			throw new HttpError(409, `Order ${order.sourceOrderId} already exists in ${order.storeId}`);
		this.orders.set(key, order);
		this.fulfillments.set(key, []);
		this.context.recordChange({
			entity: 'order',
			id: order.sourceOrderId,
			from: null,
			to: 'created',
			cause,
		});
		return structuredClone(order);
	}

	private listOf(
		storeId: string,
		sourceOrderId: string,
	): { order: Order; fulfillments: Fulfillment[] } {
		const key = this.key(storeId, sourceOrderId);
		const order = this.orders.get(key);
		if (!order) throw new HttpError(404, `Order ${sourceOrderId} not found`);
		return { order, fulfillments: this.fulfillments.get(key) as Fulfillment[] };
	}

	list(storeId: string, sourceOrderId: string): Fulfillment[] {
		return structuredClone(this.listOf(storeId, sourceOrderId).fulfillments);
	}

	/** `POST /v1/orders/{sourceOrderId}/fulfillments` per orderprotection-create-fulfillment.txt. */
	create(storeId: string, sourceOrderId: string, request: SandboxRequest): void {
		const { order, fulfillments } = this.listOf(storeId, sourceOrderId);
		const body = objectBody(request);
		if (!Array.isArray(body.sourceItemIds) || body.sourceItemIds.length === 0)
			invalid('sourceItemIds must be a non-empty array of {sourceItemId, quantity}');
		const items = body.sourceItemIds.map((entry: unknown, index: number) => {
			const item = (entry ?? {}) as Loose;
			if (typeof item.sourceItemId !== 'string' || item.sourceItemId === '')
				invalid(`sourceItemIds[${index}].sourceItemId must be a string`);
			if (!Number.isInteger(item.quantity) || (item.quantity as number) < 1)
				invalid(`sourceItemIds[${index}].quantity must be a positive integer`);
			if (!order.items.some((line) => line.sourceItemId === item.sourceItemId))
				invalid(
					`sourceItemIds[${index}].sourceItemId '${item.sourceItemId}' is not an item of order ${sourceOrderId}`,
				);
			return { sourceItemId: item.sourceItemId, quantity: item.quantity as number };
		});
		const fulfillmentStatus = status(body.fulfillmentStatus, 'fulfillmentStatus');
		if (typeof body.sourceFulfillmentId !== 'string' || body.sourceFulfillmentId === '')
			invalid('sourceFulfillmentId must be a string');
		if (fulfillments.some((existing) => existing.sourceFulfillmentId === body.sourceFulfillmentId))
			throw new HttpError(
				409,
				`Fulfillment ${body.sourceFulfillmentId as string} already exists on order ${sourceOrderId}`,
			);
		if (
			body.trackingCompany !== undefined &&
			body.trackingCompany !== null &&
			typeof body.trackingCompany !== 'string'
		)
			invalid('trackingCompany must be a string');
		const trackingNumber = strings(body.trackingNumber, 'trackingNumber');
		const trackingUrl = strings(body.trackingUrl, 'trackingUrl');
		if (trackingUrl.length > 0 && trackingUrl.length !== trackingNumber.length)
			invalid('trackingUrl must have one URL per tracking number (the arrays are parallel)');
		const now = this.context.clock.now().toISOString();
		const fulfillment: Fulfillment = {
			sourceOrderId,
			sourceFulfillmentId: body.sourceFulfillmentId,
			fulfillmentStatus,
			sourceItemIds: items,
			trackingCompany: (body.trackingCompany as string | undefined) ?? null,
			trackingNumber,
			trackingUrl,
			createdAt: dateTime(body.createdAt, 'createdAt') ?? now,
			updatedAt: dateTime(body.updatedAt, 'updatedAt') ?? now,
		};
		fulfillments.push(fulfillment);
		this.context.recordChange({
			entity: 'fulfillment',
			id: fulfillment.sourceFulfillmentId,
			from: null,
			to: fulfillmentStatus,
			cause: request.cause,
		});
	}

	/** `PUT …/fulfillments/{sourceFulfillmentId}` with `{status}`. */
	update(
		storeId: string,
		sourceOrderId: string,
		sourceFulfillmentId: string,
		request: SandboxRequest,
	): void {
		const { fulfillments } = this.listOf(storeId, sourceOrderId);
		const fulfillment = fulfillments.find(
			(existing) => existing.sourceFulfillmentId === sourceFulfillmentId,
		);
		if (!fulfillment)
			throw new HttpError(
				404,
				`Fulfillment ${sourceFulfillmentId} not found on order ${sourceOrderId}`,
			);
		const next = status(objectBody(request).status, 'status');
		const from = fulfillment.fulfillmentStatus;
		fulfillment.fulfillmentStatus = next;
		fulfillment.updatedAt = this.context.clock.now().toISOString();
		this.context.recordChange({
			entity: 'fulfillment',
			id: sourceFulfillmentId,
			from,
			to: next,
			cause: request.cause,
		});
	}

	all(): Array<Order & { fulfillments: Fulfillment[] }> {
		return [...this.orders.entries()].map(([key, order]) =>
			structuredClone({ ...order, fulfillments: this.fulfillments.get(key) ?? [] }),
		);
	}

	clear(): void {
		this.orders.clear();
		this.fulfillments.clear();
	}
}
