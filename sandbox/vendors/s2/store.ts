import { randomUUID } from 'node:crypto';
import { HttpError } from '../../core/http-error';
import type { VendorContext } from '../../core/vendor';
import {
	ORDER_ACCOUNT_ID,
	ORGANIZATIONS,
	PRODUCTS,
	WAREHOUSES,
	productRecord,
	warehouseRecord,
	type Product,
} from './catalog';
import type { Address, Line, NewFulfillment } from './params';

export interface Order {
	id: string;
	organizationId: string;
	channelOrderId: string;
	status: string;
	orderDate: string;
	accountId: string;
	referenceIds: string[];
	address: Address;
	items: Array<{ product: ReturnType<typeof productRecord>; quantity: number }>;
	createdAt: string;
	updatedAt: string;
}

export type Fulfillment = Record<string, unknown> & {
	id: string;
	organizationId: string;
	status: string;
	channelFulfillmentId: string | null;
	orderId: string | null;
	shipments: Shipment[];
};

type Shipment = Record<string, unknown> & {
	id: string;
	status: string;
	trackingNumber: string;
	trackingUrl: string;
	shippingCarrier: { id: string; name: string };
	labels: Array<Record<string, unknown>>;
};

const DEMO_ADDRESS: Address = {
	name: 'Jane Doe',
	company: '',
	address1: '100 Main Street',
	address2: '',
	city: 'Toronto',
	state: 'ON',
	postalCode: 'M5V 2T6',
	countryId: 'CA',
	phone: '',
	email: 'jane@example.com',
};

/** Orders and fulfillments per organization; every change goes to the ledger. */
export class S2Store {
	private readonly orders = new Map<string, Order>();
	private readonly fulfillments = new Map<string, Fulfillment>();
	private orderNumber = 1000;
	/** Whether the warehouse ships every new fulfillment at once (tracking numbers and labels appear). */
	autoShip = false;

	constructor(private readonly context: VendorContext) {}

	private now(): string {
		return this.context.clock.now().toISOString();
	}

	private product(organizationId: string, productId: string, field: string): Product {
		const product = PRODUCTS.find(
			(candidate) => candidate.id === productId && candidate.organizationId === organizationId,
		);
		if (!product) throw new HttpError(400, `Product '${productId}' not found (${field})`);
		return product;
	}

	createOrder(
		organizationId: string,
		items: Line[],
		cause: string,
		id: string = randomUUID(),
	): Order {
		if (this.orders.has(id)) throw new HttpError(409, `Order '${id}' already exists`);
		const now = this.now();
		const channelOrderId = `CH-${++this.orderNumber}`;
		const order: Order = {
			id,
			organizationId,
			channelOrderId,
			status: 'OPEN',
			orderDate: now,
			accountId: ORDER_ACCOUNT_ID,
			referenceIds: [channelOrderId],
			address: { ...DEMO_ADDRESS },
			items: items.map((line) => ({
				product: productRecord(this.product(organizationId, line.productId, 'items')),
				quantity: line.quantity,
			})),
			createdAt: now,
			updatedAt: now,
		};
		this.orders.set(order.id, order);
		this.context.recordChange({
			entity: 'order',
			id: order.id,
			from: null,
			to: order.status,
			cause,
		});
		return structuredClone(order);
	}

	order(organizationId: string, orderId: string): Order | undefined {
		const order = this.orders.get(orderId);
		return order?.organizationId === organizationId ? order : undefined;
	}

	/** Order detail: the order with its fulfillments (shipments, tracking numbers, labels). */
	orderDetail(organizationId: string, orderId: string) {
		const order = this.order(organizationId, orderId);
		if (!order) throw new HttpError(404, `Order '${orderId}' not found`);
		return {
			...withoutOrganization(order),
			organization: ORGANIZATIONS.find((org) => org.id === organizationId),
			fulfillments: [...this.fulfillments.values()]
				.filter((fulfillment) => fulfillment.orderId === orderId)
				.map((fulfillment) => this.render(fulfillment)),
		};
	}

	fulfillment(organizationId: string, id: string) {
		const fulfillment = this.fulfillments.get(id);
		if (!fulfillment || fulfillment.organizationId !== organizationId)
			throw new HttpError(404, `Fulfillment '${id}' not found`);
		return this.render(fulfillment);
	}

