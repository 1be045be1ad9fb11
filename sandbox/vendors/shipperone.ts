import { HttpError } from '../core/http-error';
import type { SandboxRequest } from '../core/request';
import { json, type SandboxResponse } from '../core/response';
import type { Handler, Router } from '../core/router';
import type { VendorContext, VendorError, VendorModule } from '../core/vendor';
import { Orders, QUEUES, type QueueName, type Settings } from './shipperone/orders';
import { parseAccept, parseQueueQuery, parseSettings, parseShip } from './shipperone/params';
import { demoPlan, parseSeedOptions, seedPlan, type SeedOptions } from './shipperone/seed';

/** "page size is fixed at 100". */
export const PAGE_SIZE = 100;

/** ACL resources, named after the one the document shows: Shipper_FulfillmentOrder::api_pending_accept. */
const ACL = {
	pending_accept: 'Shipper_FulfillmentOrder::api_pending_accept',
	pending_shipment: 'Shipper_FulfillmentOrder::api_pending_shipment',
	failed: 'Shipper_FulfillmentOrder::api_failed',
	accept: 'Shipper_FulfillmentOrder::api_accept',
	ship: 'Shipper_FulfillmentOrder::api_ship',
} as const;
type AclResource = (typeof ACL)[keyof typeof ACL];

const STORES = ['default', 'eu_west'];

/** Static tokens, each issued for one store code. */
const TOKENS: Record<string, { label: string; store: string; acl: AclResource[] }> = {
	so_sandbox_full: { label: 'full access', store: 'default', acl: Object.values(ACL) },
	so_sandbox_readonly: {
		label: 'queues only (no accept/ship)',
		store: 'default',
		acl: [ACL.pending_accept, ACL.pending_shipment, ACL.failed],
	},
};

const DEFAULT_MESSAGES: Record<number, string> = {
	404: 'Request does not match any route.',
	405: 'Request does not match any route.',
	429: 'Too many requests. Try again later.',
};

export interface ShipperOneVendor extends VendorModule {
	readonly orders: Orders;
	/** The ERP's allocation, as the control route plays it: one order, or every order awaiting it. */
	allocate(orderId?: string): string[];
	settings(change?: Partial<Settings>): Settings;
	seed(options: SeedOptions): { orders: Array<Record<string, unknown>> };
	seedDemo(): Record<string, number>;
}