	create(organizationId: string, input: NewFulfillment, cause: string) {
		const order =
			input.orderId === undefined ? undefined : this.order(organizationId, input.orderId);
		if (input.orderId !== undefined && !order)
			throw new HttpError(404, `Order '${input.orderId}' not found`);
		const warehouses = WAREHOUSES.filter(
			(warehouse) => warehouse.organizationId === organizationId,
		);
		const warehouse =
			input.warehouseId === undefined
				? warehouses[0]
				: warehouses.find((candidate) => candidate.id === input.warehouseId);
		if (!warehouse) throw new HttpError(400, `Warehouse '${input.warehouseId}' not found`);
		const items = input.items.map((line) => ({
			product: this.product(organizationId, line.productId, 'items'),
			quantity: line.quantity,
		}));
		input.shipments.forEach((shipment, index) =>
			shipment.items.forEach((line) =>
				this.product(organizationId, line.productId, `shipments[${index}].items`),
			),
		);
		if (input.channelFulfillmentId !== undefined) {
			const taken = [...this.fulfillments.values()].some(
				(existing) =>
					existing.organizationId === organizationId &&
					existing.channelFulfillmentId === input.channelFulfillmentId,
			);
			if (taken)
				throw new HttpError(
					409,
					`Fulfillment with channelFulfillmentId '${input.channelFulfillmentId}' already exists for this organization`,
					{
						code: 'ALREADY_EXISTS',
					},
				);
		}

		const now = this.now();
		const id = randomUUID();
		const stamp = { createdAt: now, updatedAt: now };
		const fulfillment: Fulfillment = {
			id,
			organizationId,
			status: 'CREATED',
			address: input.address,
			channelFulfillmentId: input.channelFulfillmentId ?? null,
			meta: {},
			warehouse: warehouseRecord(warehouse),
			warehousePickId: randomUUID(),
			shippingMethod: input.shippingMethod,
			items: items.map(({ product, quantity }) => ({
				product: productRecord(product),
				channelFulfillmentItemId: null,
				quantity,
				meta: {},
			})),
			...stamp,
			attachments: input.attachments.map((attachment) => ({
				id: randomUUID(),
				...attachment,
				...stamp,
			})),
			shipments: input.shipments.map((shipment) => ({
				id: randomUUID(),
				fulfillmentId: id,
				manifestId: null,
				channelShipmentId: null,
				status: 'CREATED',
				meta: {},
				shippingCarrier: carrier(shipment.shippingCarrierId ?? 'OTHER'),
				trackingNumber: shipment.trackingNumber ?? '',
				trackingUrl: '',
				items: shipment.items.map((line) => ({
					channelShipmentItemId: null,
					product: productRecord(this.product(organizationId, line.productId, 'shipments')),
					quantity: line.quantity,
					meta: {},
				})),
				labels: shipment.prepaidLabels.map((label) => ({
					id: randomUUID(),
					type: 'PREPAID',
					carrier: '',
					trackingNumber: '',
					trackingUrl: '',
					amount: 0,
					amountCurrency: 'USD',
					filePath: label.filePath,
					purchasedLabel: null,
					...stamp,
				})),
				packages: [],
				...stamp,
			})),
			orderOrganization: ORGANIZATIONS.find((org) => org.id === organizationId),
			shipByDate: null,
			deliverByDate: null,
			customerNote: input.customerNote ?? null,
			referenceIds: [...(order ? order.referenceIds : []), ...input.additionalReferenceIds],
			orderId: order?.id ?? null,
			orderDate: order?.orderDate ?? null,
			orderAccountId: order?.accountId ?? input.orderAccountId ?? null,
			orderChannelOrderId: order?.channelOrderId ?? null,
			rmaId: input.rmaId ?? null,
			orderType: input.orderType ?? 0,
			method: input.method ?? 0,
			signatureRequired: input.signatureRequired ?? false,
			accountCode: input.accountCode ?? null,
		};
		this.fulfillments.set(id, fulfillment);
		this.context.recordChange({
			entity: 'fulfillment',
			id,
			from: null,
			to: fulfillment.status,
			cause,
		});
		const created = this.render(fulfillment);
		if (this.autoShip) this.ship(id, {}, `${cause} (auto-ship)`);
		return created;
	}

	/** What the warehouse does when it ships: every shipment gets a carrier, tracking number and label. */
	ship(id: string, options: { trackingNumber?: string; carrierId?: string }, cause: string) {
		const fulfillment = this.fulfillments.get(id);
		if (!fulfillment) throw new HttpError(404, `Fulfillment '${id}' not found`);
		const now = this.now();
		fulfillment.shipments.forEach((shipment, index) => {
			const trackingNumber = options.trackingNumber
				? `${options.trackingNumber}${fulfillment.shipments.length > 1 ? `-${index + 1}` : ''}`
				: shipment.trackingNumber ||
					`1Z${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
			const shipped = carrier(options.carrierId ?? shipment.shippingCarrier.id);
			const trackingUrl = `https://track.example.com/${shipped.id.toLowerCase()}/${trackingNumber}`;
			Object.assign(shipment, {
				status: 'SHIPPED',
				trackingNumber,
				trackingUrl,
				shippingCarrier: shipped,
				updatedAt: now,
			});
			shipment.labels.push({
				id: randomUUID(),
				type: 'PURCHASED',
				carrier: shipped.id,
				trackingNumber,
				trackingUrl,
				amount: 12.5,
				amountCurrency: 'USD',
				filePath: `${fulfillment.organizationId}/labels/${trackingNumber}.pdf`,
				purchasedLabel: null,
				createdAt: now,
				updatedAt: now,
			});
		});
		const from = fulfillment.status;
		fulfillment.status = 'SHIPPED';
		fulfillment.updatedAt = now;
		this.context.recordChange({ entity: 'fulfillment', id, from, to: 'SHIPPED', cause });
		return this.render(fulfillment);
	}

	allOrders() {
		return [...this.orders.values()].map((order) => structuredClone(order));
	}

	allFulfillments() {
		return [...this.fulfillments.values()].map((fulfillment) => this.render(fulfillment));
	}

	clear(): void {
		this.orders.clear();
		this.fulfillments.clear();
		this.orderNumber = 1000;
		this.autoShip = false;
	}

	private render(fulfillment: Fulfillment) {
		return withoutOrganization(fulfillment);
	}
}

/** A copy as the API shows it: which organization a record belongs to is the sandbox's business. */
function withoutOrganization<T extends { organizationId: string }>(
	record: T,
): Omit<T, 'organizationId'> {
	const copy: Partial<T> = structuredClone(record);
	delete copy.organizationId;
	return copy as Omit<T, 'organizationId'>;
}

function carrier(id: string) {
	return { id, name: id === 'OTHER' ? 'Other' : id };
}