/** ShipperOne's fulfillment partner API, per shipperone-fulfillment-partner.txt. */
export function createShipperOne(context: VendorContext): ShipperOneVendor {
	const orders = new Orders(context);

	const settings = (change: Partial<Settings> = {}, cause = 'control settings'): Settings => {
		const before = { ...orders.settings };
		orders.settings = { ...orders.settings, ...change };
		if (JSON.stringify(before) !== JSON.stringify(orders.settings)) {
			context.recordChange({
				entity: 'settings',
				id: 'tenant',
				from: before,
				to: { ...orders.settings },
				cause,
			});
		}
		return { ...orders.settings };
	};

	const allocate = (orderId: string | undefined, cause: string): string[] =>
		orderId === undefined
			? orders.allocateAll(cause)
			: [String(orders.allocate(orderId, cause).order_id)];

	return {
		name: 'shipperone',
		title: 'ShipperOne',
		credentials: Object.entries(TOKENS).map(([token, { label, store }]) => ({
			label,
			values: { storeCode: store, accessToken: token },
		})),
		orders,

		registerRoutes(router: Router) {
			router
				.get('/rest/:store/V1/fulfillmentOrders/:queue', (request) => {
					const queue = request.params.queue as QueueName;
					if (!QUEUES.includes(queue)) throw new HttpError(404, DEFAULT_MESSAGES[404]);
					return guarded(ACL[queue], (checked) => {
						const { page, date } = parseQueueQuery(checked.query);
						const start = (page - 1) * PAGE_SIZE;
						return json(200, orders.queuePage(queue, date, start, PAGE_SIZE));
					})(request);
				})
				.post(
					'/rest/:store/V1/fulfillmentOrder/accept',
					guarded(ACL.accept, (request) => {
						const { orderId, lines } = parseAccept(request);
						return json(200, orders.accept(orderId, lines, request.cause));
					}),
				)
				.post(
					'/rest/:store/V1/fulfillmentOrder/ship',
					guarded(ACL.ship, (request) => {
						const { orderId, lines, tracks, extra } = parseShip(request);
						return json(200, orders.ship(orderId, lines, tracks, extra, request.cause));
					}),
				);
		},

		registerControlRoutes(router: Router) {
			const body = (request: SandboxRequest) => (request.json() ?? {}) as Record<string, unknown>;
			router
				.get('/orders', () => json(200, { orders: orders.all() }))
				.get('/orders/:orderId', (request) => {
					const order = orders.get(request.params.orderId);
					if (!order) throw new HttpError(404, `No fulfillment order ${request.params.orderId}`);
					return json(200, { order });
				})
				.post('/allocate', (request) =>
					json(200, { allocated: allocate(undefined, request.cause) }),
				)
				.post('/orders/:orderId/allocate', (request) =>
					json(200, { allocated: allocate(request.params.orderId, request.cause) }),
				)
				.post('/orders/:orderId/fail', (request) => {
					const reason = body(request).reason;
					if (reason !== undefined && typeof reason !== 'string')
						throw new HttpError(400, 'reason must be a string');
					return json(200, {
						order: orders.fail(
							request.params.orderId,
							reason ?? 'Failed by the sandbox control',
							request.cause,
						),
					});
				})
				.post('/orders/:orderId/restore', (request) =>
					json(200, { order: orders.restore(request.params.orderId, request.cause) }),
				)
				.post('/orders/:orderId/partials', (request) => {
					const { enabled } = body(request);
					if (typeof enabled !== 'boolean') throw new HttpError(400, 'enabled must be a boolean');
					return json(200, {
						order: orders.setPartials(request.params.orderId, enabled, request.cause),
					});
				})
				.get('/settings', () => json(200, { settings: settings() }))
				.post('/settings', (request) =>
					json(200, { settings: settings(parseSettings(request.json()), request.cause) }),
				);
		},

		/** Magento's REST error shape: `{message, parameters?}`, `%1`/`%name` filled from parameters. */
		renderError(error: VendorError, requestId: string): SandboxResponse {
			const message =
				error.message ||
				DEFAULT_MESSAGES[error.status] ||
				(error.status >= 500
					? `Internal Error. Details are available in the ShipperOne log file. Report ID: webapi-${requestId}`
					: error.reason);
			return json(error.status, {
				message,
				...(error.details !== undefined && { parameters: error.details }),
			});
		},

		allocate: (orderId) => allocate(orderId, 'control allocate'),
		settings: (change) => settings(change),

		reset() {
			orders.clear();
		},

		seed(options) {
			const valid = parseSeedOptions({ ...options });
			return { orders: seedPlan(valid).map((order) => orders.create(order, 'control seed')) };
		},

		seedDemo() {
			const counts: Record<string, number> = {};
			for (const order of demoPlan(context.clock.now())) {
				orders.create(order, 'demo seed');
				counts[order.queue] = (counts[order.queue] ?? 0) + 1;
			}
			return counts;
		},
	};
}

/**
 * The checks before any route: the store code in the path, then the Bearer token (valid, and issued
 * for that store), then the token's ACL resource for the endpoint.
 */
function guarded(resource: AclResource, handler: Handler): Handler {
	return (request) => {
		const store = request.params.store;
		if (!STORES.includes(store))
			throw new HttpError(
				404,
				"The store that was requested wasn't found. Verify the store and try again.",
			);
		const header = request.header('authorization');
		const token =
			header === undefined ? undefined : (/^Bearer\s+(.+)$/i.exec(header.trim())?.[1] ?? '');
		if (!token)
			throw new HttpError(401, 'Missing Bearer token: send Authorization: Bearer <token>.');
		const grant = TOKENS[token];
		// Echoes the token as received, so the nodes must redact it themselves.
		if (!grant) throw new HttpError(401, 'The token "%1" is not valid.', { details: [token] });
		if (grant.store !== store)
			throw new HttpError(401, 'The token is not valid for store "%1".', { details: [store] });
		if (!grant.acl.includes(resource)) {
			throw new HttpError(403, "The consumer isn't authorized to access %resources.", {
				details: { resources: resource },
			});
		}
		return handler(request);
	};
}
